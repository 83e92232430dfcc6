/// `content/faq/<slug>.md`: one question; the body is the answer.
public struct FAQ: Sendable, Codable {
    public var info: EntryInfo
    public var question: String
    public var category: String
    public var products: [String]
    public var related: [String]
    public var order: Int
    public var answer: MarkdownText
}

// In an extension, so the struct keeps its memberwise initialiser (`LoadedFileReader` uses it).
extension FAQ {
    init(_ info: EntryInfo, _ r: Record, body: MarkdownText) {
        self.info = info
        question = r.string("question")
        category = r.optionalString("category") ?? "General"
        products = r.strings("products")
        related = r.strings("related")
        order = r.int("order") ?? Int.max
        answer = body
    }
}
