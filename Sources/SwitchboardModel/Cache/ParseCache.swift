/// Parsed files kept between loads: in memory by a long-lived caller such as a build
/// session, and in the cache folder (``write(identity:to:)``, ``restore(base:delta:identity:)``)
/// so that `switchboard build` run again parses only the files whose bytes or surroundings changed.
///
/// An entry is keyed by the hash of the file's bytes and of everything else its parse
/// read (its path, the base path, raw-HTML switch, the clock's day, and what its links found in
/// the content map: `ContentMapReads`, kept with the entry, so a load can work out the key a
/// file would have now before deciding to parse it). Entries from disk stay encoded until a
/// load finds their key unchanged, and are decoded then, on all cores.
public final class ParseCache: CacheFolderEntries, @unchecked Sendable {
    /// Entries are kept decoded only: the encoded form is made again when an entry is written,
    /// so the file read from the cache folder is let go as soon as the load is done.
    struct Entry {
        var key: ContentDigest
        var reads: ContentMapReads
        var file: LoadedFile
    }

    /// The parsed file in a cache entry, when its bytes are whole and well formed. With
    /// `keepingBodyEncoded`, an article's body is left encoded (`Article.encodedBody`) for a
    /// load that keeps bodies in a store.
    ///
    /// An entry is a byte saying whether the hashes of an article's body follow (1) or not (0),
    /// those hashes (page part, then sections), the length of the parse's reads of the content
    /// map and those reads (`ContentMapReads.write(to:)`), then the parsed file as `CacheEncoder`
    /// writes it: the hashes let a body go to the store without being decoded. With the cache
    /// file the blob was read from and its offset there (`place`), such a body names its bytes'
    /// place in the file instead of copying them.
    ///
    /// With `accepting`, the file is decoded only if `accepting` takes the entry's reads (the
    /// caller works out from them the key the file would have now).
    static func decoded(_ blob: CacheBlob, keepingBodyEncoded: Bool = false, place: (file: CacheEntryIndex, offset: Int)? = nil,
                        accepting: (ContentMapReads) -> Bool = { _ in true }) -> LoadedFile? {
        guard let bytes = blob.intactBytes, let header = header(bytes), accepting(header.reads) else { return nil }
        let file = bytes.dropFirst(header.length)
        return try? CacheDecoder.decodeLoadedFile(from: file, bodyDigests: keepingBodyEncoded ? header.digests : nil,
                                                  bodyPlace: place.map { ($0.file, $0.offset + header.length) })
    }

    /// An entry's header: the body's hashes, if any, the reads, and how many bytes it takes.
    private static func header(_ bytes: ArraySlice<UInt8>) -> (digests: (page: ContentDigest, sections: ContentDigest)?, reads: ContentMapReads, length: Int)? {
        guard let flag = bytes.first, flag <= 1 else { return nil }
        let fixed = flag == 1 ? 33 : 1
        // The fixed part and the reads' length, then the reads: read apart, so that the parsed
        // file after them is not copied.
        var reader = ByteReader(Array(bytes.prefix(fixed + 10)))
        _ = reader.readRaw(count: 1)
        var digests: (page: ContentDigest, sections: ContentDigest)?
        if flag == 1 {
            guard let page = reader.readDigest(), let sections = reader.readDigest() else { return nil }
            digests = (page, sections)
        }
        guard let run = reader.readUInt64(), run <= UInt64(bytes.count - reader.offset) else { return nil }
        let (start, length) = (bytes.startIndex + reader.offset, Int(run))
        var readsReader = ByteReader(Array(bytes[start..<(start + length)]))
        guard let reads = ContentMapReads.read(from: &readsReader), readsReader.isAtEnd else { return nil }
        return (digests, reads, reader.offset + length)
    }

