import SwitchboardModel

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
    /// Makes `sections` when the search index reads the document (`finished()`), when set: an
    /// article whose body is in an `ArticleBodyStore` reads its sections back then.
    var lateSections: (@Sendable () -> [(anchor: String?, heading: String?, text: String)])?
    /// The hash of the sections (`ContentHasher.sectionsDigest`) when they are made late.
    var sectionsDigest: ContentDigest?

    public init(url: String, title: String, type: String, products: [String], summary: String,
                sections: [(anchor: String?, heading: String?, text: String)]) {
        self.url = url
        self.title = title
        self.type = type
        self.products = products
        self.summary = summary
        self.sections = sections
    }

    /// The document with its sections made: what the search index reads.
    func finished() -> SearchDocument {
        guard let lateSections else { return self }
        var document = self
        document.sections = lateSections()
        document.lateSections = nil
        return document
    }
}
