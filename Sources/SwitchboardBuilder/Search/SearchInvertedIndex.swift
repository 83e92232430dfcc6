/// Every term of every page, with the pages it occurs in: the analyses turned inside out.
/// Postings are stored flat (compressed sparse rows): term `t`'s are
/// `offsets[t]..<offsets[t + 1]` of `docs` and `counts`, ascending by page id.
struct SearchInvertedIndex: Sendable {
    /// The index's terms; ids are in order of first sight.
    let table: SearchTermTable
    /// Term ids sorted by code point: the order of shards and vocabulary files.
    let sorted: [Int]
    let offsets: [Int]
    let docs: [Int32]
    let counts: [SearchDocumentAnalysis.TermCounts]

    /// `analyses[id]` is page `id`'s analysis.
    init(_ analyses: [SearchDocumentAnalysis]) {
        // Pass 1: each page's term numbers in the index's numbering, and how many pages each
        // term is in. Interning every page's terms was the longest single-threaded step of the
        // search index (about 0.15 s at 10,000 pages), so pages are numbered in chunks on all
        // cores, each against a table of its own, and the chunks' tables are then merged in
        // order: a term's id is still the order in which it is first seen.
        let chunkCount = Swift.max(1, Swift.min(8, analyses.count / 512))
        let chunks = Array(0..<chunkCount).parallelMap { chunk in
            Self.numbered(analyses[(chunk * analyses.count / chunkCount)..<((chunk + 1) * analyses.count / chunkCount)])
        }
        var table = chunks[0].table
        var frequency = chunks[0].frequency
        // Each later chunk's term numbers in the merged table's numbering.
        var renumbering: [[Int32]] = [[]]
        for chunk in chunks.dropFirst() {
            var map = [Int32](repeating: 0, count: chunk.frequency.count)
            for local in 0..<chunk.frequency.count {
                let t = chunk.table.bytes(local).withUnsafeBufferPointer { table.intern($0) }
                if t == frequency.count { frequency.append(0) }
                frequency[t] += chunk.frequency[local]
                map[local] = Int32(t)
            }
            renumbering.append(map)
        }
        let maps = renumbering
        let global: [[Int32]] = Array(0..<chunkCount).parallelMap { chunk in
            guard chunk > 0 else { return chunks[0].ids }
            let map = maps[chunk]
            return chunks[chunk].ids.map { ids in ids.map { map[Int($0)] } }
        }.flatMap { $0 }
        // Pass 2: postings into place. Pages are visited in id order, so each term's
        // postings come out ascending without a sort.
        var offsets = [Int](repeating: 0, count: frequency.count + 1)
        for t in frequency.indices { offsets[t + 1] = offsets[t] + frequency[t] }
        var cursor = offsets
        let total = offsets[frequency.count]
        var docs = [Int32](repeating: 0, count: total)
        var counts = [SearchDocumentAnalysis.TermCounts](repeating: .init(), count: total)
        for (doc, ids) in global.enumerated() {
            let local = analyses[doc].counts
            for (id, t) in ids.enumerated() {
                let at = cursor[Int(t)]
                docs[at] = Int32(doc)
                counts[at] = local[id]
                cursor[Int(t)] = at + 1
            }
        }
        let frozen = table.frozen()
        self.table = frozen
        self.sorted = (0..<frozen.count).sorted { frozen.precedes($0, $1) }
        self.offsets = offsets
        self.docs = docs
        self.counts = counts
    }

    /// Pages numbered against a table of their own: each page's term ids, and how many of the
    /// pages each term is in.
    private static func numbered(_ analyses: ArraySlice<SearchDocumentAnalysis>)
        -> (table: SearchTermTable, ids: [[Int32]], frequency: [Int]) {
        var table = SearchTermTable(capacity: 1 << 15)
        var all: [[Int32]] = []
        all.reserveCapacity(analyses.count)
        var frequency: [Int] = []
        for analysis in analyses {
            let local = analysis.terms
            var ids = [Int32](repeating: 0, count: local.count)
            local.arena.withUnsafeBufferPointer { arena in
                for id in 0..<local.count {
                    let start = Int(local.starts[id]), end = Int(local.starts[id + 1])
                    let t = table.intern(UnsafeBufferPointer(rebasing: arena[start..<end]))
                    if t == frequency.count { frequency.append(0) }
                    frequency[t] += 1
                    ids[id] = Int32(t)
                }
            }
            all.append(ids)
        }
        return (table, all, frequency)
    }

    var termCount: Int { table.count }

    /// Pages term `t` is in.
    func documentFrequency(_ t: Int) -> Int { offsets[t + 1] - offsets[t] }
}
