/// A file found in content/ and the collection it belongs to.
public struct DiscoveredFile: Sendable, Codable {
    /// Path inside content/, with `/` separators.
    public var path: String
    /// Path to open.
    public var absolutePath: String
    public var collection: ContentCollection
    public var slug: String
    /// For articles, the category folder.
    public var category: String?

    public var info: EntryInfo {
        EntryInfo(path: path, slug: slug, url: collection.pageURL(slug: slug, category: category))
    }
}
