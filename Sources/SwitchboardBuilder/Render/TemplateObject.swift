import Mustache

/// What the renderer hands swift-mustache: a dictionary behind a type that
/// conforms to `MustacheParent` directly.
///
/// A plain `[String: Any]` is a `MustacheParent` only through a conditional
/// conformance, and swift-mustache casts every object on its context stack
/// for every variable it looks up; resolving that conditional conformance
/// each time was the largest single cost of rendering a page.
struct TemplateObject: MustacheParent, Sendable {
    let values: [String: any Sendable]
    /// Where keys this object lacks are found: the values every page shares,
    /// converted once per build instead of copied into every page's context.
    let fallback: [String: any Sendable]?

    init(values: [String: any Sendable], fallback: TemplateObject? = nil) {
        self.values = values
        self.fallback = fallback?.values
    }

    func child(named name: String) -> Any? { values[name] ?? fallback?[name] }
}

extension Dictionary where Key == String, Value == any Sendable {
    /// This context as `TemplateObject`s all the way down, with `has_<key>: true`
    /// beside every non-empty list: Mustache cannot ask "is this list empty?"
    /// without also looping over it, and a wrapper (`<ul>`, a heading) must appear
    /// once, only when there are items.
    func templateObject(fallback: TemplateObject? = nil) -> TemplateObject {
        var result: [String: any Sendable] = [:]
        result.reserveCapacity(count)
        for (key, value) in self {
            if let nested = value as? TemplateContext {
                result[key] = nested.templateObject()
            } else if let list = value as? [TemplateContext] {
                if !list.isEmpty { result["has_" + key] = true }
                result[key] = list.map { $0.templateObject() }
            } else if let list = value as? [String] {
                if !list.isEmpty { result["has_" + key] = true }
                result[key] = list
            } else {
                result[key] = value
            }
        }
        return TemplateObject(values: result, fallback: fallback)
    }
}
