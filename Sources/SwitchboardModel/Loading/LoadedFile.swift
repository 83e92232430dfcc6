/// One file after parsing and validation: its typed entry (when it could be
/// built) and everything the cross-file checks need from it.
struct LoadedFile: Sendable, Codable {
    enum Entry: Sendable, Codable {
        case site(SiteConfig)
        case products([Product])
        case policy(Policy)
        case category(Category)
        case article(Article)
        case faq(FAQ)
        case device(SIPDevice)
        case escalation(EscalationMatrix)
        case vendor(VendorProcess)
        case hours(SupportHours)
        case rates(RateCard)
        case checklist(Checklist)
        case components([StatusComponent])
        case incident(Incident)
        case maintenance(Maintenance)
        case asset
        case synonyms(SearchSynonyms)
    }

    var file: DiscoveredFile
    var entry: Entry?
    var diagnostics: [Diagnostic]
    var references: [ReferenceUse] = []
    var pendingAnchors: [PendingAnchor] = []
    /// Heading ids of the file's Markdown body, for anchor checks.
    var anchors: Set<String> = []

    /// The file with an article's body moved to `store` (`Article.storingBody(in:)`).
    func storingBody(in store: ArticleBodyStore?) -> LoadedFile {
        guard let store, case .article(let article)? = entry else { return self }
        var file = self
        file.entry = .article(article.storingBody(in: store))
        return file
    }

    /// The file with an article's body read back from its store, to be written to the parse
    /// cache; nil when it cannot be read back.
    func withBodyLoaded() -> LoadedFile? {
        guard case .article(let article)? = entry, article.storedBody != nil else { return self }
        guard let loaded = article.withBodyLoaded() else { return nil }
        var file = self
        file.entry = .article(loaded)
        return file
    }
}
