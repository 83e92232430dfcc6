/// Where an entry came from and where its page goes.
public struct EntryInfo: Sendable, Hashable, Codable {
    /// The file's path inside content/, such as `kb/returns/doa.md`.
    public var path: String
    /// The file name without its extension.
    public var slug: String
    /// The page's path on the site without the base path, such as `/kb/returns/doa/`; nil for entries with no page.
    public var url: String?
    /// `draft: true`: checked, but left out of the Site that is rendered.
    public var draft = false
    /// Former URLs of the page, each published as a redirect to `url`.
    public var aliases: [Alias] = []

    public init(path: String, slug: String, url: String?) {
        self.path = path
        self.slug = slug
        self.url = url
    }
}
