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
            if (value is [TemplateContext] || value is [String]), case .list(let items) = converted, !items.isEmpty {
                values["has_" + key] = .bool(true)
            }
        }
        self.values = values
        self.fallback = fallback
    }

    func child(_ name: String) -> TemplateValue? {
        values[name] ?? fallback?.values[name]
    }
}
