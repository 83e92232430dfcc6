import Foundation
import SwitchboardModel

/// Every term's scored entry (`SearchTermEntries.Entry`: its shard entry's JSON and its tail
/// file) from the last build, kept in the cache folder, so that a rebuild scores again only
/// the terms of the pages that changed. Scoring every term's postings was the largest part of
/// the search index left in a one-edit rebuild once the numbered pieces were kept
/// (`SearchPieceFolder`): a seventh of its CPU at 10,000 pages.
///
/// A term's entry is read from its postings (pages, counts, best sections), each posting's
/// page's field lengths and facets, the page count, the fields' mean lengths and the program.
/// The file holds the last build's *setting* (a hash of the page count, the rounded mean
/// lengths, every page's facets and the program) and every page's document hash by page id.
/// When the setting is the same, a page whose document hash is the same has the same counts
/// and lengths, so a term keeps its entry when it is in the same number of pages as before and
/// no changed page has it: its pages are then pages that did not change, and as many as before,
/// so the same ones (a term that left a changed page is in fewer). Anything else (another setting, a page added, a file
/// that is damaged or from another program) scores every term, as a clean build does.
///
/// One file, `search-entries`: a header, the program, the setting, the page hashes, the
/// entries, and a checksum of all of that; written after the entries are made, in pieces of
/// about a megabyte, and renamed into place. A long-lived session (`serve`) keeps the same
/// bytes in memory instead (`init(keptInMemoryFor:)`).
public final class SearchEntryStore: @unchecked Sendable {
    /// The file, or nil for a store kept in memory.
    public let path: String?
    /// A store kept in memory: the bytes the file would hold.
    private var inMemory: [UInt8]?
    private let identity: String
    private static let header = Array("switchboard search entries 1\n".utf8)
    private let lock = NSLock()
    private var last = (kept: 0, scored: 0)
    /// The file's write, on another core: the index's files are made without waiting for it
    /// (it was a tenth of the search stage's time after one edit). Read after it, by `previous`.
    private let writes = DispatchGroup()

    deinit { writes.wait() }

    /// Waits until the last build's entries are in the file (a process waits before it ends).
    public func waitForWrites() { writes.wait() }

    /// How many terms the last build kept and how many it scored.
    public var lastBuild: (kept: Int, scored: Int) { lock.withLock { last } }

    /// The file as `readAhead` read it, taken by the first `previous`.
    private var ahead: BackgroundTask<Previous?>?

    /// Entries kept in the file at `path`, for the program `identity`; `ahead`, when given, is
    /// that file as `readAhead(path:identity:)` read it (before any write by this store).
    init(path: String, identity: String, ahead: BackgroundTask<Previous?>? = nil) {
        self.path = path
        self.identity = identity
        self.ahead = ahead
    }

    /// Reads and checks the entries file at `path` on another core, for a store made later
    /// (`init(path:identity:ahead:)`): a build reads it while the site loads, not in the search
    /// stage's stretch on one core (a hundredth of a one-edit rebuild at 10,000 files).
    static func readAhead(path: String, identity: String) -> BackgroundTask<Previous?> {
        BackgroundTask { FileReader.read(path).flatMap { Previous($0, header: header, identity: identity) } }
    }

    /// Entries kept in memory, for a session that builds again and again in one process.
    public init(keptInMemoryFor identity: String) {
        path = nil
        self.identity = identity
    }

    /// The hash of what every entry reads besides its own postings.
    func setting(scoring: SearchScoring, catalogue: SearchCatalogue, headLength: Int) -> ContentDigest {
        var hasher = ContentHasher()
        hasher.add("search entries")
        hasher.add(identity)
        hasher.add(scoring.documentCount)
        hasher.add(headLength)
        for mean in scoring.averageLengths { hasher.add(Int(truncatingIfNeeded: mean.bitPattern)) }
        hasher.add(catalogue.types.count)
        for type in catalogue.types { hasher.add(type) }
        hasher.add(catalogue.products.count)
        for product in catalogue.products { hasher.add(product) }
        for (type, products) in zip(catalogue.typeIndex, catalogue.productIndices) {
            hasher.add(type)
            hasher.add(products.count)
            for product in products { hasher.add(product) }
        }
        return hasher.finish()
    }

    /// The last build's entries, if it had the same setting and page count: for each term,
    /// its entry when none of its pages changed (`pages`: each page's document hash by id).
    func previous(setting: ContentDigest, pages: [ContentDigest]) -> Previous? {
        writes.wait()
        let read: Previous?
        if let ahead = lock.withLock({ () -> BackgroundTask<Previous?>? in defer { ahead = nil }; return ahead }) {
            read = ahead.wait()
        } else {
            read = (path.map({ FileReader.read($0) }) ?? lock.withLock({ inMemory })).flatMap { Previous($0, header: Self.header, identity: identity) }
        }
        guard var previous = read, previous.setting == setting, previous.pages.count == pages.count else { return nil }
        previous.changed = zip(pages, previous.pages).map { $0 != $1 }
        return previous
    }

