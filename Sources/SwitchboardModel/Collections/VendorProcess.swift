/// `content/vendors/<slug>.md`: how to get support from a third-party vendor.
public struct VendorProcess: Sendable, Codable {
    public var info: EntryInfo
    public var title: String
    public var vendor: String
    public var summary: String
    public var email: String?
    public var phone: String?
    public var url: String?
    /// The slug of an escalation matrix.
    public var escalation: String?
    public var products: [String]
    public var body: MarkdownText

    init(_ info: EntryInfo, _ r: Record, body: MarkdownText) {
        self.info = info
        title = r.string("title")
        vendor = r.string("vendor")
        summary = r.string("summary")
        let contact = r.record("contact")
        email = contact?.optionalString("email")
        phone = contact?.optionalString("phone")
        url = contact?.optionalString("url")
        escalation = r.optionalString("escalation")
        products = r.strings("products")
        self.body = body
    }
}
