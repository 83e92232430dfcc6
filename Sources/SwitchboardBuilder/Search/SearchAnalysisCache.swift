import Foundation
import SwitchboardModel

/// Each search document's analysis (its terms and their counts), kept between builds under
/// the hash of the document, so a rebuild re-tokenizes only the pages whose text changed.
/// Tokenizing was two thirds of a rebuild of a 10,000-page site in `switchboard serve`;
/// merging the analyses into the index is still done for every page.
///
/// A long-lived session (`switchboard serve`) keeps it in memory, and in the cache folder if it
/// has one. `switchboard build` keeps it in the cache folder as a base file and a delta
/// (`CacheEntryFile`), written through as soon as a build's analyses are made (`writeThrough`);
/// entries from disk stay encoded until a document with their hash asks for them.
///
/// It holds the analyses of the last build only: pages that are gone do not linger. They are
/// held encoded, as the cache folder keeps them (about 2.7 KB a page, against 4.3 KB decoded),
/// and decoded when a build asks for them: a build holds each page's analysis only while it
/// numbers that page's terms (`SearchInvertedIndex.Numbering`).
public final class SearchAnalysisCache: CacheFolderEntries, @unchecked Sendable {
    private let lock = NSLock()
    /// The last build's analyses, encoded; made by this process or checked against their
    /// checksum when first read, so not checked again.
    private var analyses: [ContentDigest: CacheBlob] = [:]
    /// Each document's record (its title, URL, sections and excerpts as JSON) under the hash of
    /// the document, base path and excerpt budget: in memory only, for a long-lived session.
    private var records: [ContentDigest: [UInt8]] = [:]
    /// Read from the cache folder and not yet asked for: the bytes (`restore(base:delta:identity:)`),
    /// or where they are in a file left on disk (`restore(path:identity:)`).
    private var stored: [ContentDigest: Stored] = [:]

    private enum Stored {
        case bytes(CacheBlob)
        case file(CacheEntryIndex, CacheEntryIndex.Entry)
    }
    private var files = CacheEntryFiles(header: "switchboard search analyses 2\n")
    /// Documents asked for that it did not hold, since the last `replace`.
    private var misses = 0
    /// How many documents the last build had to analyse.
    public private(set) var lastMisses = 0
    private var writer: (@Sendable (SearchAnalysisCache) -> Void)?
    private var wroteThrough = false
    /// While a build's analyses are written through: their keys, and how to encode each.
    private var passing: (keys: Set<ContentDigest>, encode: @Sendable (ContentDigest) -> CacheBlob)?

    /// Called by `replace(keys:blobs:encode:)` once a build's analyses are in, to write them to the cache
    /// folder there and then; they are then let go, and no records are kept. Set by a session
    /// that builds once (`BuildConfiguration.buildsOnce`): held until the end of the build,
    /// the analyses of 10,000 pages were 26 MB of its peak, and the records 13 MB, for a next
    /// build that never came.
    public var writeThrough: (@Sendable (SearchAnalysisCache) -> Void)? {
        get { lock.withLock { writer } }
        set { lock.withLock { writer = newValue } }
    }

    /// Whether the last build's analyses were written through and let go: the cache folder
    /// holds them, this object no longer does.
    public var wasLetGo: Bool { lock.withLock { wroteThrough } }

    /// Where the search index's numbered pieces are kept (see `SearchPieceFolder`): set by a
    /// session that builds once with a cache folder. A long-lived session keeps the analyses in
    /// memory, and a piece taken from the folder would make it encode every page's analysis
    /// again to keep them.
    public var pieces: SearchPieceFolder? {
        get { lock.withLock { pieceFolder } }
        set { lock.withLock { pieceFolder = newValue } }
    }
    private var pieceFolder: SearchPieceFolder?

    /// Where the search index's scored entries are kept (see `SearchEntryStore`): in the cache
    /// folder by a session that builds once, in memory by a long-lived one.
    public var entries: SearchEntryStore? {
        get { lock.withLock { entryStore } }
        set { lock.withLock { entryStore = newValue } }
    }
    private var entryStore: SearchEntryStore?

    public init() {}

    /// How many documents' analyses it holds.
    public var count: Int { lock.withLock { analyses.count } }

    /// The analysis under `digest`, with its encoded form to keep when it is held in memory. One
    /// read from a file left on disk comes without it: kept until the cache is written, the
    /// encoded forms of 30,000 pages were the largest part of a one-edit rebuild's peak, and a
    /// delta written after an edit needs none of them (a new base encodes them from the
    /// numbered pieces, as it does new pages'). Called from many threads at once: a stored entry
    /// is read, checked and decoded outside the lock.
    func entry(_ digest: ContentDigest) -> (SearchDocumentAnalysis, CacheBlob?)? {
        let (known, saved) = lock.withLock { (analyses[digest], stored[digest]) }
        if let known, let decoded = SearchDocumentAnalysis(encoded: known.bytes) { return (decoded, known) }
        switch saved {
        case .bytes(let blob):
            if let bytes = blob.intactBytes, let decoded = SearchDocumentAnalysis(encoded: bytes) { return (decoded, blob) }
        case .file(let index, let entry):
            if let bytes = index.blob(entry)?.intactBytes, let decoded = SearchDocumentAnalysis(encoded: bytes) { return (decoded, nil) }
        case nil:
            break
        }
        lock.withLock { misses += 1 }
        return nil
    }

