import SwitchboardModel

/// Writes the static search index that `templates/assets/search-core.js` queries in the
/// browser. The design and file formats are in `docs/search.md`; in short:
///
/// - `search/index.json`: the manifest: page count, scales, facet names, the facets of each
///   run of page ids, the record chunk size and the list of shard keys.
/// - `search/s/<prefix>.json`: shards of the vocabulary by term prefix; each term with its
///   page count, best score and best postings (page id, score level, best section).
/// - `search/t/<term>.json`: for a term in more pages than its shard lists, the others, as
///   postings or a bitmap, whichever is smaller; fetched to check candidates of several words.
///   A tail of at most `inlineTailLimit` bytes is the last element of the term's shard entry
///   instead.
/// - `search/v/<ab>.json`, `search/u/<ac>.json`, `search/w/<bc>.json`: the words with those
///   characters first and second, first and third, second and third; for typo tolerance.
/// - `search/r/<n>.json`: the records (link, title, summary, sections) of a chunk of pages,
///   fetched only for results shown.
public enum SearchIndexWriter {
    /// Postings kept in the shard for each term; a term in more pages gets the rest in
    /// `search/t/`. Enough for the first pages of results for one word.
    public static let headLength = 40
    /// A shard is split by a longer prefix when its JSON would exceed this many bytes.
    public static let shardLimit = 12_000
    /// A tail whose JSON takes at most this many bytes is written into the term's shard entry,
    /// not a file of its own. Most tails are that small (69 % at 10,000 pages): as files they
    /// were a third of a build's output files, each costing the kernel a file and a gzipped
    /// transfer its own header. Shards still keep within `shardLimit`, but a dense prefix splits
    /// into more of them (1,747 → 3,512 at 30,000 pages), and every query fetches their keys in
    /// the manifest, which is why those are front-coded (`SearchManifest.frontCoded`); 128 bytes
    /// was tried too: about 1 KB less per query, 2,400 more files.
    public static let inlineTailLimit = 256
    /// Format version in the manifest, for the client to check.
    public static let formatVersion = 4

    /// Index files for the documents, under `search/` (paths without leading slash).
    /// `basePath` is "" or like "/docs": record URLs include it, and the client fetches
    /// the index files relative to it.
    /// With `digests` (each document's hash, as `documents`) and a `cache`, documents whose
    /// analysis the cache holds are not tokenized again, and the cache is left holding this
    /// build's analyses.
    public static func files(for documents: [SearchDocument], basePath: String, productNames: [String: String] = [:],
                             synonyms: [[String]] = [], digests: [ContentDigest]? = nil,
                             cache: SearchAnalysisCache? = nil) -> [OutputFile] {
        files(taking: HandOffList(documents), basePath: basePath, productNames: productNames, synonyms: synonyms,
              digests: digests, cache: cache)
    }

