import SwitchboardModel

/// Looks entries up by their reference (`kb/<slug>`, `faq/<slug>`, `policies/<slug>`)
/// and ranks related articles, once per build rather than once per page.
struct EntryIndex: Sendable {
    let base: String
    /// FAQ and policy entries by reference; articles are found through `positionsBySlug`.
    private var entries: [String: (title: String, url: String, type: String)] = [:]
    private var articlesByProduct: [String: [Int]] = [:]
    private var articlesByTag: [String: [Int]] = [:]
    /// The site's articles, drafts included: shared with the site, not copied.
    private let all: [Article]
    /// The published articles' places in `all`, in order. Nearness among related articles is
    /// counted here, and these places are what the lists and dictionaries below hold.
    private var published: [Int] = []
    /// Each published article's place in `published`, by its content path and by its slug.
    private var positions: [String: Int] = [:]
    private var positionsBySlug: [String: Int] = [:]

    /// Made once per build, on the build's path, before any article's page: at 30,000 articles,
    /// copying every published article and keying each by an interpolated `kb/<slug>` took a
    /// tenth of a second.
    init(_ site: Site) {
        base = site.basePath
        all = site.articles
        published.reserveCapacity(all.count)
        // Articles are read in place by index throughout: binding one (`for article in`, `let
        // article = all[i]`) copies it whole, some twenty references retained and released.
        for index in all.indices where !all[index].draft { published.append(index) }
        positions.reserveCapacity(published.count)
        positionsBySlug.reserveCapacity(published.count)
        for faq in site.faqs { entries["faq/\(faq.info.slug)"] = (faq.question, faq.info.url ?? "", "FAQ") }
        for policy in site.policies { entries["policies/\(policy.info.slug)"] = (policy.title, policy.info.url ?? "", "Policy") }
        for (position, index) in published.enumerated() {
            positions[all[index].info.path] = position
            positionsBySlug[all[index].info.slug] = position
            for product in all[index].products { articlesByProduct[product, default: []].append(position) }
            for tag in all[index].tags { articlesByTag[tag, default: []].append(position) }
        }
    }

    /// How many entries of each product's and tag's list are read for one article.
    static let scanLimit = 64
    /// At most this many related entries per article.
    static let relatedLimit = 5

    /// An entry another page links to: its title, URL (with the base path) and type.
    struct Linked: Equatable, Sendable {
        var title: String
        var url: String
        var type: String
        var context: TemplateContext { ["title": title, "url": url, "type": type] }
    }

    func entry(_ reference: String) -> Linked? {
        if reference.utf8.starts(with: "kb/".utf8) {
            guard let position = positionsBySlug[String(reference.dropFirst(3))] else { return nil }
            let index = published[position]
            return Linked(title: all[index].title, url: base + (all[index].info.url ?? ""), type: "Article")
        }
        return entries[reference].map { Linked(title: $0.title, url: base + $0.url, type: $0.type) }
    }

    /// Explicit `related` first, then articles sharing products and tags (a shared tag counts
    /// double), at most five. Among equal scores the nearest articles in path order come first:
    /// they are usually of the same category and written together.
    func relatedEntries(to article: Article) -> [Linked] {
        var result = article.related.compactMap(entry)
        guard result.count < Self.relatedLimit, let own = positions[article.info.path] else { return result }
        // The article itself and the articles it names are not listed again.
        var excluded = [own]
        for reference in article.related where reference.hasPrefix("kb/") {
            if let index = positionsBySlug[String(reference.dropFirst(3))] { excluded.append(index) }
        }
        // Each list is read only around the article's own place: a product shared by every
        // article must not make this quadratic in the number of pages, and reading every list
        // from its start made the first few articles the related ones of every other article.
        // The (article, weight) pairs are sorted and summed per article: a dictionary of scores
        // per article was most of this function's time.
        var weights: [(index: Int, weight: Int)] = []
        weights.reserveCapacity(Self.scanLimit * (article.products.count + article.tags.count + 1))
        func score(_ list: [Int]?, weight: Int) {
            guard let list, !list.isEmpty else { return }
            let window = Self.scanLimit / 2
            let middle = Self.insertionPoint(of: own, in: list)
            for index in list[max(0, middle - window)..<min(list.count, middle + window + 1)] {
                weights.append((index, weight))
            }
        }
        for product in article.products { score(articlesByProduct[product], weight: 1) }
        for tag in article.tags { score(articlesByTag[tag], weight: 2) }
        weights.sort { $0.index < $1.index }
        var scores: [(index: Int, score: Int)] = []
        for (index, weight) in weights {
            if scores.last?.index == index { scores[scores.count - 1].score += weight } else { scores.append((index, weight)) }
        }
        // Higher score first, then nearer, then earlier.
        func precedes(_ left: (index: Int, score: Int), _ right: (index: Int, score: Int)) -> Bool {
            if left.score != right.score { return left.score > right.score }
            let (leftDistance, rightDistance) = (abs(left.index - own), abs(right.index - own))
            if leftDistance != rightDistance { return leftDistance < rightDistance }
            return left.index < right.index
        }
        // The best few are kept in order as candidates come, instead of sorting them all.
        let wanted = Self.relatedLimit - result.count
        var best: [(index: Int, score: Int)] = []
        best.reserveCapacity(wanted + 1)
        for (index, score) in scores where !excluded.contains(index) {
            let candidate = (index: index, score: score)
            if best.count == wanted, let last = best.last, !precedes(candidate, last) { continue }
            best.insert(candidate, at: best.firstIndex { precedes(candidate, $0) } ?? best.count)
            if best.count > wanted { best.removeLast() }
        }
        for (position, _) in best {
            let index = published[position]
            result.append(Linked(title: all[index].title, url: base + (all[index].info.url ?? ""), type: "Article"))
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
