/// `content/kb/<category>/<slug>.md`.
public struct Article: Sendable, Codable, Equatable {
    public var info: EntryInfo
    /// The category folder's slug.
    public var category: String
    public var title: String
    public var summary: String
    public var products: [String]
    public var tags: [String]
    /// From front matter; else the file's last commit date, filled in by the loader.
    public var updated: Day?
    public var draft: Bool
    public var related: [String]
    public var promoted: Bool
    public var body: MarkdownText

    init(_ info: EntryInfo, category: String, _ r: Record, body: MarkdownText) {
        self.info = info
        self.category = category
        title = r.string("title")
        summary = r.string("summary")
        products = r.strings("products")
        tags = r.strings("tags")
        updated = r.date("updated")
        draft = r.bool("draft")
        related = r.strings("related")
        promoted = r.bool("promoted")
        self.body = body
    }
}
