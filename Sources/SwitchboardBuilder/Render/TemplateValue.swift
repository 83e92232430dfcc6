/// A template context converted once into a closed set of cases, so the compiled
/// renderer (`CompiledTemplate`) reads values with a switch and a dictionary
/// lookup instead of swift-mustache's dynamic casts on every variable.
enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(TemplateFields)
    /// Any other value, by its description (as swift-mustache prints it).
    case other(String)

    init(_ value: any Sendable) {
        // The common types first, by the identity of their dynamic type (as `ContextDigest`
        // does): a failed dynamic cast costs the runtime far more than comparing two pointers,
        // and a context tried as a string, a flag and a number before it matched as a context
        // list paid three. Each case converts exactly as the casts below would.
        switch ObjectIdentifier(type(of: value)) {
        case ContextValueType.string: self = .string(value as! String)
        case ContextValueType.context: self = .object(TemplateFields(value as! TemplateContext))
        case ContextValueType.contextList: self = .list((value as! [TemplateContext]).map { .object(TemplateFields($0)) })
        case ContextValueType.stringList: self = .list((value as! [String]).map { .string($0) })
        case ContextValueType.bool: self = .bool(value as! Bool)
        case ContextValueType.int: self = .int(value as! Int)
        default: self.init(casting: value)
        }
    }

    /// Any other type: what it converts to (an `[String: String]` as an object, a list of
    /// anything as a list).
    private init(casting value: any Sendable) {
        switch value {
        case let text as String: self = .string(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let context as TemplateContext: self = .object(TemplateFields(context))
        case let strings as [String: String]: self = .object(TemplateFields(strings.mapValues { $0 as any Sendable }))
        case let list as [TemplateContext]: self = .list(list.map { .object(TemplateFields($0)) })
        case let list as [String]: self = .list(list.map { .string($0) })
        case let list as [any Sendable]: self = .list(list.map { TemplateValue($0) })
        default: self = .other(String(describing: value))
        }
    }
}

/// The fields of one context, with `has_<key>: true` beside every non-empty list of
/// mappings or strings (as `templateObject()` adds them) and the shared values
/// every page falls back to.
final class TemplateFields: Sendable {
    let values: [String: TemplateValue]
    let fallback: TemplateFields?

    init(_ context: TemplateContext, fallback: TemplateFields? = nil) {
        var values: [String: TemplateValue] = [:]
        values.reserveCapacity(context.count + 2)
        for (key, value) in context {
            let converted = TemplateValue(value)
            values[key] = converted
            // A list converted from a list of contexts or strings (not from `[any Sendable]`):
            // the type's identity first, as above, the casts only for other types.
            if case .list(let items) = converted, !items.isEmpty {
                let type = ObjectIdentifier(Swift.type(of: value))
                if type == ContextValueType.contextList || type == ContextValueType.stringList || value is [TemplateContext] || value is [String] {
                    values["has_" + key] = .bool(true)
                }
            }
        }
        self.values = values
        self.fallback = fallback
    }

    func child(_ name: String) -> TemplateValue? {
        values[name] ?? fallback?.values[name]
    }
}