    /// The keys of the records it holds (tests).
    var recordKeys: [ContentDigest] { lock.withLock { Array(records.keys) } }

    func record(_ key: ContentDigest) -> [UInt8]? {
        lock.withLock { records[key] }
    }

    /// Replaces the records it holds with one build's.
    func replaceRecords(with built: [ContentDigest: [UInt8]]) {
        lock.withLock { records = writer == nil ? built : [:] }
    }

    /// Replaces what it holds with one build's analyses: page `i`'s under `keys[i]`, encoded as
    /// `blobs[i]` where the build had it encoded (a kept analysis held in memory), else by `encode(i)`. A cache
    /// that writes through encodes each as it writes it, a run at a time on all cores, and keeps
    /// none: the analyses of 10,000 new pages, encoded as they were made, had been 26 MB of a
    /// clean build's peak. Another cache encodes and keeps them all.
    func replace(keys: [ContentDigest], blobs: [CacheBlob?], encode: @escaping @Sendable (Int) -> CacheBlob) {
        // Pages with the same text share a key, and an entry.
        let pages = Dictionary(zip(keys, keys.indices), uniquingKeysWith: { first, _ in first })
        let writer = lock.withLock {
            stored = [:]
            lastMisses = misses
            misses = 0
            wroteThrough = false
            return self.writer
        }
        let source: @Sendable (ContentDigest) -> CacheBlob = { key in
            let page = pages[key]!
            return blobs[page] ?? encode(page)
        }
        guard let writer else {
            let unique = Array(pages.keys)
            let built = Dictionary(uniqueKeysWithValues: zip(unique, unique.parallelMap(source)))
            lock.withLock { analyses = built }
            return
        }
        lock.withLock {
            analyses = [:]
            passing = (Set(pages.keys), source)
        }
        writer(self)
        lock.withLock {
            passing = nil
            wroteThrough = true
        }
    }

    // MARK: - On disk (`CacheEntryFiles`: a base file and a delta; an entry's name is its key in hex)

    /// Whether the analyses of the last build are other than the base file's.
    public var needsWrite: Bool { lock.withLock { !wroteThrough && !files.baseHolds(names) } }

    /// Each analysis under its name in the folder.
    private var names: [String: ContentDigest] {
        Dictionary(uniqueKeysWithValues: (passing?.keys.map { $0 } ?? Array(analyses.keys)).map { ($0.description, $0) })
    }

    /// Writes to `output`, in pieces, the analyses the base file lacks (a delta) or all of them;
    /// returns whether it was the delta.
    public func write(identity: String, to output: @escaping ([UInt8]) -> Void) -> Bool {
        lock.withLock {
            let keys = names
            let (names, isDelta) = files.choose(keys)
            var writer = CacheEntryFile.Writer(header: files.header, identity: identity, count: names.count, output: output)
            let held = analyses
            let encode = passing?.encode
            // A run at a time: entries written through are encoded on all cores, and no more
            // than a run of them is held at once.
            for start in stride(from: 0, to: names.count, by: 512) {
                let run = Array(names[start..<min(names.count, start + 512)])
                let blobs = run.parallelMap { name in
                    let digest = keys[name]!
                    return held[digest] ?? encode!(digest)
                }
                for (name, blob) in zip(run, blobs) { writer.add(CacheEntryFile.Entry(name: name, key: keys[name]!, blob: blob)) }
            }
            writer.finish()
            files.wrote(keys, isDelta: isDelta)
            return isDelta
        }
    }

    /// Takes the entries of the base and delta files; files from another program or not whole are ignored.
    public func restore(base: [UInt8]?, delta: [UInt8]?, identity: String) {
        lock.withLock {
            stored = [:]
            wroteThrough = false
            for entry in files.restore(base: base, delta: delta, identity: identity) { stored[entry.key] = .bytes(entry.blob) }
        }
    }

    /// The same from the files at `path` and `path` + ".delta", left on disk: each entry is read
    /// when a build asks for it, and nothing holds the whole file.
    public func restore(path: String, identity: String) {
        lock.withLock {
            stored = [:]
            wroteThrough = false
            for (index, entry) in files.restore(path: path, identity: identity) { stored[entry.key] = .file(index, entry) }
        }
    }
}
