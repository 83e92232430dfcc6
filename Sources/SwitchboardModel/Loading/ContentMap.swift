/// Where every content file's page lives, known from discovery before any file
/// is parsed, so links can be rewritten in the same pass that renders them.
public struct ContentMap: Sendable {
    /// Page URL (without base path) by content path, for files that have a page.
    public var pageURLs: [String: String]
    /// Content paths of assets.
    public var assets: Set<String>
    /// "" or "/docs": what every site URL starts with.
    public var basePath: String

    public init(files: [DiscoveredFile], basePath: String) {
        var pages: [String: String] = [:]
        var assets = Set<String>()
        for file in files {
            if file.collection == .asset {
                assets.insert(file.path)
            } else if let url = file.collection.pageURL(slug: file.slug, category: file.category) {
                pages[file.path] = url
            }
        }
        self.pageURLs = pages
        self.assets = assets
        self.basePath = basePath
    }

    /// A site path with the base path in front.
    public func url(_ path: String) -> String { basePath + path }
}
