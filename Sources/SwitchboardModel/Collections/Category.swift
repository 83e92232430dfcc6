/// `content/kb/<category>/_category.yml`.
public struct Category: Sendable, Codable {
    public var info: EntryInfo
    public var title: String
    public var summary: String
    public var order: Int

    init(_ info: EntryInfo, _ r: Record) {
        self.info = info
        title = r.string("title")
        summary = r.string("summary")
        order = r.int("order") ?? Int.max
    }
}
