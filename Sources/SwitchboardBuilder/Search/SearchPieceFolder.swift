import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SwitchboardModel

/// The search index's numbered pieces (`SearchInvertedIndex.Piece`, 256 pages each), kept in
/// the cache folder, one file per piece named by the hash of everything the piece was made
/// from: its place in the index, its pages' documents, the page count and base path (which
/// the records read) and the program. After an edit, every piece but the edited page's is read
/// back whole instead of decoding each page's analysis, numbering its terms again and making
/// its record: those had been a fifth of a one-edit rebuild's CPU at 10,000 pages.
///
/// Each piece is written as soon as it is numbered, from the task that numbered it, so no
/// build holds the encoded pieces; a file is written beside its place and renamed, so a reader
/// finds the old file, the new one or none. A file starts with a header and the checksum of
/// what follows. Files that the last build did not use are removed once it is done
/// (`keepOnly(_:)`).
public final class SearchPieceFolder: @unchecked Sendable {
    public let path: String
    private let identity: String
    private static let header = Array("switchboard search piece 1\n".utf8)
    private let lock = NSLock()
    private var used: Set<String> = []
    private var madeFolder = false
    private var reads = 0
    private var writes = 0
    /// How many pieces the last build read back whole and how many it wrote (numbered again).
    public var lastBuild: (read: Int, written: Int) { lock.withLock { last } }
    private var last = (read: 0, written: 0)

    /// Pieces kept in the folder `path`, for the program `identity`.
    public init(path: String, identity: String) {
        self.path = path
        self.identity = identity
    }

    /// The key of the piece of `pages` (page ids) whose documents have the hashes `documents`,
    /// in a site of `pageCount` pages published under `basePath`.
    func key(pages: Range<Int>, documents: ArraySlice<ContentDigest>, pageCount: Int, basePath: String) -> ContentDigest {
        var hasher = ContentHasher()
        hasher.add("search piece")
        hasher.add(identity)
        hasher.add(pageCount)
        hasher.add(basePath)
        hasher.add(pages.lowerBound)
        hasher.add(pages.upperBound)
        for digest in documents { hasher.add(digest) }
        return hasher.finish()
    }

    /// The bytes kept under `key`, if a whole file with a matching checksum holds them.
    func read(_ key: ContentDigest) -> [UInt8]? {
        let name = key.description
        lock.withLock { _ = used.insert(name) }
        guard var body = FileReader.read("\(path)/\(name)") else { return nil }
        // The reader is gone before the header is taken off in place (it shares the bytes, which
        // would then be copied): a copy of the rest had been a second 670 KB block per piece,
        // every page of it faulted in, and the pieces are read back on every rebuild.
        let header: (length: Int, checksum: ContentDigest)? = {
            var reader = ByteReader(body)
            guard reader.expect(Self.header), let checksum = reader.readDigest() else { return nil }
            return (reader.offset, checksum)
        }()
        guard let header else { return nil }
        body.removeSubrange(0..<header.length)
        guard Checksum.of(body) == header.checksum else { return nil }
        lock.withLock { reads += 1 }
        return body
    }

    /// Keeps `bytes` under `key`; a file that cannot be written is left out (the piece is
    /// numbered again next time).
    func write(_ key: ContentDigest, _ bytes: [UInt8]) {
        let name = key.description
        let makeFolder = lock.withLock {
            used.insert(name)
            writes += 1
            defer { madeFolder = true }
            return !madeFolder
        }
        if makeFolder { CacheFile.makeFolders(path) }
        var file = ByteWriter()
        file.append(raw: Self.header)
        file.write(Checksum.of(bytes))
        file.append(raw: bytes)
        CacheFile.write("\(path)/\(name)", file.bytes)
    }

    /// Removes every file of the folder that no `read` or `write` since the last call asked for,
    /// and counts those reads and writes as the last build's.
    func keepOnly() {
        let keep = lock.withLock {
            defer {
                used = []
                last = (reads, writes)
                reads = 0
                writes = 0
            }
            return used
        }
        guard let folder = opendir(path) else { return }
        var stale: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != "..", !keep.contains(name) { stale.append(name) }
        }
        closedir(folder)
        for name in stale { unlink("\(path)/\(name)") }
    }
}
