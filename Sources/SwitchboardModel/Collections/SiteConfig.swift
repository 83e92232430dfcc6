/// `content/site.yml`.
public struct SiteConfig: Sendable, Codable {
    public struct NavItem: Sendable, Codable { public var title: String; public var url: String }
    public struct SupportLinks: Sendable, Codable {
        public var phone, doaPhone, email, portalURL, emergencyURL, approvedDevicesURL: String?
        /// Set when `emergency_url` is still to be confirmed.
        public var emergencyPlaceholder: Placeholder?
    }

    public var title: String
    public var description: String?
    public var baseURL: String
    public var language: String
    public var timeZone: String
    public var organisation: String
    public var nav: [NavItem]
    public var support: SupportLinks
    public var repositoryURL: String?
    public var allowRawHTML: Bool

    init(_ r: Record) {
        title = r.string("title")
        description = r.optionalString("description")
        baseURL = r.string("base_url")
        language = r.string("language")
        timeZone = r.string("time_zone")
        organisation = r.string("organisation")
        nav = r.records("nav").map { NavItem(title: $0.string("title"), url: $0.string("url")) }
        let s = r.record("support")
        support = SupportLinks(
            phone: s?.optionalString("phone"), doaPhone: s?.optionalString("doa_phone"), email: s?.optionalString("email"),
            portalURL: s?.optionalString("portal_url"), emergencyURL: s?.optionalString("emergency_url"),
            approvedDevicesURL: s?.optionalString("approved_devices_url"), emergencyPlaceholder: s?.placeholders["emergency_url"]
        )
        repositoryURL = r.optionalString("repository_url")
        allowRawHTML = r.bool("allow_raw_html")
    }

    /// The path part of the base URL without a trailing slash: "" or "/docs".
    public var basePath: String {
        var rest = baseURL
        if let scheme = rest.range(of: "://") { rest = String(rest[scheme.upperBound...]) }
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        var path = String(rest[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The scheme and host of the base URL, such as `https://support.example.com`.
    public var origin: String {
        let path = basePath
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        return path.isEmpty ? url : String(url.dropLast(path.count))
    }
}
