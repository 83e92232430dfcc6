/// Parsed files kept between loads: in memory by a long-lived caller such as a build
/// session, and in the cache folder (``serialized(identity:)``) so that `switchboard build`
/// run again parses only the files whose bytes or surroundings changed.
///
/// An entry is keyed by the hash of the file's bytes and of everything else its parse
/// read (the set of content paths, base path, raw-HTML switch, clock). Entries from disk stay
/// encoded until a load finds their key unchanged, and are decoded then, on all cores.
public final class ParseCache: @unchecked Sendable {
    struct Entry {
        var key: ContentDigest
        var file: LoadedFile
        /// Whether the cache folder's base file holds this entry as it is. (Entries are kept
        /// decoded only: the encoded form is made again when the entry is written, so the file
        /// read from the cache folder is let go as soon as the load is done.)
        var inBase = false
    }

    /// A parsed file in the cache folder's form.
    struct Encoded: Sendable {
        var blob: CacheBlob

        /// Nil if the file cannot be encoded.
        init?(_ file: LoadedFile) {
            guard let bytes = try? CacheEncoder.encode(file) else { return nil }
            blob = CacheBlob(bytes)
        }

        init(_ blob: CacheBlob) { self.blob = blob }

        /// The parsed file, when the bytes are whole and well formed.
        func decoded() -> LoadedFile? {
            guard let bytes = blob.intactBytes else { return nil }
            return try? CacheDecoder.decode(LoadedFile.self, from: bytes)
        }
    }

    /// One file's way through a load.
    struct Lookup: Sendable {
        enum Source: Sendable { case memory, disk, parsed }
        var key: ContentDigest?
        var file: LoadedFile
        var source: Source
        var inBase = false
    }

    var entries: [String: Entry] = [:]
    /// Read from the cache folder and not yet used: path → (key, encoded entry, whether from the base file).
    var stored: [String: (key: ContentDigest, encoded: Encoded, inBase: Bool)] = [:]
    /// Whether the cache folder has a base file this cache knows of, which a delta can add to.
    private var hasBase = false
    /// How many files the last load took from the cache folder.
    public private(set) var lastDecodedCount = 0
    /// Whether the last load parsed a file or dropped one: then the cache folder's copy is out of date.
    public private(set) var changedSinceRestore = true

    public init() {}

    /// How many files it holds.
    public var count: Int { entries.count }

    func keep(_ lookups: [Lookup]) {
        var next: [String: Entry] = [:]
        next.reserveCapacity(lookups.count)
        var decoded = 0
        var parsed = 0
        for lookup in lookups {
            if lookup.source == .disk { decoded += 1 }
            if lookup.source == .parsed { parsed += 1 }
            if let key = lookup.key {
                next[lookup.file.file.path] = Entry(key: key, file: lookup.file, inBase: lookup.inBase)
            }
        }
        changedSinceRestore = parsed > 0 || next.count != (entries.isEmpty ? stored.count : entries.count)
        entries = next
        stored = [:]
        lastDecodedCount = decoded
    }

    // MARK: - On disk (`CacheEntryFile`: a base file and a delta)

    private static let header = "switchboard parsed files 2\n"

    /// Writes to `output`, in pieces, either the delta (entries not in the base file as they
    /// are) or, when there is no base or the delta would be large, the whole base; returns
    /// whether it was the delta. `identity` names the program that wrote it: another build of
    /// `switchboard` may parse differently, or lay out its types differently, so it reads none of them.
    public func write(identity: String, to output: @escaping ([UInt8]) -> Void) -> Bool {
        let fresh = entries.filter { !$0.value.inBase }
        let isDelta = hasBase && CacheEntryFile.fitsDelta(fresh: fresh.count, total: entries.count)
        // Entries are encoded one at a time as they are written, so no second copy of the parsed
        // site is held. One that cannot be encoded is written with a checksum it fails, so it is
        // parsed again.
        let chosen = isDelta ? fresh : entries
        var writer = CacheEntryFile.Writer(header: Self.header, identity: identity, count: chosen.count, output: output)
        for (path, entry) in chosen {
            let blob = Encoded(entry.file)?.blob ?? CacheBlob(bytes: [], checksum: ContentDigest([1]))
            writer.add(CacheEntryFile.Entry(name: path, key: entry.key, blob: blob))
        }
        writer.finish()
        if !isDelta {
            for key in entries.keys { entries[key]!.inBase = true }
            hasBase = true
        }
        return isDelta
    }

    /// Takes the entries of the base and delta files for the next load. A file from another
    /// program, or not whole, is ignored (its entries are parsed again). Returns whether the base was taken.
    @discardableResult
    public func restore(base: [UInt8]?, delta: [UInt8]?, identity: String) -> Bool {
        var stored: [String: (key: ContentDigest, encoded: Encoded, inBase: Bool)] = [:]
        let baseEntries = base.flatMap { CacheEntryFile.read($0, header: Self.header, identity: identity) }
        hasBase = baseEntries != nil
        for entry in baseEntries ?? [] { stored[entry.name] = (entry.key, Encoded(entry.blob), true) }
        if hasBase, let delta, let added = CacheEntryFile.read(delta, header: Self.header, identity: identity) {
            for entry in added { stored[entry.name] = (entry.key, Encoded(entry.blob), false) }
        }
        self.stored = stored
        return hasBase
    }
}
