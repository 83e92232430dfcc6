/// `content/support/checklists/<slug>.yml`: what to have done or gathered before raising a ticket.
public struct Checklist: Sendable, Codable {
    public struct Item: Sendable, Codable {
        public var text: String
        public var detail: MarkdownText?
        public var required: Bool
    }

    public var info: EntryInfo
    public var title: String
    public var summary: String?
    public var appliesTo: [String]
    public var context: String?
    public var items: [Item]

    init(_ info: EntryInfo, _ r: Record) {
        self.info = info
        title = r.string("title")
        summary = r.optionalString("summary")
        appliesTo = r.strings("applies_to")
        context = r.optionalString("context")
        items = r.records("items").map { Item(text: $0.string("text"), detail: $0.markdown("detail"), required: $0.bool("required")) }
    }
}
