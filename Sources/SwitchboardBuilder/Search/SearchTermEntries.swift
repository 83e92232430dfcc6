/// Scores every posting and writes each term's JSON: its shard entry
/// `[term, df, best, "postings", counts?, "tail"?]` and, for a term in more than
/// `SearchIndexWriter.headLength` pages whose tail is longer than
/// `SearchIndexWriter.inlineTailLimit`, its tail file. See docs/search.md.
struct SearchTermEntries: Sendable {
    struct Entry: Sendable {
        var json: [UInt8]
        /// The tail file's JSON, for a tail too long to be written into `json`.
        var tail: [UInt8]?
    }

    /// Entries in `SearchInvertedIndex.sorted` order.
    let entries: [Entry]
    /// How many entries `kept` gave.
    let keptCount: Int

    /// With `kept`, a term whose entry it gives is not scored again (`SearchEntryStore`); the
    /// index need not hold that term's postings.
    init(_ index: SearchInvertedIndex, scoring: SearchScoring, catalogue: SearchCatalogue,
         headLength: Int, kept: (@Sendable (_ term: Int) -> Entry?)? = nil) {
        // Terms in chunks, each with one set of scratch buffers: most terms are in a page or
        // two, so a term's own arrays (scores, levels, head flags, counts) had cost more
        // allocations than postings.
        let sorted = index.sorted
        let chunkCount = Swift.max(1, Swift.min(256, sorted.count / 256))
        let chunks = Array(0..<chunkCount).parallelMap { chunk -> (entries: [Entry], kept: Int) in
            var scratch = Scratch(catalogue: catalogue)
            let start = chunk * sorted.count / chunkCount, end = (chunk + 1) * sorted.count / chunkCount
            var entries: [Entry] = []
            var keptCount = 0
            entries.reserveCapacity(end - start)
            for rank in start..<end {
                let t = sorted[rank]
                if let kept, let entry = kept(t) {
                    entries.append(entry)
                    keptCount += 1
                    continue
                }
                entries.append(Self.entry(t, index: index, scoring: scoring, catalogue: catalogue,
                                          headLength: headLength, scratch: &scratch))
            }
            return (entries, keptCount)
        }
        var entries: [Entry] = []
        entries.reserveCapacity(sorted.count)
        for chunk in chunks { entries.append(contentsOf: chunk.entries) }
        self.entries = entries
        keptCount = chunks.reduce(0) { $0 + $1.kept }
    }

    /// Buffers one worker reuses for every term it writes.
    private struct Scratch {
        var scores: [Double] = []
        /// Each posting's best section, read with its counts.
        var sections: [UInt16] = []
        var levels: [UInt8] = []
        var inHead: [Bool] = []
        var perLevel = [Int](repeating: 0, count: SearchQuantiser.headLevels + 1)
        var head: [UInt8] = []
        var facetCounts: [Int]
        var tail: [(doc: Int, score: Double)] = []

        init(catalogue: SearchCatalogue) {
            facetCounts = [Int](repeating: 0, count: catalogue.types.count + catalogue.products.count)
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
                              catalogue: SearchCatalogue, headLength: Int, scratch: inout Scratch) -> Entry {
        let first = index.offsets[t], df = index.offsets[t + 1] - first
        let idf = scoring.idf(df)
        scratch.scores.removeAll(keepingCapacity: true)
        scratch.sections.removeAll(keepingCapacity: true)
        var best = 0.0
        var counts = PackedCounts.Reader(at: index.countOffsets[t])
        for p in first..<(first + df) {
            let entry = counts.next(index.counts)
            let s = scoring.score(entry, doc: Int(index.docs[p]), idf: idf)
            scratch.scores.append(s)
            scratch.sections.append(entry.section)
            if s > best { best = s }
        }
        // The client sees the best score rounded to thousandths; levels are relative to that.
        let written = SearchQuantiser.best(best)
        let top = Double(written) / 1000
        scratch.levels.removeAll(keepingCapacity: true)
        for i in 0..<df { scratch.levels.append(UInt8(SearchQuantiser.head(scratch.scores[i], best: top))) }

        // Which postings the shard lists: all, or the `headLength` best by level (ties to
        // the lower page id). Levels are small integers, so a count per level finds the cut
        // without sorting.
        scratch.inHead.removeAll(keepingCapacity: true)
        scratch.inHead.append(contentsOf: repeatElement(true, count: df))
        if df > headLength {
            for level in 0..<scratch.perLevel.count { scratch.perLevel[level] = 0 }
            for level in scratch.levels { scratch.perLevel[Int(level)] += 1 }
            var cut = SearchQuantiser.headLevels, above = 0
            while cut > 0, above + scratch.perLevel[cut] < headLength { above += scratch.perLevel[cut]; cut -= 1 }
            var room = headLength - above
            for i in 0..<df {
                if Int(scratch.levels[i]) > cut { continue }
                if Int(scratch.levels[i]) == cut, room > 0 { room -= 1; continue }
                scratch.inHead[i] = false
            }
        }

        let term = index.table.bytes(t)
        var json = SearchJSON(capacity: 40 + term.count + min(df, headLength) * 5 + (df > headLength ? 4 * scratch.facetCounts.count + SearchIndexWriter.inlineTailLimit : 0))
        json.raw("[")
        json.string(term)
        json.comma()
        json.int(df)
        json.comma()
        json.int(written)
        json.comma()
        // Head postings as one string: (page gap, level, section) per posting.
        scratch.head.removeAll(keepingCapacity: true)
        var previous = 0
        for i in 0..<df where scratch.inHead[i] {
            let p = first + i
            let doc = Int(index.docs[p])
            SearchPostingCode.varint(doc - previous, into: &scratch.head)
            SearchPostingCode.digit(Int(scratch.levels[i]), into: &scratch.head)
            SearchPostingCode.varint(Int(scratch.sections[i]), into: &scratch.head)
            previous = doc
        }
        json.string(scratch.head)

        var tail: [UInt8]?
        if df > headLength {
            // Exact page counts per type then per product, so a one-word query shows exact
            // facet counts without fetching the tail.
            for i in scratch.facetCounts.indices { scratch.facetCounts[i] = 0 }
            scratch.tail.removeAll(keepingCapacity: true)
            for i in 0..<df {
                let doc = Int(index.docs[first + i])
                scratch.facetCounts[catalogue.typeIndex[doc]] += 1
                for product in catalogue.productIndices[doc] { scratch.facetCounts[catalogue.types.count + product] += 1 }
                if !scratch.inHead[i] { scratch.tail.append((doc, scratch.scores[i])) }
            }
            json.comma()
            json.intArray(scratch.facetCounts)
            let tailJSON = Self.tail(scratch.tail, best: top, pages: catalogue.order.count)
            if tailJSON.count <= SearchIndexWriter.inlineTailLimit {
                json.comma()
                json.bytes.append(contentsOf: tailJSON)
            } else {
                tail = tailJSON
            }
        }
        json.raw("]")
        return Entry(json: json.bytes, tail: tail)
    }
}
