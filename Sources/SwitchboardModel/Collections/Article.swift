import SwitchboardMarkdown

/// `content/kb/<category>/<slug>.md`.
public struct Article: Sendable, Codable, Equatable {
    public var info: EntryInfo
    /// The category folder's slug.
    public var category: String
    public var title: String
    public var summary: String
    public var products: [String]
    public var tags: [String]
    /// From front matter; else the file's last commit date, filled in by the loader.
    public var updated: Day?
    public var draft: Bool
    public var related: [String]
    public var promoted: Bool
    /// Empty while the body is in an `ArticleBodyStore` (`storedBody`): read it with
    /// `pageBody` and `bodySections`.
    public var body: MarkdownText
    /// Where the body is kept by a build that runs once; nil while `body` holds it.
    public var storedBody: ArticleBodyStore.Reference?
    /// The body as the parse cache encoded it, not yet decoded, while `body` is empty: set only
    /// between decoding an entry for a load that keeps bodies in a store and `storingBody(in:)`.
    var encodedBody: EncodedArticleBody?

    /// Every field but `storedBody`, which names a place in this process only: the parse
    /// cache writes the body itself (`withBodyLoaded()`).
    enum CodingKeys: String, CodingKey {
        case info, category, title, summary, products, tags, updated, draft, related, promoted, body
    }

    /// The body as the article's page shows it: its HTML and headings. Empty when a stored
    /// body cannot be read back, which the store reports (`ArticleBodyStore.readFailed`).
    public var pageBody: RenderedMarkdown {
        guard let storedBody else { return body.rendered }
        return storedBody.page() ?? MarkdownText.empty.rendered
    }

    /// The hash of `pageBody` (`ContentHasher.pageBodyDigest`), without reading a stored body back.
    public var pageBodyDigest: ContentDigest {
        storedBody?.pageDigest ?? encodedBody?.pageDigest ?? ContentHasher.pageBodyDigest(body.rendered)
    }

    /// The body's sections, for the search index (empty when unreadable, as `pageBody`).
    public var bodySections: [MarkdownSection] {
        guard let storedBody else { return body.rendered.sections }
        return storedBody.sections() ?? []
    }

    /// The article with its body in `body`, read back from the store if it is there; nil
    /// when it cannot be read back.
    public func withBodyLoaded() -> Article? {
        guard let storedBody else { return self }
        guard var rendered = storedBody.page(), let sections = storedBody.sections() else { return nil }
        rendered.sections = sections
        var article = self
        article.body = MarkdownText(source: "", rendered: rendered)
        article.storedBody = nil
        return article
    }

    /// The article with its body moved to `store`; as it was when the store cannot take it.
    func storingBody(in store: ArticleBodyStore) -> Article {
        if let encoded = encodedBody {
            var article = self
            article.encodedBody = nil
            if let reference = store.put(encoded: encoded) {
                article.storedBody = reference
                return article
            }
            // The store cannot take it: decoded into memory, as an article parsed now keeps it.
            guard let bytes = encoded.readBytes(), let rendered = EncodedArticleBody.decode(bytes) else {
                store.reportUnreadable()
                return article
            }
            article.body = MarkdownText(source: body.source, rendered: rendered)
            return article
        }
        guard storedBody == nil, let reference = store.put(body.rendered) else { return self }
        var article = self
        article.body = .empty
        article.storedBody = reference
        return article
    }
}

// In an extension, so the struct keeps its memberwise initialiser (`LoadedFileReader` uses it).
extension Article {
    init(_ info: EntryInfo, category: String, _ r: Record, body: MarkdownText) {
        self.info = info
        self.category = category
        title = r.string("title")
        summary = r.string("summary")
        products = r.strings("products")
        tags = r.strings("tags")
        updated = r.date("updated")
        draft = r.bool("draft")
        related = r.strings("related")
        promoted = r.bool("promoted")
        self.body = body
    }
}