    /// A parsed file's entry (see `decoded`), its article's body loaded; nil when it cannot be
    /// read back from its store or encoded.
    static func encoded(_ file: LoadedFile, reads: ContentMapReads) -> [UInt8]? {
        guard let loaded = file.withBodyLoaded() else { return nil }
        // Room for the body's HTML and about as much again for its sections' text, so that the
        // buffer seldom grows (each growth copies what is written so far).
        var capacity = 1024
        switch loaded.entry {
        case .article(let article)?: capacity += article.body.rendered.html.utf8.count * 2
        case .faq(let faq)?: capacity += faq.answer.rendered.html.utf8.count * 2
        case .policy(let policy)?: capacity += policy.body.rendered.html.utf8.count * 2
        default: break
        }
        return try? CacheEncoder.encode(loaded, capacity: capacity) { writer in
            if case .article(let article)? = file.entry {
                writer.append(raw: [1])
                writer.write(article.pageBodyDigest)
                writer.write(article.storedBody?.sectionsDigest ?? ContentHasher.sectionsDigest(
                    article.body.rendered.sections.map { ($0.heading?.id, $0.heading?.text, $0.text) }))
            } else {
                writer.append(raw: [0])
            }
            var encodedReads = ByteWriter()
            reads.write(to: &encodedReads)
            writer.write(bytes: encodedReads.bytes)
        }
    }

    /// An entry read from the cache folder: its bytes, or where they are in a file left on disk
    /// (`restore(path:identity:)`), read when a load asks for the entry.
    enum Stored: Sendable {
        case bytes(CacheBlob)
        case file(CacheEntryIndex, CacheEntryIndex.Entry)

        /// The parsed file, when its bytes can be read and are whole and well formed (an
        /// article's body left encoded with `keepingBodyEncoded`), and `accepting` takes what its
        /// parse read of the content map.
        func decoded(keepingBodyEncoded: Bool = false, accepting: (ContentMapReads) -> Bool = { _ in true }) -> LoadedFile? {
            switch self {
            case .bytes(let blob): ParseCache.decoded(blob, keepingBodyEncoded: keepingBodyEncoded, accepting: accepting)
            case .file(let index, let entry):
                index.blob(entry).flatMap {
                    ParseCache.decoded($0, keepingBodyEncoded: keepingBodyEncoded, place: (index, entry.offset), accepting: accepting)
                }
            }
        }
    }

    /// One file's way through a load.
    struct Lookup: Sendable {
        enum Source: Sendable { case memory, disk, parsed }
        var key: ContentDigest?
        var reads = ContentMapReads()
        var file: LoadedFile
        var source: Source
    }

    /// The parsed files by content path, with their keys.
    var entries: [String: Entry] {
        get {
            if let lookups = keptLookups {
                keptLookups = nil
                var next: [String: Entry] = [:]
                next.reserveCapacity(lookups.count)
                for index in lookups.indices {
                    if let key = lookups[index].key {
                        next[lookups[index].file.file.path] = Entry(key: key, reads: lookups[index].reads, file: lookups[index].file)
                    }
                }
                madeEntries = next
            }
            return madeEntries
        }
        set {
            keptLookups = nil
            madeEntries = newValue
        }
    }
    private var madeEntries: [String: Entry] = [:]
    /// The last load's lookups, made into `entries` when they are first asked for: by the write
    /// to the cache folder, on another core, or by the next load. Made on the load's path, the
    /// dictionary took a tenth of its one-edit time at 30,000 files.
    private var keptLookups: [Lookup]?
    /// Read from the cache folder and not yet used: path → (key, encoded entry).
    var stored: [String: (key: ContentDigest, blob: Stored)] = [:]
    private var files = CacheEntryFiles(header: "switchboard parsed files 5\n")
    /// How many files the last load took from the cache folder.
    public private(set) var lastDecodedCount = 0
    /// Whether the last load parsed a file or dropped one: then the cache folder's copy is out of date.
    public private(set) var changedSinceRestore = true

    public init() {}

    /// How many files it holds.
    public var count: Int { entries.count }