    /// The same, taking each document out of `documents` as the index reads it, so that a build
    /// whose list is the only holder of its documents lets each go then. Each page's record is
    /// made then too, from the document with its sections (`SearchDocument.finished()`): the
    /// sections had been 26 MB of a 10,000-page build's peak, held to the end for the records.
    static func files(taking documents: HandOffList<SearchDocument>, basePath: String, productNames: [String: String] = [:],
                      synonyms: [[String]] = [], digests: [ContentDigest]? = nil,
                      cache: SearchAnalysisCache? = nil) -> [OutputFile] {
        let (catalogue, orderedKeys) = { () -> (SearchCatalogue, [ContentDigest]?) in
            let all = documents.all()
            let catalogue = SearchCatalogue(all)
            var orderedKeys: [ContentDigest]?
            if cache != nil, let digests, digests.count == all.count { orderedKeys = catalogue.order.map { digests[$0] } }
            return (catalogue, orderedKeys)
        }()
        let recordMaker = SearchRecordWriter.Maker(pages: catalogue.order.count, basePath: basePath, keys: orderedKeys, cache: cache)
        /// The document numbered `page`, taken out of the list with its sections, and its record.
        let document = { @Sendable (page: Int) -> (SearchDocument, [UInt8]) in
            let taken = documents.take(catalogue.order[page]).finished()
            return (taken, recordMaker.record(taken, page: page))
        }
        // The index's postings are needed only to score the terms' entries: they are let go
        // once the entries are made, as each page's analysis is once its piece of the index is
        // numbered (`SearchInvertedIndex.Numbering`); the cache keeps the analyses encoded.
        let (entries, terms, sorted, records) = { () -> ([SearchTermEntries.Entry], SearchTermTable, [Int], [[UInt8]]) in
            let index: SearchInvertedIndex
            let lengths: [[Int]]
            let records: [[UInt8]]
            var reuse: EntryReuse?
            if let cache, let keys = orderedKeys {
                // A kept analysis comes with its encoded form; a new one is encoded from the
                // numbered pieces only when the cache takes it, before they are merged.
                let kept = cache.pieces.map { folder in
                    keptPieces(in: folder, keys: keys, basePath: basePath) { page in _ = documents.take(catalogue.order[page]) }
                }
                var numbering = SearchInvertedIndex.Numbering(pageCount: keys.count, kept: kept) { page -> (SearchDocumentAnalysis, (CacheBlob?, [UInt8])) in
                    // Taken even when the cache holds the analysis: the list lets it go.
                    let (taken, record) = document(page)
                    if let (analysis, blob) = cache.entry(keys[page]) { return (analysis, (blob, record)) }
                    return (SearchDocumentAnalysis(taken), (nil, record))
                }
                cache.pieces?.keepOnly()
                let extras = numbering.takeExtras()
                records = extras.map(\.1)
                do {
                    // In a scope of its own: this copy must be gone before the merge lets the
                    // pieces go one by one.
                    let numbered = numbering
                    // To its size: a cache that does not write through keeps it (a writer's buffer
                    // keeps the room it grew into, a third more on average).
                    cache.replace(keys: keys, blobs: extras.map(\.0)) { page in CacheBlob(numbered.analysis(ofPage: page).encoded().copiedToSize()) }
                }
                if let store = cache.entries {
                    reuse = EntryReuse(numbering, store: store, scoring: SearchScoring(lengths: numbering.lengths()),
                                       catalogue: catalogue, keys: keys)
                }
                (index, lengths) = numbering.merged(placing: reuse?.placing)
            } else {
                (index, lengths, records) = SearchInvertedIndex.build(pageCount: catalogue.order.count) { page in
                    let (taken, record) = document(page)
                    return (SearchDocumentAnalysis(taken), record)
                }
            }
            guard let reuse else {
                return (SearchTermEntries(index, scoring: SearchScoring(lengths: lengths), catalogue: catalogue, headLength: headLength).entries,
                        index.table, index.sorted, records)
            }
            // Scored with the setting the reuse was decided in (the pieces' lengths are the index's).
            return (reuse.entries(index, catalogue: catalogue), index.table, index.sorted, records)
        }()
        let chunks = recordMaker.chunks(records)

        var files: [OutputFile] = []
        files.reserveCapacity(chunks.files.count + entries.count / 20 + 64)

        // Shards; each frequent term's tail in a file of its own.
        let scalars = sorted.map { Array(terms.string($0).unicodeScalars) }
        let planner = SearchShardPlanner(terms: scalars, sizes: entries.map { $0.json.count + 1 }, limit: shardLimit)
        var shardKeys: [String] = []
        for shard in planner.plan() {
            let key = String(String.UnicodeScalarView(shard.key))
            shardKeys.append(key)
            // Exactly its size: every shard is held until the index is written, and room for
            // the limit in each (13 KB against 2 KB written, on average) was 47 MB at 30,000 pages.
            var json = SearchJSON(capacity: shard.range.reduce(1) { $0 + entries[$1].json.count + 1 })
            json.raw("[")
            for (i, rank) in shard.range.enumerated() {
                if i > 0 { json.comma() }
                json.bytes.append(contentsOf: entries[rank].json)
                if let tail = entries[rank].tail {
                    files.append(OutputFile(path: "search/t/\(SearchFileKey.name(terms.string(sorted[rank]))).json", bytes: tail))
                }
            }
            json.raw("]")
            files.append(OutputFile(path: "search/s/\(SearchFileKey.name(key)).json", bytes: json.bytes))
        }

        files.append(contentsOf: vocabulary(scalars, terms: terms, sorted: sorted))
        for (n, chunk) in chunks.files.enumerated() {
            files.append(OutputFile(path: "search/r/\(n).json", bytes: chunk))
        }
        files.append(OutputFile(path: "search/index.json",
                                bytes: SearchManifest.json(catalogue, shardKeys: shardKeys, chunkSize: chunks.size, productNames: productNames,
                                                          synonyms: synonyms)))
        return files
    }

    /// What a build keeps of the last build's scored entries (`SearchEntryStore`): decided
    /// from the numbered pieces, before their postings are placed, so that only the postings of
    /// the terms to score again are placed.
    struct EntryReuse {
        let store: SearchEntryStore
        let scoring: SearchScoring
        let setting: ContentDigest
        let keys: [ContentDigest]
        let previous: SearchEntryStore.Previous?
        /// For each term id, the last build's entry number it keeps, or -1.
        let kept: [Int32]

        /// Whether each term's postings are needed (it is scored again).
        var placing: [Bool] { kept.map { $0 < 0 } }

