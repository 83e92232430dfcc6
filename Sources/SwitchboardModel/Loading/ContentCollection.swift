/// The collections of the content contract, and where each lives in content/.
public enum ContentCollection: String, Sendable, CaseIterable, Codable {
    case site, products, policies, categories, articles, faq, devices, escalation, vendors
    case supportHours, rateCard, checklists, statusComponents, incidents, maintenance, asset
    case synonyms

    /// Markdown with front matter, or YAML.
    public var isMarkdown: Bool {
        switch self {
        case .policies, .articles, .faq, .vendors, .incidents, .maintenance: return true
        default: return false
        }
    }

    /// The schema of the file (or of its front matter).
    public var rootType: FieldType? {
        switch self {
        case .site: return .object(Schemas.site)
        case .products: return .list(.object(Schemas.product), minItems: 1)
        case .policies: return .object(Schemas.policy)
        case .categories: return .object(Schemas.category)
        case .articles: return .object(Schemas.article)
        case .faq: return .object(Schemas.faq)
        case .devices: return .object(Schemas.device)
        case .escalation: return .object(Schemas.escalation)
        case .vendors: return .object(Schemas.vendor)
        case .supportHours: return .object(Schemas.hours)
        case .rateCard: return .object(Schemas.rates)
        case .checklists: return .object(Schemas.checklist)
        case .statusComponents: return .object(Schemas.components)
        case .incidents: return .object(Schemas.incident)
        case .maintenance: return .object(Schemas.maintenance)
        case .asset: return nil
        case .synonyms: return .object(Schemas.synonyms)
        }
    }

    /// Where the collection's files live, as the docs write it.
    public var pattern: String {
        switch self {
        case .site: return "site.yml"
        case .products: return "products.yml"
        case .policies: return "policies/<slug>.md"
        case .categories: return "kb/<category>/_category.yml"
        case .articles: return "kb/<category>/<slug>.md"
        case .faq: return "faq/<slug>.md"
        case .devices: return "devices/<slug>.yml"
        case .escalation: return "escalation/<slug>.yml"
        case .vendors: return "vendors/<slug>.md"
        case .supportHours: return "support/hours.yml"
        case .rateCard: return "support/rates.yml"
        case .checklists: return "support/checklists/<slug>.yml"
        case .statusComponents: return "status/components.yml"
        case .incidents: return "status/incidents/<slug>.md"
        case .maintenance: return "status/maintenance/<slug>.md"
        case .asset: return "assets/**"
        case .synonyms: return "search/synonyms.yml"
        }
    }

    /// The page of an entry on the site, without the base path.
    func pageURL(slug: String, category: String?) -> String? {
        switch self {
        case .site: return SiteURL.home
        case .products: return nil
        case .policies: return SiteURL.policy(slug)
        case .categories: return SiteURL.category(slug)
        case .articles: return SiteURL.article(category: category ?? "", slug: slug)
        case .faq: return SiteURL.faqEntry(slug)
        case .devices: return SiteURL.device(slug)
        case .escalation: return SiteURL.escalation(slug)
        case .vendors: return SiteURL.vendor(slug)
        case .supportHours: return SiteURL.support
        case .rateCard: return SiteURL.rates
        case .checklists: return SiteURL.checklist(slug)
        case .statusComponents: return SiteURL.status
        case .incidents: return SiteURL.incident(slug)
        case .maintenance: return SiteURL.maintenance(slug)
        case .asset, .synonyms: return nil
        }
    }
}