    /// Takes a load's lookups as the entries (content paths are unique within a load).
    func keep(_ lookups: [Lookup]) {
        var decoded = 0
        var parsed = 0
        var keyed = 0
        // By index: `for lookup in lookups` copies each parsed file (some thirty references
        // retained and released), on the load's one thread.
        for index in lookups.indices {
            if lookups[index].source == .disk { decoded += 1 }
            if lookups[index].source == .parsed { parsed += 1 }
            if lookups[index].key != nil { keyed += 1 }
        }
        let held = entries
        changedSinceRestore = parsed > 0 || keyed != (held.isEmpty ? stored.count : held.count)
        // What was held before goes on another core: freeing 30,000 parsed files is not free.
        BackgroundRelease.release((held, stored))
        madeEntries = [:]
        keptLookups = lookups
        stored = [:]
        lastDecodedCount = decoded
    }

    /// Makes `entries` from the last load's lookups now, on the caller's core: a long-lived
    /// session calls it after writing the cache folder (which reads the lookups as they are), so
    /// that its next load does not make them on its own path.
    public func makeEntries() {
        _ = entries
    }

    /// Lets every parsed file go: a session that builds once has no next load to reuse them in
    /// once they are written to the cache folder.
    public func letGo() {
        entries = [:]
        stored = [:]
    }

    // MARK: - On disk (`CacheEntryFiles`: a base file and a delta)

    public var needsWrite: Bool { changedSinceRestore }

    /// Writes to `output`, in pieces, either the delta or the whole base (see `CacheEntryFiles`);
    /// returns whether it was the delta. `identity` names the program that wrote it: another build
    /// of `switchboard` may parse differently, or lay out its types differently, so it reads none of them.
    public func write(identity: String, to output: @escaping ([UInt8]) -> Void) -> Bool {
        // Straight from the last load's lookups when `entries` were not made from them: a rebuild
        // after one edit writes a delta of one entry, and making every entry copied every parsed
        // file (a fortieth of that rebuild's CPU at 10,000 files). A long-lived session makes them
        // after the write (`makeEntries`), for its next load.
        var keys: [String: ContentDigest] = [:]
        var places: [String: Int] = [:]
        let lookups = keptLookups
        if let lookups {
            keys.reserveCapacity(lookups.count)
            places.reserveCapacity(lookups.count)
            for index in lookups.indices {
                guard let key = lookups[index].key else { continue }
                keys[lookups[index].file.file.path] = key
                places[lookups[index].file.file.path] = index
            }
        } else {
            keys = madeEntries.mapValues(\.key)
        }
        let (names, isDelta) = files.choose(keys)
        // Entries are encoded one at a time as they are written, so no second copy of the parsed
        // site is held. One that cannot be encoded is written with a checksum it fails, so it is
        // parsed again.
        var writer = CacheEntryFile.Writer(header: files.header, identity: identity, count: names.count, output: output)
        for path in names {
            // A body that cannot be read back from its store is written damaged too.
            let encoded = if let lookups, let index = places[path] {
                Self.encoded(lookups[index].file, reads: lookups[index].reads)
            } else {
                Self.encoded(madeEntries[path]!.file, reads: madeEntries[path]!.reads)
            }
            writer.add(CacheEntryFile.Entry(name: path, key: keys[path]!, blob: encoded.map(CacheBlob.init) ?? CacheBlob.damaged))
        }
        writer.finish()
        files.wrote(keys, isDelta: isDelta)
        return isDelta
    }

    /// Takes the entries of the base and delta files for the next load. A file from another
    /// program, or not whole, is ignored (its entries are parsed again).
    public func restore(base: [UInt8]?, delta: [UInt8]?, identity: String) {
        stored = [:]
        for entry in files.restore(base: base, delta: delta, identity: identity) { stored[entry.name] = (entry.key, .bytes(entry.blob)) }
    }

    /// Takes the entries of the base file at `path` and its delta without reading their bytes:
    /// a load reads each entry it uses, on the core that decodes it, and nothing holds the
    /// whole file (over 200 MB at 30,000 files).
    public func restore(path: String, identity: String) {
        stored = [:]
        for (index, entry) in files.restore(path: path, identity: identity) { stored[entry.name] = (entry.key, .file(index, entry)) }
    }
}
