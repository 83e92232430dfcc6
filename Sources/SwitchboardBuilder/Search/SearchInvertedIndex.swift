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
        var table = SearchTermTable(capacity: 1 << 15)
        // Pass 1: each page's term numbers in the index's numbering, and how many pages
        // each term is in.
        var global: [[Int32]] = []
        global.reserveCapacity(analyses.count)
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
            global.append(ids)
        }
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

    var termCount: Int { table.count }

    /// Pages term `t` is in.
    func documentFrequency(_ t: Int) -> Int { offsets[t + 1] - offsets[t] }
}
