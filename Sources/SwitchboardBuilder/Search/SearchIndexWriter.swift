import SwitchboardModel

/// Writes the static search index that `templates/assets/search-core.js` queries in the
/// browser. The design and file formats are in `docs/search.md`; in short:
///
/// - `search/index.json`: the manifest: page count, scales, facet names, the facets of each
///   run of page ids, the record chunk size and the list of shard keys.
/// - `search/s/<prefix>.json`: shards of the vocabulary by term prefix; each term with its
///   page count, best score and best postings (page id, score level, best section).
/// - `search/t/<prefix>.json`: for the shard's terms in more pages than it lists, the other
///   postings, one file per shard.
/// - `search/v/<letter>.json`: every term starting with a letter, for typo tolerance.
/// - `search/r/<n>.json`: the records (link, title, summary, sections) of a chunk of pages,
///   fetched only for results shown.
public enum SearchIndexWriter {
    /// Postings kept in the shard for each term; a term in more pages gets the rest in
    /// `search/t/`. Enough for the first pages of results for one word.
    public static let headLength = 40
    /// A shard is split by a longer prefix when its JSON would exceed this many bytes.
    public static let shardLimit = 24_000
    /// Format version in the manifest, for the client to check.
    public static let formatVersion = 2

    /// Index files for the documents, under `search/` (paths without leading slash).
    /// `basePath` is "" or like "/docs": record URLs include it, and the client fetches
    /// the index files relative to it.
    public static func files(for documents: [SearchDocument], basePath: String, productNames: [String: String] = [:]) -> [OutputFile] {
        let catalogue = SearchCatalogue(documents)
        let docs = catalogue.order.map { documents[$0] }
        let analyses = docs.parallelMap { SearchDocumentAnalysis($0) }
        let lengths = analyses.map(\.lengths)
        let index = SearchInvertedIndex(analyses)
        let entries = SearchTermEntries(index, scoring: SearchScoring(lengths: lengths),
                                        catalogue: catalogue, headLength: headLength).entries
        let records = SearchRecordWriter.chunks(docs, basePath: basePath)

        var files: [OutputFile] = []
        files.reserveCapacity(records.files.count + entries.count / 20 + 64)

        // Shards, and beside each the tails of its frequent terms.
        let scalars = index.sorted.map { Array(index.table.string($0).unicodeScalars) }
        let planner = SearchShardPlanner(terms: scalars, sizes: entries.map { $0.json.count + 1 }, limit: shardLimit)
        var shardKeys: [String] = []
        for shard in planner.plan() {
            let key = String(String.UnicodeScalarView(shard.key))
            let name = SearchFileKey.name(key)
            shardKeys.append(key)
            var json = SearchJSON(capacity: shardLimit + 1024)
            var tails = SearchJSON(capacity: 0)
            json.raw("[")
            for (i, rank) in shard.range.enumerated() {
                if i > 0 { json.comma() }
                json.bytes.append(contentsOf: entries[rank].json)
                if let tail = entries[rank].tail {
                    tails.raw(tails.bytes.isEmpty ? "{" : ",")
                    tails.string(index.table.bytes(index.sorted[rank]))
                    tails.raw(":")
                    tails.bytes.append(contentsOf: tail)
                }
            }
            json.raw("]")
            files.append(OutputFile(path: "search/s/\(name).json", bytes: json.bytes))
            if !tails.bytes.isEmpty {
                tails.raw("}")
                files.append(OutputFile(path: "search/t/\(name).json", bytes: tails.bytes))
            }
        }

        // Vocabulary by first character, for typo candidates.
        var start = 0
        while start < scalars.count {
            let first = scalars[start][0]
            var end = start + 1
            while end < scalars.count, scalars[end][0] == first { end += 1 }
            var json = SearchJSON(capacity: (end - start) * 10)
            json.raw("[")
            for rank in start..<end {
                if rank > start { json.comma() }
                json.string(index.table.bytes(index.sorted[rank]))
            }
            json.raw("]")
            files.append(OutputFile(path: "search/v/\(SearchFileKey.name(String(first))).json", bytes: json.bytes))
            start = end
        }

        for (n, chunk) in records.files.enumerated() {
            files.append(OutputFile(path: "search/r/\(n).json", bytes: chunk))
        }
        files.append(OutputFile(path: "search/index.json",
                                bytes: SearchManifest.json(catalogue, shardKeys: shardKeys, chunkSize: records.size, productNames: productNames)))
        return files
    }
}