        /// With `keys`, each page's document hash by page id.
        init<Extra>(_ numbering: SearchInvertedIndex.Numbering<Extra>, store: SearchEntryStore, scoring: SearchScoring,
                    catalogue: SearchCatalogue, keys: [ContentDigest]) {
            self.store = store
            self.scoring = scoring
            self.keys = keys
            setting = store.setting(scoring: scoring, catalogue: catalogue, headLength: headLength)
            previous = store.previous(setting: setting, pages: keys)
            guard let previous else {
                kept = [Int32](repeating: -1, count: numbering.termCount)
                return
            }
            // A term on a changed page is scored again; any other keeps its entry if it is in as
            // many pages as before (see `SearchEntryStore`).
            let touched = numbering.terms(onPages: previous.changed.indices.filter { previous.changed[$0] })
            kept = (0..<numbering.termCount).map { t in
                guard !touched[t], let id = previous.id(ofTerm: numbering.termBytes(t), documentFrequency: numbering.documentFrequency(t))
                else { return -1 }
                return Int32(id)
            }
        }

        /// Every term's entry, in `index.sorted` order: kept or scored; the store is left
        /// holding them.
        func entries(_ index: SearchInvertedIndex, catalogue: SearchCatalogue) -> [SearchTermEntries.Entry] {
            var keep: (@Sendable (Int) -> SearchTermEntries.Entry?)?
            if let previous {
                let kept = self.kept
                keep = { t in kept[t] < 0 ? nil : previous.entry(at: Int(kept[t])) }
            }
            let made = SearchTermEntries(index, scoring: scoring, catalogue: catalogue, headLength: headLength, kept: keep)
            let sorted = index.sorted
            store.write(setting: setting, pages: keys, terms: { rank in (index.table.bytes(sorted[rank]), index.documentFrequency(sorted[rank])) },
                        entries: made.entries, kept: made.keptCount)
            return made.entries
        }
    }

    /// Numbered pieces taken from and kept in `folder`, each under the hash of its pages'
    /// documents (`keys`, by page id). A piece taken from the folder comes with its pages'
    /// records but not their analyses' encoded forms (the analysis cache has them, or encodes
    /// them from the piece); its pages' documents are still taken out of the list (`skip`),
    /// which lets them go.
    static func keptPieces(in folder: SearchPieceFolder, keys: [ContentDigest], basePath: String,
                           skip: @escaping @Sendable (Int) -> Void)
        -> SearchInvertedIndex.KeptPieces<(CacheBlob?, [UInt8])> {
        let pageCount = keys.count
        let key = { @Sendable (pages: Range<Int>) in
            folder.key(pages: pages, documents: keys[pages], pageCount: pageCount, basePath: basePath)
        }
        return SearchInvertedIndex.KeptPieces(
            take: { _, pages in
                guard let bytes = folder.read(key(pages)),
                      let piece = SearchInvertedIndex.Piece<(CacheBlob?, [UInt8])>(decoding: bytes, pages: pages, extra: { (nil, Array($0)) })
                else { return nil }
                for page in pages { skip(page) }
                return piece
            },
            keep: { _, piece in folder.write(key(piece.pages), piece.encoded { $0.1 }) })
    }

    /// Vocabulary files for typo candidates, each the words (terms of letters only) of two given
    /// characters at two given places: `search/v/<ab>.json` the words that begin `ab`,
    /// `search/u/<ac>.json` those whose first and third characters are `a` and `c` (a slip in
    /// the second letter keeps them), `search/w/<bc>.json` those whose second and third are `bc`
    /// (a slip in the first). Keyed by one character, these files were the largest a typo query
    /// fetched (16 KB gzipped at 30,000 pages); by two, a few hundred bytes. Identifiers get no
    /// typo matching; a typo is looked for in words of four letters or more, and a candidate is
    /// at most two edits away, so words of one character (and of two, for `u/` and `w/`) are
    /// in none.
    static func vocabulary(_ scalars: [[Unicode.Scalar]], terms: SearchTermTable, sorted: [Int]) -> [OutputFile] {
        func isWord(_ term: [Unicode.Scalar]) -> Bool {
            term.allSatisfy { !$0.isASCII || ($0.value >= 0x61 && $0.value <= 0x7A) }
        }
        func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> String {
            var view = String.UnicodeScalarView()
            view.append(a)
            view.append(b)
            return String(view)
        }
        var first: [String: [Int]] = [:]
        var skip: [String: [Int]] = [:]
        var second: [String: [Int]] = [:]
        for (rank, term) in scalars.enumerated() where term.count > 1 && isWord(term) {
            first[key(term[0], term[1]), default: []].append(rank)
            if term.count > 2 {
                skip[key(term[0], term[2]), default: []].append(rank)
                second[key(term[1], term[2]), default: []].append(rank)
            }
        }
        var files: [OutputFile] = []
        for (folder, groups) in [("v", first), ("u", skip), ("w", second)] {
            for key in groups.keys.sorted(by: ByteOrder.precedes) {
                let ranks = groups[key]!
                var json = SearchJSON(capacity: ranks.count * 10)
                json.raw("[")
                for (i, rank) in ranks.enumerated() {
                    if i > 0 { json.comma() }
                    json.string(terms.bytes(sorted[rank]))
                }
                json.raw("]")
                files.append(OutputFile(path: "search/\(folder)/\(SearchFileKey.name(key)).json", bytes: json.bytes))
            }
        }
        return files
    }
}
