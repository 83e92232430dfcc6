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

    /// Each entry's header is read on its own (a few hundred bytes at its place), and its bytes
    /// skipped: the file is `CacheEntryFile`'s form.
    private static func readEntries(_ descriptor: Int32, size: Int, header: String, identity: String) -> [Entry]? {
        let window = 512
        guard let start = FileReader.read(descriptor, at: 0, count: min(size, header.utf8.count + identity.utf8.count + 32)) else { return nil }
        var reader = ByteReader(start)
        guard reader.expect(header.utf8), reader.readString() == identity, let count = reader.readUInt64(),
              count <= UInt64(size) else { return nil }
        var offset = reader.offset
        var entries: [Entry] = []
        for _ in 0..<count {
            // A header longer than the window (a very long name) is read again whole.
            var length = min(window, size - offset)
            var parsed: (Entry, Int)?
            while parsed == nil {
                guard length > 0, let bytes = FileReader.read(descriptor, at: offset, count: length) else { return nil }
                var header = ByteReader(bytes)
                if let name = header.readString(), let key = header.readDigest(), let checksum = header.readDigest(),
                   let blobCount = header.readUInt64(), blobCount <= UInt64(size) {
                    let at = offset + header.offset
                    parsed = (Entry(name: name, key: key, checksum: checksum, offset: at, count: Int(blobCount)), at + Int(blobCount))
                } else if length < size - offset {
                    length = min(size - offset, length * 8)
                } else {
                    return nil
                }
            }
            let (entry, end) = parsed!
            guard end <= size else { return nil }
            entries.append(entry)
            offset = end
        }
        return offset == size ? entries : nil
    }
}
