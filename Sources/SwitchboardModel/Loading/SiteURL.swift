/// Every URL of the site, without the base path: the one place that spells them.
/// Pages, links, feeds, the sitemap, the status API and the search index all ask here.
public enum SiteURL {
    public static let home = "/"
    public static let notFound = "/404.html"
    public static let search = "/search/"
    public static let sitemap = "/sitemap.xml"

    public static let policies = "/policies/"
    public static func policy(_ slug: String) -> String { "/policies/\(slug)/" }

    public static let knowledgeBase = "/kb/"
    public static let knowledgeBaseFeed = "/kb/feed.atom"
    public static func category(_ slug: String) -> String { "/kb/\(slug)/" }
    public static func article(category: String, slug: String) -> String { "/kb/\(category)/\(slug)/" }

    public static let faq = "/faq/"
    /// FAQ entries are anchors on the FAQ page.
    public static func faqEntry(_ slug: String) -> String { "/faq/#\(slug)" }

    public static let devices = "/devices/"
    public static let devicesJSON = "/devices/devices.json"
    public static let devicesCSV = "/devices/devices.csv"
    public static func device(_ slug: String) -> String { "/devices/\(slug)/" }

    public static let escalation = "/escalation/"
    public static func escalation(_ slug: String) -> String { "/escalation/\(slug)/" }

    public static let vendors = "/vendors/"
    public static func vendor(_ slug: String) -> String { "/vendors/\(slug)/" }

    public static let support = "/support/"
    public static let rates = "/support/rates/"
    public static let checklists = "/support/#checklists"
    public static func checklist(_ slug: String) -> String { "/support/checklists/\(slug)/" }

    public static let status = "/status/"
    public static let statusAtom = "/status/history.atom"
    public static let statusRSS = "/status/history.rss"
    public static func incident(_ slug: String) -> String { "/status/incidents/\(slug)/" }
    public static func maintenance(_ slug: String) -> String { "/status/maintenance/\(slug)/" }
    /// `key` is `yyyy-mm`.
    public static func statusHistory(_ key: String) -> String { "/status/history/\(key)/" }
    public static func statusAPI(_ file: String) -> String { "/status/api/v2/\(file)" }

    public static func asset(_ name: String) -> String { "/assets/\(name)" }

    /// The file a URL is written to: `/kb/` → `kb/index.html`, `/404.html` → `404.html`.
    public static func outputPath(_ url: String) -> String {
        var path = url.hasPrefix("/") ? String(url.dropFirst()) : url
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }
}
