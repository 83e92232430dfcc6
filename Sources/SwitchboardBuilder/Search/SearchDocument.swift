/// One page as the search index sees it.
public struct SearchDocument: Sendable {
    /// The page's URL without the base path (`/kb/returns/doa-return/`, `/faq/#what-is-doa`).
    public var url: String
    public var title: String
    /// Content type facet: "Policy", "Article", "FAQ", "Device", "Escalation", "Support", "Vendor", "Status".
    public var type: String
    /// Product ids (facet).
    public var products: [String]
    public var summary: String
    /// The body split at headings: (heading id or nil for text before the first heading, heading text, text).
    public var sections: [(anchor: String?, heading: String?, text: String)]

    public init(url: String, title: String, type: String, products: [String], summary: String,
                sections: [(anchor: String?, heading: String?, text: String)]) {
        self.url = url
        self.title = title
        self.type = type
        self.products = products
        self.summary = summary
        self.sections = sections
    }
}
