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
        self = Self.build(pageCount: analyses.count) { page in (analyses[page], ()) }.index
    }

    /// How many pages' analyses one task makes and numbers before it lets them go.
    static let pieceSize = 256

    /// The index of `pageCount` pages, with each page's field lengths and `analyse`'s other
    /// result for it, in page order (`Numbering`, in one step).
    static func build<Extra: Sendable>(pageCount: Int, pieceSize: Int = pieceSize,
                                       analyse: @Sendable (Int) -> (SearchDocumentAnalysis, Extra))
        -> (index: SearchInvertedIndex, lengths: [[Int]], extras: [Extra]) {
        var numbering = Numbering(pageCount: pageCount, pieceSize: pieceSize, analyse: analyse)
        let extras = numbering.takeExtras()
        let (index, lengths) = numbering.merged()
        return (index, lengths, extras)
    }

    /// Every page's terms, numbered a piece at a time, before they are merged into the index.
    ///
    /// `analyse(page)` is called once per page, on all cores, a piece of `pieceSize` pages per
    /// task. The task numbers its pages' terms against a table of its own and keeps only those
    /// numbers and counts: a page's analysis (its terms' bytes, bounds and counts) is let go as
    /// soon as it is numbered. Ten thousand pages' analyses, all held until the index was
    /// built, had been 43 MB of a 10,000-page build's peak. `merged()` then merges the pieces'
    /// tables in order, so a term's id is still the order in which it is first seen.
    struct Numbering<Extra: Sendable> {
        private var pieces: [Piece<Extra>]
        private let pageCount: Int

        init(pageCount: Int, pieceSize: Int = SearchInvertedIndex.pieceSize,
             analyse: @Sendable (Int) -> (SearchDocumentAnalysis, Extra)) {
            let size = Swift.max(1, pieceSize)
            self.pageCount = pageCount
            pieces = Array(0..<((pageCount + size - 1) / size)).parallelMap { piece in
                Piece<Extra>(pages: (piece * size)..<Swift.min(pageCount, (piece + 1) * size), analyse: analyse)
            }
        }

        /// `analyse`'s other results, in page order; taken out, so that the caller can let them
        /// go before the index is merged.
        mutating func takeExtras() -> [Extra] {
            var extras: [Extra] = []
            extras.reserveCapacity(pageCount)
            for p in pieces.indices {
                extras.append(contentsOf: pieces[p].extras)
                pieces[p].extras = []
            }
            return extras
        }

        /// The index, and each page's field lengths; the pieces are let go as their postings
        /// are placed.
        mutating func merged() -> (index: SearchInvertedIndex, lengths: [[Int]]) {
            var pieces: [Piece<Extra>] = []
            swap(&pieces, &self.pieces)
            // Pass 1: the pieces' tables merged in order, with a map from each piece's term
            // numbers to the merged table's.
            var table = SearchTermTable(capacity: 1 << 15)
            var frequency: [Int] = []
            var maps: [[Int32]] = []
            maps.reserveCapacity(pieces.count)
            for piece in pieces {
                var map = [Int32](repeating: 0, count: piece.frequency.count)
                for local in 0..<piece.frequency.count {
                    let t = piece.table.bytes(local).withUnsafeBufferPointer { table.intern($0) }
                    if t == frequency.count { frequency.append(0) }
                    frequency[t] += piece.frequency[local]
                    map[local] = Int32(t)
                }
                maps.append(map)
            }
            // Pass 2: postings into place. Pages are visited in id order, so each term's
            // postings come out ascending without a sort. The postings' arrays are not filled
            // with zeros first, and each piece is let go once placed: a large block is mapped
            // on its own (`AllocatorSettings` in the command line), so its pages become resident
            // as they are written while the pieces' go back, and the two are not both whole at
            // once (they had been the peak of a 10,000-page build, 68 MB together).
            var offsets = [Int](repeating: 0, count: frequency.count + 1)
            for t in frequency.indices { offsets[t + 1] = offsets[t] + frequency[t] }
            var cursor = offsets
            let total = offsets[frequency.count]
            var lengths: [[Int]] = []
            lengths.reserveCapacity(pageCount)
            var docs: [Int32] = []
            var counts: [SearchDocumentAnalysis.TermCounts] = []
            docs = [Int32](unsafeUninitializedCapacity: total) { docBuffer, docsWritten in
                counts = [SearchDocumentAnalysis.TermCounts](unsafeUninitializedCapacity: total) { countBuffer, countsWritten in
                    for p in pieces.indices {
                        let piece = pieces[p]
                        pieces[p] = Piece()
                        let map = maps[p]
                        var at = 0
                        for (offset, end) in piece.ends.enumerated() {
                            let doc = Int32(piece.pages.lowerBound + offset)
                            while at < Int(end) {
                                let t = Int(map[Int(piece.ids[at])])
                                docBuffer.initializeElement(at: cursor[t], to: doc)
                                countBuffer.initializeElement(at: cursor[t], to: piece.counts[at])
                                cursor[t] += 1
                                at += 1
                            }
                        }
                        lengths.append(contentsOf: piece.lengths)
                    }
                    // Every place was written once: term t's run offsets[t]..<offsets[t + 1]
                    // holds exactly the frequency[t] postings counted in pass 1.
                    countsWritten = total
                }
                docsWritten = total
            }
            let frozen = table.frozen()
            let index = SearchInvertedIndex(table: frozen, sorted: (0..<frozen.count).sorted { frozen.precedes($0, $1) },
                                            offsets: offsets, docs: docs, counts: counts)
            return (index, lengths)
        }
    }

    private init(table: SearchTermTable, sorted: [Int], offsets: [Int], docs: [Int32], counts: [SearchDocumentAnalysis.TermCounts]) {
        self.table = table
        self.sorted = sorted
        self.offsets = offsets
        self.docs = docs
        self.counts = counts
    }

    /// A run of pages numbered against a table of their own: for each page in turn, its terms'
    /// numbers and counts (`ends[i]` is where page `i`'s stop in `ids` and `counts`), and how
    /// many of the pages each term is in.
    private struct Piece<Extra: Sendable>: Sendable {
        var pages: Range<Int> = 0..<0
        var table = SearchTermTable(frozenArena: [], starts: [0])
        var ids: [Int32] = []
        var counts: [SearchDocumentAnalysis.TermCounts] = []
        var ends: [Int32] = []
        var frequency: [Int] = []
        var lengths: [[Int]] = []
        var extras: [Extra] = []

        init() {}

        init(pages: Range<Int>, analyse: (Int) -> (SearchDocumentAnalysis, Extra)) {
            self.pages = pages
            var table = SearchTermTable(capacity: 1 << 12)
            ends.reserveCapacity(pages.count)
            lengths.reserveCapacity(pages.count)
            extras.reserveCapacity(pages.count)
            for page in pages {
                let (analysis, extra) = analyse(page)
                let local = analysis.terms
                local.arena.withUnsafeBufferPointer { arena in
                    for id in 0..<local.count {
                        let start = Int(local.starts[id]), end = Int(local.starts[id + 1])
                        let t = table.intern(UnsafeBufferPointer(rebasing: arena[start..<end]))
                        if t == frequency.count { frequency.append(0) }
                        frequency[t] += 1
                        ids.append(Int32(t))
                    }
                }
                counts.append(contentsOf: analysis.counts)
                ends.append(Int32(ids.count))
                lengths.append(analysis.lengths)
                extras.append(extra)
            }
            self.table = table.frozen()
            ids = ids.copiedToSize()
            counts = counts.copiedToSize()
        }
    }

    var termCount: Int { table.count }

    /// Pages term `t` is in.
    func documentFrequency(_ t: Int) -> Int { offsets[t + 1] - offsets[t] }
}
