/// `content/policies/<slug>.md`.
public struct Policy: Sendable {
    public var info: EntryInfo
    public var title: String
    public var summary: String
    public var section: String?
    public var version: String
    public var effective: Day
    public var reviewBy: Day?
    public var owner: String?
    public var order: Int
    public var products: [String]
    public var body: MarkdownText

    init(_ info: EntryInfo, _ r: Record, body: MarkdownText) {
        self.info = info
        title = r.string("title")
        summary = r.string("summary")
        section = r.optionalString("section")
        version = r.string("version")
        effective = r.date("effective") ?? Day(year: 1970, month: 1, day: 1)
        reviewBy = r.date("review_by")
        owner = r.optionalString("owner")
        order = r.int("order") ?? Int.max
        products = r.strings("products")
        self.body = body
    }
}
