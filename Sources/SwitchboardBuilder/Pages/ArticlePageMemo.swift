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
