import SwitchboardModel

/// Looks entries up by their reference (`kb/<slug>`, `faq/<slug>`, `policies/<slug>`)
/// and ranks related articles, once per build rather than once per page.
struct EntryIndex {
    let base: String
    private var entries: [String: (title: String, url: String, type: String)] = [:]
    private var articlesByProduct: [String: [Int]] = [:]
    private var articlesByTag: [String: [Int]] = [:]
    private let articles: [Article]
    /// Each published article's place in `articles`, by its content path.
    private var positions: [String: Int] = [:]

    init(_ site: Site) {
        base = site.basePath
        articles = site.articles.filter { !$0.draft }
        for article in articles { entries["kb/\(article.info.slug)"] = (article.title, article.info.url ?? "", "Article") }
        for faq in site.faqs { entries["faq/\(faq.info.slug)"] = (faq.question, faq.info.url ?? "", "FAQ") }
        for policy in site.policies { entries["policies/\(policy.info.slug)"] = (policy.title, policy.info.url ?? "", "Policy") }
        for (index, article) in articles.enumerated() {
            positions[article.info.path] = index
            for product in article.products { articlesByProduct[product, default: []].append(index) }
            for tag in article.tags { articlesByTag[tag, default: []].append(index) }
        }
    }

    /// How many entries of each product's and tag's list are read for one article.
    static let scanLimit = 64
    /// At most this many related entries per article.
    static let relatedLimit = 5

    func link(_ reference: String) -> TemplateContext? {
        entry(reference)?.context
    }

    /// An entry another page links to: its title, URL (with the base path) and type.
    struct Linked: Equatable, Sendable {
        var title: String
        var url: String
        var type: String
        var context: TemplateContext { ["title": title, "url": url, "type": type] }
    }

    func entry(_ reference: String) -> Linked? {
        entries[reference].map { Linked(title: $0.title, url: base + $0.url, type: $0.type) }
    }

    /// `relatedEntries(to:)` as template contexts.
    func related(to article: Article) -> [TemplateContext] {
        relatedEntries(to: article).map(\.context)
    }

    /// Explicit `related` first, then articles sharing products and tags (a shared tag counts
    /// double), at most five. Among equal scores the nearest articles in path order come first:
    /// they are usually of the same category and written together.
    func relatedEntries(to article: Article) -> [Linked] {
        var result = article.related.compactMap(entry)
        var seen = Set(article.related)
        seen.insert("kb/\(article.info.slug)")
        guard result.count < Self.relatedLimit, let own = positions[article.info.path] else { return result }
        var scores: [Int: Int] = [:]
        // Each list is read only around the article's own place: a product shared by every
        // article must not make this quadratic in the number of pages, and reading every list
        // from its start made the first few articles the related ones of every other article.
        func score(_ list: [Int]?, weight: Int) {
            guard let list, !list.isEmpty else { return }
            let window = Self.scanLimit / 2
            let middle = Self.insertionPoint(of: own, in: list)
            for index in list[max(0, middle - window)..<min(list.count, middle + window + 1)] where index != own {
                scores[index, default: 0] += weight
            }
        }
        for product in article.products { score(articlesByProduct[product], weight: 1) }
        for tag in article.tags { score(articlesByTag[tag], weight: 2) }
        let ranked = scores.sorted { left, right in
            if left.value != right.value { return left.value > right.value }
            let (leftDistance, rightDistance) = (abs(left.key - own), abs(right.key - own))
            if leftDistance != rightDistance { return leftDistance < rightDistance }
            return left.key < right.key
        }
        for (index, _) in ranked where result.count < Self.relatedLimit {
            let reference = "kb/\(articles[index].info.slug)"
            if seen.insert(reference).inserted, let entry = entry(reference) { result.append(entry) }
        }
        return result
    }

    /// The first place in the ascending `list` whose value is not below `value`.
    static func insertionPoint(of value: Int, in list: [Int]) -> Int {
        var (low, high) = (0, list.count)
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
