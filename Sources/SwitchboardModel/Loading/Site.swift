/// Everything in content/, validated and typed: what the builder renders.
public struct Site: Sendable {
    public var config: SiteConfig
    public var products: [Product] = []
    public var policies: [Policy] = []
    public var categories: [Category] = []
    public var articles: [Article] = []
    public var faqs: [FAQ] = []
    public var devices: [SIPDevice] = []
    public var escalations: [EscalationMatrix] = []
    public var vendors: [VendorProcess] = []
    public var hours: SupportHours?
    public var rates: RateCard?
    public var checklists: [Checklist] = []
    public var components: [StatusComponent] = []
    public var incidents: [Incident] = []
    public var maintenances: [Maintenance] = []
    /// Words a search treats as the same (content/search/synonyms.yml).
    public var synonyms: SearchSynonyms?
    /// Files under content/assets/, copied as they are.
    public var assets: [DiscoveredFile] = []
    /// The build clock.
    public var now: Instant

    public init(config: SiteConfig, now: Instant) {
        self.config = config
        self.now = now
    }

    /// What every site URL starts with: "" or a path such as "/docs".
    public var basePath: String { config.basePath }

    public func product(_ id: String) -> Product? { products.first { $0.id == id } }
}
