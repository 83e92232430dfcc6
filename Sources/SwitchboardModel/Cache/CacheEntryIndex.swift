#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cache file of keyed entries (`CacheEntryFile`) left on disk: its entries' names, keys and
/// places, read without reading their bytes, which `blob(_:)` reads when an entry is asked
/// for. The parse cache of a 30,000-file site is over 200 MB; read whole, it was held until
/// every entry was decoded, and was most of a one-edit rebuild's peak.
public final class CacheEntryIndex: @unchecked Sendable {
    /// An entry: its name and key, and where its bytes are.
    public struct Entry: Sendable {
        public var name: String
        public var key: ContentDigest
        public var checksum: ContentDigest
        public var offset: Int
        public var count: Int
    }

    private let descriptor: Int32
    public let entries: [Entry]

    /// The entries of the file at `path`, or nil for no file, one of another kind or program, or
    /// one that is not whole. The file stays open until the index goes: a new file renamed over
    /// it meanwhile does not change what it reads.
    public init?(path: String, header: String, identity: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0,
              let entries = Self.readEntries(descriptor, size: Int(info.st_size), header: header, identity: identity) else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.entries = entries
    }

    deinit { close(descriptor) }

    /// The entry's bytes as a blob to check against its checksum; nil when they cannot be read.
    public func blob(_ entry: Entry) -> CacheBlob? {
        FileReader.read(descriptor, at: entry.offset, count: entry.count).map { CacheBlob(bytes: $0[...], checksum: entry.checksum) }
    }

    /// `count` bytes of the file from `offset`; nil when they cannot be read.
    public func read(at offset: Int, count: Int) -> [UInt8]? {
        FileReader.read(descriptor, at: offset, count: count)
    }

    /// The table at the file's end is read, not the entries' headers where they lie (a read
    /// each): the file is `CacheEntryFile`'s form.
    private static func readEntries(_ descriptor: Int32, size: Int, header: String, identity: String) -> [Entry]? {
        guard let start = FileReader.read(descriptor, at: 0, count: min(size, header.utf8.count + identity.utf8.count + 32)) else { return nil }
        var reader = ByteReader(start)
        guard reader.expect(header.utf8), reader.readString() == identity, let count = reader.readUInt64(),
              count <= UInt64(size), size - reader.offset >= 8,
              let tail = FileReader.read(descriptor, at: size - 8, count: 8) else { return nil }
        var lengthReader = ByteReader(tail)
        guard let length = lengthReader.readFixed(), length <= UInt64(size - 8 - reader.offset),
              let table = FileReader.read(descriptor, at: size - 8 - Int(length), count: Int(length)),
              let places = CacheEntryFile.places(table: table[...], count: count, start: reader.offset, size: size) else { return nil }
        return places.map { Entry(name: $0.name, key: $0.key, checksum: $0.checksum, offset: $0.offset, count: $0.count) }
    }
}
