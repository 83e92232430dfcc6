/// One kind of keyed entries in the cache folder, kept as a base file and a delta beside it
/// (`CacheEntryFile`): what the base holds, and the choice of what to write next.
///
/// The owner hands over its entries as name → key. Those whose key the base holds as it is go
/// nowhere; the rest go to the delta, unless there is no base or the delta would be large, when
/// every entry is written as a new base.
public struct CacheEntryFiles: Sendable {
    public let header: String
    /// Name → key of every entry in the base file; nil while no base file is known.
    private var base: [String: ContentDigest]?

    public init(header: String) {
        self.header = header
    }

    /// The entries of the base and delta files, the delta's over the base's. A file of another
    /// kind or program, or not whole, is ignored; a delta counts only beside a base.
    public mutating func restore(base: [UInt8]?, delta: [UInt8]?, identity: String) -> [CacheEntryFile.Entry] {
        guard let base, let baseEntries = CacheEntryFile.read(base, header: header, identity: identity) else {
            self.base = nil
            return []
        }
        self.base = Dictionary(baseEntries.map { ($0.name, $0.key) }, uniquingKeysWith: { _, last in last })
        let added = delta.flatMap { CacheEntryFile.read($0, header: header, identity: identity) } ?? []
        return baseEntries + added
    }

    /// The entries of the base file at `path` and of its delta (`path` + ".delta"), the delta's
    /// after the base's, each with the index that reads its bytes: as `restore(base:delta:identity:)`,
    /// without reading the files whole.
    public mutating func restore(path: String, identity: String) -> [(index: CacheEntryIndex, entry: CacheEntryIndex.Entry)] {
        guard let baseIndex = CacheEntryIndex(path: path, header: header, identity: identity) else {
            base = nil
            return []
        }
        base = Dictionary(baseIndex.entries.map { ($0.name, $0.key) }, uniquingKeysWith: { _, last in last })
        let deltaIndex = CacheEntryIndex(path: path + ".delta", header: header, identity: identity)
        return baseIndex.entries.map { (baseIndex, $0) } + (deltaIndex.map { delta in delta.entries.map { (delta, $0) } } ?? [])
    }

    /// Which of `entries` (name → key) to write, and whether as a delta.
    public func choose(_ entries: [String: ContentDigest]) -> (names: [String], isDelta: Bool) {
        let fresh = entries.filter { base?[$0.key] != $0.value }.map(\.key)
        if base != nil && CacheEntryFile.fitsDelta(fresh: fresh.count, total: entries.count) { return (fresh, true) }
        return (Array(entries.keys), false)
    }

    /// Whether the base file holds exactly `entries`.
    public func baseHolds(_ entries: [String: ContentDigest]) -> Bool { base == entries }

    /// Records a write of `choose(entries)`: a new base holds exactly `entries`.
    public mutating func wrote(_ entries: [String: ContentDigest], isDelta: Bool) {
        if !isDelta { base = entries }
    }
}

/// Entries a `BuildSession` keeps in the cache folder (parsed files, search analyses): read
/// once when a build first uses the folder, written on another core after a build changed them.
public protocol CacheFolderEntries: AnyObject, Sendable {
    /// Takes the base and delta files' entries (nil: no such file).
    func restore(base: [UInt8]?, delta: [UInt8]?, identity: String)
    /// Takes the entries of the base file at `path` and of its delta (`path` + ".delta").
    func restore(path: String, identity: String)
    /// Whether the last build changed what the folder should hold.
    var needsWrite: Bool { get }
    /// Writes the delta or a new base to `output`, in pieces; returns whether it was the delta.
    func write(identity: String, to output: @escaping ([UInt8]) -> Void) -> Bool
}

extension CacheFolderEntries {
    /// Reads both files whole and hands them to `restore(base:delta:identity:)`.
    public func restore(path: String, identity: String) {
        restore(base: FileReader.read(path), delta: FileReader.read(path + ".delta"), identity: identity)
    }
}
