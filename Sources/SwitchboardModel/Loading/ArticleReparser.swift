/// Parses one article file again as the load that made it would have: with the same map of
/// content paths, base path, raw-HTML switch, limits and commit dates. `serve` uses it to
/// show an edited article's page before the whole site is rebuilt; the rebuild that follows
/// parses the file again and checks it against every other file.
///
/// Valid only while the set of content files, `site.yml` and the clock are those of that load:
/// the caller re-parses only paths that already held an article then, at the same clock.
public struct ArticleReparser: Sendable {
    let contentDirectory: String
    let decoder: EntryDecoder
    let commitDates: [String: Day]
    /// Every content path the load found.
    let knownPaths: Set<String>

    init(contentDirectory: String, decoder: EntryDecoder, now: Instant, commitDates: [String: Day], knownPaths: Set<String>) {
        self.contentDirectory = contentDirectory
        self.decoder = decoder
        self.now = now
        self.commitDates = commitDates
        self.knownPaths = knownPaths
    }

    /// Whether `path` is a file that came and went since the load without being part of the site:
    /// a tool's scratch file (`sed -i` writes `sedXXXXXX` beside the file and renames it over),
    /// which changes nothing a page reads.
    public func cameAndWent(_ path: String) -> Bool {
        guard let relative = relativePath(path), !knownPaths.contains(relative) else { return false }
        return !FileReader.exists(path)
    }

    private func relativePath(_ path: String) -> String? {
        let prefix = contentDirectory.hasSuffix("/") ? contentDirectory : contentDirectory + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    /// The clock the load ran at.
    public let now: Instant

    /// What parsing one file gave.
    public struct Result: Sendable {
        /// The article, when the file parsed into one (possibly with errors besides).
        public var article: Article?
        /// The file's own diagnostics: no cross-file check has run.
        public var diagnostics: [Diagnostic]
    }

    /// The article at `path` (as the watcher names it: the content folder as given, then the
    /// path inside it), or nil when the path is not an article's place in the layout.
    public func article(at path: String) -> Result? {
        guard let relative = relativePath(path),
              case .entry(.articles, let slug, let category) = ContentPathClassifier.classify(relative) else { return nil }
        let file = DiscoveredFile(path: relative, absolutePath: path, collection: .articles, slug: slug, category: category)
        let loaded = decoder.decode(file)
        guard case .article(var article)? = loaded.entry else { return Result(article: nil, diagnostics: loaded.diagnostics) }
        // As `SiteAssembler` does: the commit date stands in for a missing `updated`.
        if article.updated == nil { article.updated = commitDates[relative] }
        return Result(article: article, diagnostics: loaded.diagnostics)
    }
}
