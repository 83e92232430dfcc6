import SwitchboardModel

/// A numbered piece of the search index (`SearchInvertedIndex.Piece`) as bytes, for the cache
/// folder (`SearchPieceFolder`): a rebuild takes every piece whose pages did not change from
/// there instead of decoding and numbering each page's analysis again, and making its record.
///
/// Arrays of numbers are written as they are in memory (little-endian, four bytes each), so
/// reading a piece is a few copies; what a piece's pages hold between them (each term's page
/// count and bytes of counts) is counted again as it is read, not trusted. Reading checks every
/// bound the index relies on, so bytes it did not write give nil, never a crash: the folder's
/// checksum catches damage, this catches anything else.
extension SearchInvertedIndex.Piece {
    /// The piece's bytes: its own table, each page's term numbers, packed counts and lengths,
    /// and `extra`'s bytes for each page.
    func encoded(extra: (Extra) -> [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(pages.count)
        writer.write(bytes: table.arena)
        Self.write(table.starts, &writer)
        Self.write(ids, &writer)
        Self.write(ends, &writer)
        Self.write(countEnds, &writer)
        writer.write(bytes: counts)
        for row in lengths {
            writer.write(row.count)
            for length in row { writer.write(length) }
        }
        for value in extras { writer.write(bytes: extra(value)) }
        return writer.bytes
    }

    /// The piece of `pages` that `encoded(extra:)` wrote, or nil for bytes it would not write.
    init?(decoding bytes: [UInt8], pages: Range<Int>, extra: (ArraySlice<UInt8>) -> Extra?) {
        var reader = ByteReader(bytes)
        guard let count = reader.readInt(), count == pages.count,
              let arena = reader.readBytes(), let starts = Self.read(&reader), let ids = Self.read(&reader),
              let ends = Self.read(&reader), let countEnds = Self.read(&reader), let counts = reader.readBytes(),
              ends.count == count, countEnds.count == count,
              starts.first == 0, Int(starts.last!) == arena.count,
              // The index counts in 32 bits (a piece is a few hundred pages).
              ids.count < Int(Int32.max), counts.count < Int(Int32.max) else { return nil }
        let termCount = starts.count - 1
        for k in 0..<termCount where starts[k] > starts[k + 1] { return nil }
        // Each page's numbers end where the one before's did or later, the last at the end.
        var previous: Int32 = 0
        for end in ends {
            guard end >= previous else { return nil }
            previous = end
        }
        guard Int(previous) == ids.count else { return nil }
        // Every posting's packed counts, walked in order: each within the bytes, each page's
        // ending where `countEnds` says; each term's page count and bytes counted on the way.
        let packed = Array(counts)
        var frequency = [Int32](repeating: 0, count: termCount)
        var countBytes = [Int32](repeating: 0, count: termCount)
        var byte = 0
        var at = 0
        for page in 0..<count {
            while at < Int(ends[page]) {
                let t = Int(ids[at])
                guard t >= 0, t < termCount, let length = PackedCounts.checkedLength(packed, at: byte) else { return nil }
                frequency[t] += 1
                countBytes[t] += Int32(length)
                byte += length
                at += 1
            }
            guard Int(countEnds[page]) == byte else { return nil }
        }
        guard byte == packed.count else { return nil }
        var lengths: [[Int]] = []
        lengths.reserveCapacity(count)
        for _ in 0..<count {
            guard let fields = reader.readInt(), fields == SearchField.allCases.count else { return nil }
            var row: [Int] = []
            for _ in 0..<fields {
                guard let length = reader.readInt(), length >= 0 else { return nil }
                row.append(length)
            }
            lengths.append(row)
        }
        var extras: [Extra] = []
        extras.reserveCapacity(count)
        for _ in 0..<count {
            guard let run = reader.readBytes(), let value = extra(run) else { return nil }
            extras.append(value)
        }
        guard reader.isAtEnd else { return nil }
        self.init()
        self.pages = pages
        table = SearchTermTable(frozenArena: Array(arena), starts: starts)
        self.ids = ids
        self.counts = packed
        self.ends = ends
        self.countEnds = countEnds
        self.frequency = frequency
        self.countBytes = countBytes
        self.lengths = lengths
        self.extras = extras
    }

    private static func write(_ numbers: [Int32], _ writer: inout ByteWriter) {
        writer.write(numbers.count)
        numbers.withUnsafeBytes { writer.append(raw: $0) }
    }

    private static func read(_ reader: inout ByteReader) -> [Int32]? {
        guard let count = reader.readInt(), count >= 0, count <= Int.max / 4,
              let raw = reader.readRaw(count: count * 4) else { return nil }
        return [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            raw.withUnsafeBytes { source in UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source) }
            initialized = count
        }
    }
}

extension PackedCounts {
    /// How many bytes the entry at `start` takes, or nil when it is not one `append` writes:
    /// flags beyond the six numbers, a number of more than three bytes (they are 16-bit), or
    /// bytes running past the end.
    static func checkedLength(_ bytes: [UInt8], at start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        let present = bytes[start]
        guard present & 0xC0 == 0 else { return nil }
        var at = start + 1
        for bit in 0..<6 where present & (1 << bit) != 0 {
            var digits = 0
            while true {
                guard at < bytes.count, digits < 3 else { return nil }
                let byte = bytes[at]
                at += 1
                digits += 1
                if byte < 0x80 { break }
            }
        }
        return at - start
    }
}
