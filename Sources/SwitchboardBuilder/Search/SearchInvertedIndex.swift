import Foundation
/// Every term of every page, with the pages it occurs in: the analyses turned inside out.
/// Postings are stored flat (compressed sparse rows): term `t`'s are
/// `offsets[t]..<offsets[t + 1]` of `docs`, ascending by page id, and their counts, in the same
/// order, are packed (`PackedCounts`) from byte `countOffsets[t]` of `counts`. Packed, the
/// counts take about 3 bytes a posting against 12: unpacked, they had been the largest array
/// of a 10,000-page build's peak (23 MB).
struct SearchInvertedIndex: Sendable {
    /// The index's terms; ids are in order of first sight.
    let table: SearchTermTable
    /// Term ids sorted by code point: the order of shards and vocabulary files.
    let sorted: [Int]
    let offsets: [Int]
    let docs: [Int32]
    let countOffsets: [Int]
    let counts: [UInt8]
    /// How many pages each term is in; for a term whose postings were not placed
    /// (`Numbering.merged(placing:)`) the only record of it.
    let frequencies: [Int]

    /// Term `t`'s postings' counts, in page order (tests; the writer reads them with a
    /// `PackedCounts.Reader` from `countOffsets[t]`).
    func counts(ofTerm t: Int) -> [SearchDocumentAnalysis.TermCounts] {
        var reader = PackedCounts.Reader(at: countOffsets[t])
        return (offsets[t]..<offsets[t + 1]).map { _ in reader.next(counts) }
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
    /// built, had been 43 MB of a 10,000-page build's peak. Each finished piece's table is then
    /// merged into the index's, in piece order, by whichever task is free (`TableMerger`), so a
    /// term's id is still the order in which it is first seen; the piece keeps its terms by
    /// those ids and lets its own table go. Held until every piece was done, the pieces' tables
    /// had been a third of the pieces' memory.
    struct Numbering<Extra: Sendable>: Sendable {
        private var pieces: [Piece<Extra>]
        private let pageCount: Int
        private let size: Int
        /// The index's terms, and each one's page count and packed counts' bytes.
        private var table: SearchTermTable
        private var frequency: [Int]
        private var countBytes: [Int]

        /// With `kept`, a piece it has is taken from it instead of analysing its pages, and
        /// each piece numbered is handed to it (before its table is merged).
        init(pageCount: Int, pieceSize: Int = SearchInvertedIndex.pieceSize, kept: KeptPieces<Extra>? = nil,
             analyse: @Sendable (Int) -> (SearchDocumentAnalysis, Extra)) {
            let size = Swift.max(1, pieceSize)
            self.pageCount = pageCount
            self.size = size
            let pieceCount = (pageCount + size - 1) / size
            let merger = TableMerger<Extra>(pieceCount: pieceCount)
            _ = Array(0..<pieceCount).parallelMap { piece in
                let pages = (piece * size)..<Swift.min(pageCount, (piece + 1) * size)
                if let taken = kept?.take(piece, pages) {
                    merger.offer(taken, at: piece)
                    return
                }
                let numbered = Piece<Extra>(pages: pages, analyse: analyse)
                kept?.keep(piece, numbered)
                merger.offer(numbered, at: piece)
            }
            (pieces, table, frequency, countBytes) = merger.finish()
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

        /// Page `page`'s analysis again, as `analyse` gave it (the same terms in the same order,
        /// the same counts and lengths), made from its piece; before `merged()`.
        func analysis(ofPage page: Int) -> SearchDocumentAnalysis {
            let piece = pieces[page / size]
            let offset = page - piece.pages.lowerBound
            let first = offset == 0 ? 0 : Int(piece.ends[offset - 1])
            var arena: [UInt8] = []
            var starts: [Int32] = [0]
            var counts: [SearchDocumentAnalysis.TermCounts] = []
            starts.reserveCapacity(Int(piece.ends[offset]) - first + 1)
            counts.reserveCapacity(Int(piece.ends[offset]) - first)
            var reader = PackedCounts.Reader(at: offset == 0 ? 0 : Int(piece.countEnds[offset - 1]))
            for at in first..<Int(piece.ends[offset]) {
                arena.append(contentsOf: table.bytes(Int(piece.ids[at])))
                starts.append(Int32(arena.count))
                counts.append(reader.next(piece.counts))
            }
            return SearchDocumentAnalysis(terms: SearchTermTable(frozenArena: arena, starts: starts), counts: counts,
                                          lengths: piece.lengths[offset])
        }

        /// How many terms the pieces hold between them.
        var termCount: Int { table.count }

        /// Term `t`'s bytes (ids are the index's).
        func termBytes(_ t: Int) -> ArraySlice<UInt8> { table.bytes(t) }

        /// How many pages term `t` is in.
        func documentFrequency(_ t: Int) -> Int { frequency[t] }

        /// Each page's field lengths, in page order.
        func lengths() -> [[Int]] { pieces.flatMap(\.lengths) }

        /// For each term, whether any of `pages` has it.
        func terms(onPages pages: [Int]) -> [Bool] {
            var found = [Bool](repeating: false, count: table.count)
            for page in pages {
                let piece = pieces[page / size]
                let offset = page - piece.pages.lowerBound
                let first = offset == 0 ? 0 : Int(piece.ends[offset - 1])
                for at in first..<Int(piece.ends[offset]) { found[Int(piece.ids[at])] = true }
            }
            return found
        }

        /// The index, and each page's field lengths; the pieces are let go as their postings
        /// are placed. With `placing`, only the postings of the terms it marks are placed (a
        /// rebuild that keeps the other terms' entries reads nothing else of them); every
        /// term's page count is kept.
        mutating func merged(placing: [Bool]? = nil) -> (index: SearchInvertedIndex, lengths: [[Int]]) {
            var pieces: [Piece<Extra>] = []
            swap(&pieces, &self.pieces)
            let allFrequencies = self.frequency
            var frequency = allFrequencies, countBytes = self.countBytes
            if let placing {
                for t in frequency.indices where !placing[t] {
                    frequency[t] = 0
                    countBytes[t] = 0
                }
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
            var countOffsets = [Int](repeating: 0, count: frequency.count + 1)
            for t in frequency.indices { countOffsets[t + 1] = countOffsets[t] + countBytes[t] }
            var countCursor = countOffsets
            let totalBytes = countOffsets[frequency.count]
            var lengths: [[Int]] = []
            lengths.reserveCapacity(pageCount)
            var docs: [Int32] = []
            var counts: [UInt8] = []
            docs = [Int32](unsafeUninitializedCapacity: total) { docBuffer, docsWritten in
                counts = [UInt8](unsafeUninitializedCapacity: totalBytes) { countBuffer, countsWritten in
                    for p in pieces.indices {
                        let piece = pieces[p]
                        pieces[p] = Piece()
                        var at = 0
                        var byte = 0
                        piece.counts.withUnsafeBufferPointer { packed in
                            for (offset, end) in piece.ends.enumerated() {
                                let doc = Int32(piece.pages.lowerBound + offset)
                                while at < Int(end) {
                                    let t = Int(piece.ids[at])
                                    if let placing, !placing[t] {
                                        byte += PackedCounts.length(packed, at: byte)
                                        at += 1
                                        continue
                                    }
                                    docBuffer.initializeElement(at: cursor[t], to: doc)
                                    cursor[t] += 1
                                    // The packed entry is copied as it is, to its term's run.
                                    let length = PackedCounts.length(packed, at: byte)
                                    for k in 0..<length { countBuffer.initializeElement(at: countCursor[t] + k, to: packed[byte + k]) }
                                    countCursor[t] += length
                                    byte += length
                                    at += 1
                                }
                            }
                        }
                        lengths.append(contentsOf: piece.lengths)
                    }
                    // Every place was written once: term t's run offsets[t]..<offsets[t + 1]
                    // holds exactly the frequency[t] postings counted in pass 1, and its counts
                    // the countBytes[t] bytes of their packed entries.
                    countsWritten = totalBytes
                }
                docsWritten = total
            }
            let frozen = table.frozen()
            table = SearchTermTable(frozenArena: [], starts: [0])
            let index = SearchInvertedIndex(table: frozen, sorted: (0..<frozen.count).sorted { frozen.precedes($0, $1) },
                                            offsets: offsets, docs: docs, countOffsets: countOffsets, counts: counts,
                                            frequencies: allFrequencies)
            return (index, lengths)
        }
    }

    /// Where numbered pieces are kept between builds (`SearchPieceFolder`): `take` gives the
    /// piece of a range of pages when one made from the same pages is kept, `keep` is handed
    /// each piece numbered.
    struct KeptPieces<Extra: Sendable>: Sendable {
        let take: @Sendable (_ piece: Int, _ pages: Range<Int>) -> Piece<Extra>?
        let keep: @Sendable (_ piece: Int, _ numbered: Piece<Extra>) -> Void
    }

    /// Merges finished pieces' tables into the index's in piece order, whichever order the
    /// pieces finish in: the task that finishes a piece merges every piece that is next in line,
    /// unless another task is merging already. A merged piece's terms are renumbered by the
    /// index's ids, and its own table, page counts and byte counts are let go.
    private final class TableMerger<Extra: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var waiting: [Piece<Extra>?]
        private var merged: [Piece<Extra>?]
        private var next = 0
        private var merging = false
        // Changed only by the task that is merging.
        private var table = SearchTermTable(capacity: 1 << 15)
        private var frequency: [Int] = []
        private var countBytes: [Int] = []

        init(pieceCount: Int) {
            waiting = Array(repeating: nil, count: pieceCount)
            merged = Array(repeating: nil, count: pieceCount)
        }

        func offer(_ piece: Piece<Extra>, at index: Int) {
            let merges: Bool = lock.withLock {
                waiting[index] = piece
                if merging { return false }
                merging = true
                return true
            }
            guard merges else { return }
            while true {
                // Checked and given up under the lock together: a piece offered meanwhile is
                // merged either here or by the task that offered it.
                let taken: (Int, Piece<Extra>)? = lock.withLock {
                    guard next < waiting.count, let piece = waiting[next] else {
                        merging = false
                        return nil
                    }
                    waiting[next] = nil
                    return (next, piece)
                }
                guard let (index, piece) = taken else { return }
                let renumbered = merge(piece)
                lock.withLock {
                    merged[index] = renumbered
                    next += 1
                }
            }
        }

        private func merge(_ piece: Piece<Extra>) -> Piece<Extra> {
            var piece = piece
            var map = [Int32](repeating: 0, count: piece.frequency.count)
            // Worked on as locals, moved out and back: a class's stored property changed once
            // per term paid a dynamic exclusivity check each time.
            var table = SearchTermTable(frozenArena: [], starts: [0]), frequency: [Int] = [], countBytes: [Int] = []
            swap(&table, &self.table)
            swap(&frequency, &self.frequency)
            swap(&countBytes, &self.countBytes)
            piece.table.arena.withUnsafeBufferPointer { arena in
                let starts = piece.table.starts
                for local in 0..<piece.frequency.count {
                    let start = Int(starts[local]), end = Int(starts[local + 1])
                    let t = table.intern(UnsafeBufferPointer(rebasing: arena[start..<end]))
                    if t == frequency.count {
                        frequency.append(0)
                        countBytes.append(0)
                    }
                    frequency[t] += Int(piece.frequency[local])
                    countBytes[t] += Int(piece.countBytes[local])
                    map[local] = Int32(t)
                }
            }
            swap(&table, &self.table)
            swap(&frequency, &self.frequency)
            swap(&countBytes, &self.countBytes)
            piece.ids.withUnsafeMutableBufferPointer { ids in
                for k in ids.indices { ids[k] = map[Int(ids[k])] }
            }
            piece.table = SearchTermTable(frozenArena: [], starts: [0])
            piece.frequency = []
            piece.countBytes = []
            return piece
        }

        /// The merged pieces in order, the index's table, and each term's page count and bytes.
        func finish() -> ([Piece<Extra>], SearchTermTable, [Int], [Int]) {
            lock.withLock {
                precondition(next == waiting.count, "every piece is merged before the last offer returns")
                return (merged.map { $0! }, table, frequency, countBytes)
            }
        }
    }

    private init(table: SearchTermTable, sorted: [Int], offsets: [Int], docs: [Int32], countOffsets: [Int], counts: [UInt8],
                 frequencies: [Int]) {
        self.table = table
        self.sorted = sorted
        self.offsets = offsets
        self.docs = docs
        self.countOffsets = countOffsets
        self.counts = counts
        self.frequencies = frequencies
    }

    /// A run of pages numbered against a table of their own: for each page in turn, its terms'
    /// numbers and counts (`ends[i]` is where page `i`'s stop in `ids`; the counts are packed, in
    /// the same order), and how many of the pages each term is in.
    struct Piece<Extra: Sendable>: Sendable {
        var pages: Range<Int> = 0..<0
        var table = SearchTermTable(frozenArena: [], starts: [0])
        var ids: [Int32] = []
        var counts: [UInt8] = []
        var ends: [Int32] = []
        /// Where page `i`'s packed counts end in `counts`.
        var countEnds: [Int32] = []
        var frequency: [Int32] = []
        /// How many bytes each term's packed counts take in `counts`.
        var countBytes: [Int32] = []
        var lengths: [[Int]] = []
        var extras: [Extra] = []

        init() {}

        init(pages: Range<Int>, analyse: (Int) -> (SearchDocumentAnalysis, Extra)) {
            self.pages = pages
            var table = SearchTermTable(capacity: 1 << 12)
            ends.reserveCapacity(pages.count)
            countEnds.reserveCapacity(pages.count)
            lengths.reserveCapacity(pages.count)
            extras.reserveCapacity(pages.count)
            for page in pages {
                let (analysis, extra) = analyse(page)
                let local = analysis.terms
                local.arena.withUnsafeBufferPointer { arena in
                    for id in 0..<local.count {
                        let start = Int(local.starts[id]), end = Int(local.starts[id + 1])
                        let t = table.intern(UnsafeBufferPointer(rebasing: arena[start..<end]))
                        if t == frequency.count {
                            frequency.append(0)
                            countBytes.append(0)
                        }
                        frequency[t] += 1
                        ids.append(Int32(t))
                        let before = counts.count
                        PackedCounts.append(analysis.counts[id], to: &counts)
                        countBytes[t] += Int32(counts.count - before)
                    }
                }
                ends.append(Int32(ids.count))
                countEnds.append(Int32(counts.count))
                lengths.append(analysis.lengths)
                extras.append(extra)
            }
            self.table = table.frozen()
            ids = ids.copiedToSize()
            counts = counts.copiedToSize()
            frequency = frequency.copiedToSize()
            countBytes = countBytes.copiedToSize()
        }
    }

    var termCount: Int { table.count }

    /// Pages term `t` is in.
    func documentFrequency(_ t: Int) -> Int { frequencies[t] }
}

/// A term's counts on a page, packed while the index waits for every page to be numbered: a
/// byte saying which of the six numbers are not 0, then those, each in 7-bit groups. Most terms
/// are counted in the body alone, in one section, so most entries take 3 bytes, against 12 for
/// a `TermCounts`: ten thousand pages' numbered terms took 38 MB unpacked, the largest part of a
/// build's peak.
enum PackedCounts {
    static func append(_ entry: SearchDocumentAnalysis.TermCounts, to bytes: inout [UInt8]) {
        let values = (entry.counts.0, entry.counts.1, entry.counts.2, entry.counts.3, entry.counts.4, entry.section)
        var present: UInt8 = 0
        if values.0 != 0 { present |= 1 }
        if values.1 != 0 { present |= 2 }
        if values.2 != 0 { present |= 4 }
        if values.3 != 0 { present |= 8 }
        if values.4 != 0 { present |= 16 }
        if values.5 != 0 { present |= 32 }
        bytes.append(present)
        if values.0 != 0 { put(values.0, &bytes) }
        if values.1 != 0 { put(values.1, &bytes) }
        if values.2 != 0 { put(values.2, &bytes) }
        if values.3 != 0 { put(values.3, &bytes) }
        if values.4 != 0 { put(values.4, &bytes) }
        if values.5 != 0 { put(values.5, &bytes) }
    }

    private static func put(_ value: UInt16, _ bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// How many bytes the entry at `at` takes: its presence byte, and a number for each bit set.
    static func length(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        var at = start + 1
        var present = bytes[start]
        while present != 0 {
            if present & 1 != 0 {
                while bytes[at] & 0x80 != 0 { at += 1 }
                at += 1
            }
            present >>= 1
        }
        return at - start
    }

    /// Reads what `append` wrote, entry after entry.
    struct Reader {
        private var at: Int

        /// A reader from byte `at` (an entry's first).
        init(at: Int = 0) { self.at = at }

        mutating func next(_ bytes: [UInt8]) -> SearchDocumentAnalysis.TermCounts {
            let present = bytes[at]
            at += 1
            var entry = SearchDocumentAnalysis.TermCounts()
            entry.counts = (number(bytes, present & 1), number(bytes, present & 2), number(bytes, present & 4),
                            number(bytes, present & 8), number(bytes, present & 16))
            entry.section = number(bytes, present & 32)
            return entry
        }

        /// The next number if `flag` says it was written, else 0.
        private mutating func number(_ bytes: [UInt8], _ flag: UInt8) -> UInt16 {
            guard flag != 0 else { return 0 }
            var value: UInt16 = 0
            var shift: UInt16 = 0
            while true {
                let byte = bytes[at]
                at += 1
                value |= UInt16(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }
    }
}
