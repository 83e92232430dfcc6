/// Every term of every page, with the pages it occurs in: the analyses turned inside out.
struct SearchInvertedIndex {
    struct Posting {
        var doc: Int
        var counts: SearchDocumentAnalysis.TermCounts
    }

    /// Distinct terms, sorted by code point.
    let terms: [String]
    /// Postings of each term, ascending by page id.
    let postings: [[Posting]]

    /// `analyses[id]` is page `id`'s analysis.
    init(_ analyses: [SearchDocumentAnalysis]) {
        var number: [String: Int] = [:]
        var names: [String] = []
        var lists: [[Posting]] = []
        // Pages in id order, so each list comes out sorted without a sort.
        for (doc, analysis) in analyses.enumerated() {
            for (term, counts) in zip(analysis.terms, analysis.counts) {
                if let t = number[term] {
                    lists[t].append(Posting(doc: doc, counts: counts))
                } else {
                    number[term] = names.count
                    names.append(term)
                    lists.append([Posting(doc: doc, counts: counts)])
                }
            }
        }
        let order = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
        self.terms = order.map { names[$0] }
        self.postings = order.map { lists[$0] }
    }
}
