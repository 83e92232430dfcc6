/// `content/policies/<slug>.md`.
public struct Policy: Sendable {
    public var info: EntryInfo
    public var title: String
    public var summary: String
    public var section: String?
    public var version: String
    /// The day the version took effect; the month's first day when `effectiveIsMonth`.
    public var effective: Day
    /// Only the month is known (`effective: 2023-03`): show "March 2023", never a day.
    public var effectiveIsMonth: Bool
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
        effective = r.date("effective") ?? r.month("effective") ?? Day(year: 1970, month: 1, day: 1)
        effectiveIsMonth = r.month("effective") != nil
        reviewBy = r.date("review_by")
        owner = r.optionalString("owner")
        order = r.int("order") ?? Int.max
        products = r.strings("products")
        self.body = body
    }
}
