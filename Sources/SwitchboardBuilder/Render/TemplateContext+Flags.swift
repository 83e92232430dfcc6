extension Dictionary where Key == String, Value == any Sendable {
    /// Adds `has_<key>: true` beside every non-empty list, at every depth.
    ///
    /// Mustache cannot ask "is this list empty?" without also looping over it, and
    /// a wrapper (`<ul>`, a heading) must appear once, only when there are items.
    func withListFlags() -> TemplateContext {
        var result = self
        for (key, value) in self {
            if let list = value as? [TemplateContext] {
                if !list.isEmpty { result["has_" + key] = true }
                result[key] = list.map { $0.withListFlags() }
            } else if let list = value as? [any Sendable] {
                if !list.isEmpty { result["has_" + key] = true }
            } else if let nested = value as? TemplateContext {
                result[key] = nested.withListFlags()
            }
        }
        return result
    }
}
