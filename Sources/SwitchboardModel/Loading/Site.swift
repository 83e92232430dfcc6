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

    /// Where every entry with a page came from, its URL and its aliases.
    public var entriesWithPages: [EntryInfo] {
        // Gathered into one array by index: `map(\.info)` copies each entry whole first (an
        // article is some twenty references), and each `+` copied the list so far again.
        var infos: [EntryInfo] = []
        infos.reserveCapacity(policies.count + categories.count + articles.count + faqs.count + devices.count
                              + escalations.count + vendors.count + checklists.count + incidents.count + maintenances.count)
        for index in policies.indices { infos.append(policies[index].info) }
        for index in categories.indices { infos.append(categories[index].info) }
        for index in articles.indices { infos.append(articles[index].info) }
        for index in faqs.indices { infos.append(faqs[index].info) }
        for index in devices.indices { infos.append(devices[index].info) }
        for index in escalations.indices { infos.append(escalations[index].info) }
        for index in vendors.indices { infos.append(vendors[index].info) }
        for index in checklists.indices { infos.append(checklists[index].info) }
        for index in incidents.indices { infos.append(incidents[index].info) }
        for index in maintenances.indices { infos.append(maintenances[index].info) }
        return infos
    }

    /// The site with every article's body left out (its HTML, headings, links and sections).
    /// A build that runs once hands this to what runs after its pages are planned: their specs
    /// and search documents hold the bodies they need, and let them go as each page is rendered
    /// and each document analysed, where the site would hold them all to the end.
    public func withoutArticleBodies() -> Site {
        var site = self
        for index in site.articles.indices { site.articles[index].body = .empty }
        return site
    }

    /// Leaves out `draft: true` entries: they were checked, and are not published.
    mutating func removeDrafts() {
        policies.removeAll { $0.info.draft }
        articles.removeAll { $0.info.draft }
        faqs.removeAll { $0.info.draft }
        devices.removeAll { $0.info.draft }
        escalations.removeAll { $0.info.draft }
        vendors.removeAll { $0.info.draft }
        checklists.removeAll { $0.info.draft }
        incidents.removeAll { $0.info.draft }
        maintenances.removeAll { $0.info.draft }
    }
}
