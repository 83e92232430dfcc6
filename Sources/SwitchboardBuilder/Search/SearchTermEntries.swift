/// Scores every posting and writes each term's JSON: its shard entry
/// `[term, df, best, "postings", counts?]` and, for a term in more than
/// `SearchIndexWriter.headLength` pages, its tail file. See docs/search.md.
struct SearchTermEntries: Sendable {
    struct Entry: Sendable {
        var json: [UInt8]
        var tail: [UInt8]?
    }

    /// Entries in `SearchInvertedIndex.sorted` order.
    let entries: [Entry]

    init(_ index: SearchInvertedIndex, scoring: SearchScoring, catalogue: SearchCatalogue,
         headLength: Int) {
        // Terms in chunks, so parallel tasks are not dominated by dispatch.
        let ranks = Array(index.sorted.enumerated())
        entries = ranks.parallelMap { _, t in
            Self.entry(t, index: index, scoring: scoring, catalogue: catalogue,
                       headLength: headLength)
        }
    }

    /// A term's tail, the pages outside its head, as its own file's JSON: `"s<postings>"`,
    /// (page gap, tail level) varints, or, when shorter, `"b<bitmap>"`, one bit per page of
    /// the site without levels. A bitmap bounds what a common word costs a query that must
    /// check candidates against it: a sixth of a byte per page before gzip, whatever the
    /// word's frequency (5 KB at 30,000 pages).
    static func tail(_ postings: [(doc: Int, score: Double)], best: Double, pages: Int) -> [UInt8] {
        var sparse: [UInt8] = [UInt8(ascii: "s")]
        sparse.reserveCapacity(postings.count * 3)
        var previous = 0
        for (doc, score) in postings {
            SearchPostingCode.varint(doc - previous, into: &sparse)
            SearchPostingCode.digit(SearchQuantiser.tail(score, best: best), into: &sparse)
            previous = doc
        }
        var chosen = sparse
        if sparse.count > (pages + 5) / 6 + 1 {
            chosen = [UInt8(ascii: "b")]
            SearchPostingCode.bitmap(postings.lazy.map(\.doc), count: pages, into: &chosen)
        }
        var json = SearchJSON(capacity: chosen.count + 2)
        json.string(chosen)
        return json.bytes
    }

    private static func entry(_ t: Int, index: SearchInvertedIndex, scoring: SearchScoring,
                              catalogue: SearchCatalogue, headLength: Int) -> Entry {
        let range = index.offsets[t]..<index.offsets[t + 1]
        let df = range.count
        let idf = scoring.idf(df)
        var scores = [Double](repeating: 0, count: df)
        var best = 0.0
        for (i, p) in range.enumerated() {
            let s = scoring.score(index.counts[p], doc: Int(index.docs[p]), idf: idf)
            scores[i] = s
            if s > best { best = s }
        }
        // The client sees the best score rounded to thousandths; levels are relative to that.
        let written = SearchQuantiser.best(best)
        let top = Double(written) / 1000
        var levels = [UInt8](repeating: 0, count: df)
        for i in 0..<df { levels[i] = UInt8(SearchQuantiser.head(scores[i], best: top)) }

        // Which postings the shard lists: all, or the `headLength` best by level (ties to
        // the lower page id). Levels are small integers, so a count per level finds the cut
        // without sorting.
        var inHead = [Bool](repeating: true, count: df)
        if df > headLength {
            var perLevel = [Int](repeating: 0, count: SearchQuantiser.headLevels + 1)
            for level in levels { perLevel[Int(level)] += 1 }
            var cut = SearchQuantiser.headLevels, above = 0
            while cut > 0, above + perLevel[cut] < headLength { above += perLevel[cut]; cut -= 1 }
            var room = headLength - above
            for i in 0..<df {
                if Int(levels[i]) > cut { continue }
                if Int(levels[i]) == cut, room > 0 { room -= 1; continue }
                inHead[i] = false
            }
        }

        var json = SearchJSON(capacity: 48 + min(df, headLength) * 5)
        json.raw("[")
        json.string(index.table.bytes(t))
        json.comma()
        json.int(df)
        json.comma()
        json.int(written)
        json.comma()
        // Head postings as one string: (page gap, level, section) per posting.
        var head: [UInt8] = []
        head.reserveCapacity(min(df, headLength) * 4)
        var previous = 0
        for (i, p) in range.enumerated() where inHead[i] {
            let doc = Int(index.docs[p])
            SearchPostingCode.varint(doc - previous, into: &head)
            SearchPostingCode.digit(Int(levels[i]), into: &head)
            SearchPostingCode.varint(Int(index.counts[p].section), into: &head)
            previous = doc
        }
        json.string(head)

        var tail: [UInt8]?
        if df > headLength {
            // Exact page counts per type then per product, so a one-word query shows exact
            // facet counts without fetching the tail.
            var counts = [Int](repeating: 0, count: catalogue.types.count + catalogue.products.count)
            for p in range {
                let doc = Int(index.docs[p])
                counts[catalogue.typeIndex[doc]] += 1
                for product in catalogue.productIndices[doc] { counts[catalogue.types.count + product] += 1 }
            }
            json.comma()
            json.intArray(counts)
            tail = Self.tail(range.enumerated().filter { !inHead[$0.offset] }.map { (Int(index.docs[$0.element]), scores[$0.offset]) },
                             best: top, pages: catalogue.order.count)
        }
        json.raw("]")
        return Entry(json: json.bytes, tail: tail)
    }
}
