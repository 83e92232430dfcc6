/// How Markdown is turned into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML through. Off by default: editors' HTML is replaced by a comment.
    public var allowRawHTML: Bool
    /// Curly quotes, en and em dashes, ellipses.
    public var smartPunctuation: Bool

    public init(allowRawHTML: Bool = false, smartPunctuation: Bool = true) {
        self.allowRawHTML = allowRawHTML
        self.smartPunctuation = smartPunctuation
    }
}
