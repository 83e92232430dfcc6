/// Bytes kept in the cache folder, with the hash that vouches for them: a damaged entry
/// (a flipped bit decodes as well as any other) is caught by its hash and built again.
public struct CacheBlob: Sendable {
    public var bytes: ArraySlice<UInt8>
    public var checksum: ContentDigest

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes[...]
        checksum = Checksum.of(bytes)
    }

    public init(bytes: ArraySlice<UInt8>, checksum: ContentDigest) {
        self.bytes = bytes
        self.checksum = checksum
    }

    /// The bytes, if they still match the checksum.
    public var intactBytes: ArraySlice<UInt8>? { Checksum.of(bytes) == checksum ? bytes : nil }

    /// An entry that fails its checksum: written in place of one that could not be made, so
    /// that it is made again next time.
    public static var damaged: CacheBlob {
        let checksum = Checksum.of([UInt8]())
        return CacheBlob(bytes: [], checksum: ContentDigest(high: ~checksum.high, low: checksum.low))
    }
}

/// The cache folder's files of keyed entries (parsed files, search analyses): a header naming
/// the kind of file, the identity of the program that wrote it, then per entry its name, the
/// key it was made under, its checksum and its bytes; then a table of the entries (each one's
/// name, key, checksum, and the place and length of its bytes), and the table's length in eight
/// bytes. `CacheEntryIndex` reads the table alone: reading each entry's header where it lies
/// took a read per entry (20,000 at 10,000 files, a tenth of a second of CPU at 30,000).
///
/// Each kind is kept as two files: a base holding every entry and a small delta holding the
/// entries made since. An edit writes only the delta; once it would hold more than a tenth of
/// the entries (at least 32), the base is written whole and the delta removed. An entry is
/// used only when its key matches what it would be made from now, so an out-of-date entry in
/// either file is never wrong, only unused.
public enum CacheEntryFile {
    public struct Entry: Sendable {
        public var name: String
        public var key: ContentDigest
        public var blob: CacheBlob

        public init(name: String, key: ContentDigest, blob: CacheBlob) {
            self.name = name
            self.key = key
            self.blob = blob
        }
    }

    /// Whether `fresh` entries out of `total` still go to the delta file.
    public static func fitsDelta(fresh: Int, total: Int) -> Bool {
        fresh <= max(32, total / 10)
    }

    public static func serialize(header: String, identity: String, entries: [Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        var writer = Writer(header: header, identity: identity, count: entries.count) { bytes += $0 }
        for entry in entries { writer.add(entry) }
        writer.finish()
        return bytes
    }

    /// Writes a file of `count` entries in pieces of about a megabyte, handed to `output` as they
    /// fill: a file as large as the parsed site is never held whole in memory a second time.
    public struct Writer {
        /// One buffer, with room for a piece and a large entry, emptied after each piece is
        /// handed over: a buffer grown from nothing for every piece copied each one about twice.
        private var buffer = ByteWriter(reservingCapacity: pieceSize + pieceSize / 4)
        /// The table of entries written at the end.
        private var table = ByteWriter()
        /// Bytes handed over so far.
        private var handedOver = 0
        private let output: ([UInt8]) -> Void
        private static let pieceSize = 1 << 20

        public init(header: String, identity: String, count: Int, output: @escaping ([UInt8]) -> Void) {
            self.output = output
            buffer.append(raw: Array(header.utf8))
            buffer.write(identity)
            buffer.write(UInt64(count))
        }

        public mutating func add(_ entry: Entry) {
            buffer.write(entry.name)
            buffer.write(entry.key)
            buffer.write(entry.blob.checksum)
            buffer.write(UInt64(entry.blob.bytes.count))
            let place = handedOver + buffer.bytes.count
            buffer.append(raw: entry.blob.bytes)
            table.write(entry.name)
            table.write(entry.key)
            table.write(entry.blob.checksum)
            table.write(UInt64(place))
            table.write(UInt64(entry.blob.bytes.count))
            if buffer.bytes.count >= Self.pieceSize { handOver() }
        }

        /// Writes the table and hands over what is left; call once every entry is added.
        public mutating func finish() {
            let length = UInt64(table.bytes.count)
            buffer.append(raw: table.bytes)
            buffer.write(fixed: length)
            handOver()
        }

        private mutating func handOver() {
            if !buffer.bytes.isEmpty { output(buffer.bytes) }
            handedOver += buffer.bytes.count
            // `output` does not keep the piece, so the buffer is this writer's alone again and
            // keeps its room.
            buffer.removeAll()
        }
    }

    /// An entry of the table at a file's end: where its bytes are.
    public struct Place: Equatable, Sendable {
        public var name: String
        public var key: ContentDigest
        public var checksum: ContentDigest
        public var offset: Int
        public var count: Int
    }

    /// The `count` entries of a table (`table`, the bytes between the last entry and the table's
    /// length), in a file of `size` bytes whose entries start at `start`; nil unless they are
    /// whole, in the order written, and each one's bytes lie between the entries' start and the
    /// table, after the one before.
    public static func places(table: ArraySlice<UInt8>, count: UInt64, start: Int, size: Int) -> [Place]? {
        let tableStart = size - 8 - table.count
        var reader = ByteReader(Array(table))
        var places: [Place] = []
        places.reserveCapacity(Int(min(count, UInt64(table.count))))
        var end = start
        for _ in 0..<count {
            guard let name = reader.readString(), let key = reader.readDigest(), let checksum = reader.readDigest(),
                  let offset = reader.readUInt64(), let length = reader.readUInt64(),
                  offset >= UInt64(end), offset <= UInt64(tableStart), length <= UInt64(tableStart) - offset else { return nil }
            places.append(Place(name: name, key: key, checksum: checksum, offset: Int(offset), count: Int(length)))
            end = Int(offset + length)
        }
        return reader.isAtEnd ? places : nil
    }

    /// The entries, or nil for a file of another kind or program, or not whole. The blobs are
    /// slices of `bytes`: nothing is copied.
    public static func read(_ bytes: [UInt8], header: String, identity: String) -> [Entry]? {
        var reader = ByteReader(bytes)
        guard reader.expect(header.utf8), reader.readString() == identity,
              let count = reader.readUInt64(), count <= UInt64(bytes.count) else { return nil }
        let entriesStart = reader.offset
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        var places: [Place] = []
        for _ in 0..<count {
            guard let name = reader.readString(), let key = reader.readDigest(), let checksum = reader.readDigest(),
                  let blob = reader.readBytes() else { return nil }
            entries.append(Entry(name: name, key: key, blob: CacheBlob(bytes: blob, checksum: checksum)))
            places.append(Place(name: name, key: key, checksum: checksum, offset: blob.startIndex, count: blob.count))
        }
        // The table says what the entries said.
        guard bytes.count - reader.offset >= 8 else { return nil }
        var tail = ByteReader(Array(bytes[(bytes.count - 8)...]))
        guard let length = tail.readFixed(), length == UInt64(bytes.count - 8 - reader.offset),
              places == Self.places(table: bytes[reader.offset..<(bytes.count - 8)], count: count, start: entriesStart, size: bytes.count)
        else { return nil }
        return entries
    }
}
