import SwitchboardModel

/// Each article's page spec and search document from the last build, with what they were made
/// from, so that a long-lived session (`serve`) makes them again only for articles whose inputs
/// changed. Building every article's context and hashing it were a third of a save's rebuild at
/// 10,000 articles.
///
/// The inputs are compared, not hashed: an article unchanged since the last build shares its
/// strings and arrays with the one kept here, and Swift compares shared storage without reading it.
final class ArticlePageMemo: @unchecked Sendable {
    /// Everything an article's page and search document read.
    struct Inputs: Equatable, Sendable {
        var article: Article
        var categoryTitle: String
        var related: [EntryIndex.Linked]
        var productNames: [String]
        var basePath: String
        var repositoryURL: String?

        /// The hash of everything here, which is everything the article's page is made from: its
        /// spec and context are functions of these inputs (`KnowledgeBasePages.spec`). A build
        /// compares it with the last build's, so an unchanged article's page is kept without its
        /// context being made or hashed (7,500 of them were a sixth of a one-edit rebuild's work).
        /// `LateContextTests` fails when `Article` or these inputs gain a field, to be added here.
        var pageDigest: ContentDigest {
            var hasher = ContentHasher()
            hasher.add("article page 1")
            let info = article.info
            hasher.add(info.path)
            hasher.add(info.slug)
            hasher.add(info.url ?? "\u{0}")
            hasher.add(info.draft ? 1 : 0)
            hasher.add(info.aliases.count)
            for alias in info.aliases { hasher.add(alias.path) }
            hasher.add(article.category)
            hasher.add(article.title)
            hasher.add(article.summary)
            for list in [article.products, article.tags, article.related, productNames] {
                hasher.add(list.count)
                for item in list { hasher.add(item) }
            }
            hasher.add(article.updated?.description ?? "\u{0}")
            hasher.add(article.draft ? 1 : 0)
            hasher.add(article.promoted ? 1 : 0)
            hasher.add(article.pageBodyDigest)
            hasher.add(categoryTitle)
            hasher.add(linked: related)
            hasher.add(basePath)
            hasher.add(repositoryURL ?? "\u{0}")
            return hasher.finish()
        }

        /// These inputs with `article` in place of the kept one, when nothing else they hold can
        /// depend on what changed: the article keeps its file, page, category, products, tags,
        /// related list and aliases, and stays published. (Its title, summary, dates and body are
        /// its own page's alone; other pages that show them are rebuilt by the build.) Nil otherwise.
        func replacing(article new: Article) -> Inputs? {
            let old = article
            guard new.info.path == old.info.path, new.info.slug == old.info.slug, new.info.url == old.info.url,
                  !new.draft, !new.info.draft, new.info.aliases.map(\.path) == old.info.aliases.map(\.path),
                  new.category == old.category, new.products == old.products, new.tags == old.tags, new.related == old.related
            else { return nil }
            var inputs = self
            inputs.article = new
            return inputs
        }
    }

    struct Entry: Sendable {
        var inputs: Inputs
        var page: PageSpec
        var document: SearchDocument
    }

    /// By article path; read by the family's workers, replaced after they finish.
    private(set) var entries: [String: Entry] = [:]

    /// How many articles the last build made again (the others were reused).
    private(set) var lastMade = 0

    init() {}

    /// The entries of this build, which replace the last one's (articles gone are forgotten).
    func replace(with entries: [String: Entry], made: Int) {
        self.entries = entries
        lastMade = made
    }
}
