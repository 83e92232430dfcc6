import SwitchboardModel

/// Looks entries up by their reference (`kb/<slug>`, `faq/<slug>`, `policies/<slug>`)
/// and ranks related articles, once per build rather than once per page.
struct EntryIndex {
    let base: String
    private var entries: [String: (title: String, url: String, type: String)] = [:]
    private var articlesByProduct: [String: [Int]] = [:]
    private var articlesByTag: [String: [Int]] = [:]
    private let articles: [Article]

    init(_ site: Site) {
        base = site.basePath
        articles = site.articles.filter { !$0.draft }
        for article in articles { entries["kb/\(article.info.slug)"] = (article.title, article.info.url ?? "", "Article") }
        for faq in site.faqs { entries["faq/\(faq.info.slug)"] = (faq.question, faq.info.url ?? "", "FAQ") }
        for policy in site.policies { entries["policies/\(policy.info.slug)"] = (policy.title, policy.info.url ?? "", "Policy") }
        for (index, article) in articles.enumerated() {
            for product in article.products { articlesByProduct[product, default: []].append(index) }
            for tag in article.tags { articlesByTag[tag, default: []].append(index) }
        }
    }

    static let scanLimit = 64

    func link(_ reference: String) -> TemplateContext? {
        entries[reference].map { ["title": $0.title, "url": base + $0.url, "type": $0.type] }
    }

    /// Explicit `related` first, then articles sharing products and tags (tags count double), at most five.
    func related(to article: Article) -> [TemplateContext] {
        var result = article.related.compactMap(link)
        var seen = Set(article.related)
        seen.insert("kb/\(article.info.slug)")
        var scores: [Int: Int] = [:]
        // Each list is read only so far: a product shared by every article must not
        // make this quadratic in the number of pages.
        for product in article.products { for index in (articlesByProduct[product] ?? []).prefix(Self.scanLimit) { scores[index, default: 0] += 1 } }
        for tag in article.tags { for index in (articlesByTag[tag] ?? []).prefix(Self.scanLimit) { scores[index, default: 0] += 2 } }
        let ranked = scores.sorted { ($0.value, articles[$1.key].info.slug) > ($1.value, articles[$0.key].info.slug) }
        for (index, _) in ranked where result.count < 5 {
            let reference = "kb/\(articles[index].info.slug)"
            if seen.insert(reference).inserted, let entry = link(reference) { result.append(entry) }
        }
        return result
    }
}
