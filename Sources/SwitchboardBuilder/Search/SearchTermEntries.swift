/// Scores every posting and writes each term's JSON: its shard entry
/// `[term, df, best, [gap, level, section, …], counts?]` and, for a term in more than
/// `SearchIndexWriter.headLength` pages, its tail `[gap, level, …]`. See docs/search.md.
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

        var json = SearchJSON(capacity: 48 + min(df, headLength) * 8)
        json.raw("[")
        json.string(index.table.bytes(t))
        json.comma()
        json.int(df)
        json.comma()
        json.int(written)
        json.raw(",[")
        var previous = 0, first = true
        for (i, p) in range.enumerated() where inHead[i] {
            let doc = Int(index.docs[p])
            if !first { json.comma() }
            first = false
            json.int(doc - previous)
            json.comma()
            json.int(Int(levels[i]))
            json.comma()
            json.int(Int(index.counts[p].section))
            previous = doc
        }
        json.raw("]")

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
            // The rest, coarser and without sections: only needed to intersect several
            // words or to filter, and a page found that way links to its top.
            var rest = SearchJSON(capacity: (df - headLength) * 4)
            rest.raw("[")
            var previous = 0, first = true
            for (i, p) in range.enumerated() where !inHead[i] {
                let doc = Int(index.docs[p])
                if !first { rest.comma() }
                first = false
                rest.int(doc - previous)
                rest.comma()
                rest.int(SearchQuantiser.tail(scores[i], best: top))
                previous = doc
            }
            rest.raw("]")
            tail = rest.bytes
        }
        json.raw("]")
        return Entry(json: json.bytes, tail: tail)
    }
}
