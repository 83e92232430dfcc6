import Foundation

/// What parsing one file read of the content map (`ContentMap`): the content paths its links
/// named, looked up as pages or assets, or every path, when a broken link's suggestion looked
/// through them all.
///
/// The parse cache keys a file by these reads' results rather than by every content path: a
/// file added, removed or renamed re-parses only the files whose links named it (or that have a
/// broken link), not every file of the site (`SiteLoader`).
public struct ContentMapReads: Sendable, Equatable {
    /// The content paths looked up, in byte order, each once.
    public let paths: [String]
    /// Whether the parse read every content path.
    public let everyPath: Bool

    /// A parse that read nothing of the map.
    public init() {
        self.init(sorted: [], everyPath: false)
    }

    /// The reads of `paths`, in any order and with repeats (as a parse's links name them);
    /// sorted once here, not as each is found, so a file with many links costs no more than
    /// a sort.
    init(paths: Set<String>, everyPath: Bool) {
        self.init(sorted: paths.sorted { ByteOrder.precedes($0, $1) }, everyPath: everyPath)
    }

    private init(sorted paths: [String], everyPath: Bool) {
        self.paths = paths
        self.everyPath = everyPath
    }

    /// Adds to `hasher` what these reads find in `map`: for each path, its page URL or that it
    /// is an asset or neither; with `everyPath`, `allPaths` (the hash of every page and asset path).
    func add(to hasher: inout ContentHasher, in map: ContentMap, allPaths: () -> ContentDigest) {
        hasher.add(paths.count)
        for path in paths {
            hasher.add(path)
            if let url = map.pageURLs[path] {
                hasher.add(1)
                hasher.add(url)
            } else {
                hasher.add(map.assets.contains(path) ? 2 : 3)
            }
        }
        hasher.add(everyPath ? 1 : 0)
        if everyPath { hasher.add(allPaths()) }
    }

    /// The reads as the parse cache stores them, after an entry's header (`ParseCache`).
    func write(to writer: inout ByteWriter) {
        writer.write(paths.count)
        for path in paths { writer.write(path) }
        writer.write(everyPath)
    }

    /// Reads what `write(to:)` wrote; nil for bytes it did not write (paths out of order, say).
    static func read(from reader: inout ByteReader) -> ContentMapReads? {
        guard let count = reader.readInt(), count >= 0 else { return nil }
        var paths: [String] = []
        for _ in 0..<count {
            guard let path = reader.readString() else { return nil }
            if let last = paths.last, !ByteOrder.precedes(last, path) { return nil }
            paths.append(path)
        }
        guard let everyPath = reader.readBool() else { return nil }
        return ContentMapReads(sorted: paths, everyPath: everyPath)
    }
}

/// The hash of every page and asset path of a content map, made once, by the first parse that
/// needs it (few do: those with a broken link), on whichever core asks.
final class EveryContentPath: @unchecked Sendable {
    private let map: ContentMap
    private let lock = NSLock()
    private var made: ContentDigest?

    init(_ map: ContentMap) { self.map = map }

    func digest() -> ContentDigest {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        var hasher = ContentHasher()
        let pages = map.pageURLs.keys.sorted { ByteOrder.precedes($0, $1) }
        hasher.add(pages.count)
        for path in pages { hasher.add(path) }
        let assets = map.assets.sorted { ByteOrder.precedes($0, $1) }
        hasher.add(assets.count)
        for path in assets { hasher.add(path) }
        let digest = hasher.finish()
        made = digest
        return digest
    }
}