    /// Writes this build's entries (`terms[i]`'s entry is `entries[i]`), under `setting` and
    /// the pages' document hashes; `kept` of them were kept from the last build.
    func write(setting: ContentDigest, pages: [ContentDigest], terms: @escaping (Int) -> (bytes: ArraySlice<UInt8>, pages: Int),
               entries: [SearchTermEntries.Entry], kept: Int) {
        writes.wait()
        // What was read ahead is the file before this write.
        lock.withLock {
            last = (kept, entries.count - kept)
            ahead = nil
        }
        var checksum = Checksum()
        guard let path else {
            var bytes: [UInt8] = []
            _ = encode { bytes += $0 }
            lock.withLock { inMemory = bytes }
            return
        }
        // What `encode` reads is the caller's, which goes on: held here until it is written.
        let job = UncheckedJob { _ = CacheFile.stream(path, encode) }
        DispatchQueue.global().async(group: writes) { job.run() }
        func encode(_ output: @escaping ([UInt8]) -> Void) -> Bool {
            var writer = ByteWriter()
            func flush(force: Bool) {
                guard force || writer.bytes.count >= 1 << 20 else { return }
                checksum.add(writer.bytes)
                output(writer.bytes)
                writer = ByteWriter()
            }
            writer.append(raw: Self.header)
            writer.write(identity)
            writer.write(setting)
            writer.write(pages.count)
            for page in pages { writer.write(page) }
            writer.write(entries.count)
            for (i, entry) in entries.enumerated() {
                let term = terms(i)
                writer.write(bytes: term.bytes)
                writer.write(term.pages)
                writer.write(bytes: entry.json)
                if let tail = entry.tail {
                    writer.write(true)
                    writer.write(bytes: tail)
                } else {
                    writer.write(false)
                }
                flush(force: false)
            }
            flush(force: true)
            writer.write(checksum.finish())
            output(writer.bytes)
            return false
        }
    }

    /// The entries of a file, read once: the terms in a table of their own, each entry's
    /// bytes where they are in the file.
    struct Previous: Sendable {
        let setting: ContentDigest
        let pages: [ContentDigest]
        private let bytes: [UInt8]
        private let terms: SearchTermTable
        /// How many pages each term is in.
        private let frequencies: [Int]
        private let json: [Range<Int>]
        private let tails: [Range<Int>?]
        /// Whether each page id's document changed since (set by `previous(setting:pages:)`).
        fileprivate(set) var changed: [Bool]

        init?(_ file: [UInt8], header: [UInt8], identity: String) {
            // The checksum, the last 16 bytes, is of everything before it.
            guard file.count > 16 else { return nil }
            var check = ByteReader(file, offset: file.count - 16)
            guard let checksum = check.readDigest(), Checksum.of(file[..<(file.count - 16)]) == checksum else { return nil }
            var reader = ByteReader(file)
            guard reader.expect(header), reader.readString() == identity, let setting = reader.readDigest(),
                  let pageCount = reader.readInt(), pageCount >= 0, pageCount <= file.count / 16 else { return nil }
            var pages: [ContentDigest] = []
            pages.reserveCapacity(pageCount)
            for _ in 0..<pageCount {
                guard let page = reader.readDigest() else { return nil }
                pages.append(page)
            }
            guard let count = reader.readInt(), count >= 0, count <= file.count else { return nil }
            var terms = SearchTermTable(capacity: count)
            var frequencies: [Int] = []
            var json: [Range<Int>] = []
            var tails: [Range<Int>?] = []
            frequencies.reserveCapacity(count)
            json.reserveCapacity(count)
            tails.reserveCapacity(count)
            for _ in 0..<count {
                guard let term = reader.readBytes(), let frequency = reader.readInt(), let entry = reader.readBytes(),
                      let hasTail = reader.readBool() else { return nil }
                var tail: Range<Int>?
                if hasTail {
                    guard let bytes = reader.readBytes() else { return nil }
                    tail = bytes.indices
                }
                // A term written twice is not from this writer.
                let id = term.withUnsafeBufferPointer { terms.intern($0) }
                guard id == json.count else { return nil }
                frequencies.append(frequency)
                json.append(entry.indices)
                tails.append(tail)
            }
            guard reader.offset == file.count - 16 else { return nil }
            self.setting = setting
            self.pages = pages
            bytes = file
            self.terms = terms
            self.frequencies = frequencies
            self.json = json
            self.tails = tails
            changed = []
        }

        /// Where the last build's entry of `term` is, if the term was in `documentFrequency`
        /// pages then too.
        func id(ofTerm term: ArraySlice<UInt8>, documentFrequency: Int) -> Int? {
            guard let id = term.withUnsafeBufferPointer({ terms.find($0) }), frequencies[id] == documentFrequency else { return nil }
            return id
        }

        /// The last build's entry number `id`.
        func entry(at id: Int) -> SearchTermEntries.Entry {
            SearchTermEntries.Entry(json: Array(bytes[json[id]]), tail: tails[id].map { Array(bytes[$0]) })
        }
    }
}
