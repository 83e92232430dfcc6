/// A YAML node as written, with its position: the loader's own tree, so no
/// Yams type leaves this module and every value keeps its source text.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        /// A scalar's text exactly as written, and whether it was quoted or a block.
        case scalar(String, ScalarStyle)
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    public enum ScalarStyle: Sendable {
        case plain, quoted, block
    }

    public var content: Content
    public var position: SourcePosition

    public init(_ content: Content, at position: SourcePosition) {
        self.content = content
        self.position = position
    }

    /// A plain `~`, `null`, `Null`, `NULL` or empty scalar.
    public var isNull: Bool {
        if case .scalar(let text, .plain) = content {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The scalar's text, or nil for a mapping or a sequence.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// A word for what the node is, for messages.
    public var kindDescription: String {
        switch content {
        case .scalar: return isNull ? "nothing" : "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}
