import SwitchboardModel

/// Writes the static search index that `templates/assets/search-core.js` queries in the
/// browser. The design and file formats are in `docs/search.md`; in short:
///
/// - `search/index.json`: the manifest: page count, facet names, the facets of each run of
///   page ids, and the list of shard keys.
/// - `search/s/<prefix>.json`: shards of the vocabulary by term prefix; each term with its
///   page count and its best postings (page id, quantised BM25F score, best section).
/// - `search/t/<term>.json`: for a term in more pages than a shard keeps, the other postings.
/// - `search/v/<letter>.json`: every term starting with a letter, for typo tolerance.
/// - `search/r/<id>.json`: one page's record, fetched only when the page is shown.
public enum SearchIndexWriter {
    /// Postings kept in the shard for each term; a term in more pages gets the rest in
    /// `search/t/`. Enough for the first pages of results for one word.
    public static let headLength = 40
    /// A shard is split by a longer prefix when its JSON would exceed this many bytes.
    public static let shardLimit = 24_000
    /// Format version in the manifest, for the client to check.
    public static let formatVersion = 1

    /// Index files for the documents, under `search/` (paths without leading slash).
    /// `basePath` is "" or like "/docs": record URLs include it, and the client fetches
    /// the index files relative to it.
    public static func files(for documents: [SearchDocument], basePath: String) -> [OutputFile] {
        let catalogue = SearchCatalogue(documents)
        let docs = catalogue.order.map { documents[$0] }
        let analyses = docs.parallelMap { SearchDocumentAnalysis($0) }
        let inverted = SearchInvertedIndex(analyses)
        let scoring = SearchScoring(lengths: analyses.map(\.lengths))
        let lengths = analyses.map(\.lengths)

        // Score every posting, in parallel over terms.
        let termCount = inverted.terms.count
        let scored: [[(doc: Int, score: Double, section: Int)]] = Array(0..<termCount).parallelMap { t in
            let postings = inverted.postings[t]
            return postings.map { posting in
                let score = scoring.score(posting.counts, lengths: lengths[posting.doc], documentFrequency: postings.count)
                return (posting.doc, score, posting.counts.section)
            }
        }
        let maximum = scored.lazy.flatMap { $0 }.reduce(0.0) { max($0, $1.score) }

        // Shard entries, tails and facet counts per term, in parallel.
        let facetWidth = catalogue.types.count + catalogue.products.count
        let entries: [(entry: [UInt8], tail: [UInt8]?)] = Array(0..<termCount).parallelMap { t in
            let postings = scored[t].map { (doc: $0.doc, q: SearchQuantiser.quantise($0.score, maximum: maximum), section: $0.section) }
            var entry = SearchJSON(capacity: 64 + postings.count * 6)
            entry.raw("[")
            entry.string(inverted.terms[t])
            entry.comma()
            entry.int(postings.count)
            entry.comma()
            var tail: [UInt8]?
            if postings.count <= headLength {
                Self.writePostings(postings, to: &entry)
            } else {
                // The best postings by score, listed by page id like every posting list.
                let best = postings.indices.sorted {
                    postings[$0].q != postings[$1].q ? postings[$0].q > postings[$1].q : postings[$0].doc < postings[$1].doc
                }.prefix(headLength).sorted()
                Self.writePostings(best.map { postings[$0] }, to: &entry)
                var counts = [Int](repeating: 0, count: facetWidth)
                for posting in postings {
                    counts[catalogue.typeIndex[posting.doc]] += 1
                    for product in catalogue.productIndices[posting.doc] { counts[catalogue.types.count + product] += 1 }
                }
                entry.comma()
                entry.intArray(counts)
                // The rest, without sections: the full lists are only needed to intersect
                // several words or to filter, and a page found that way links to its top.
                let inHead = Set(best)
                var rest = SearchJSON(capacity: postings.count * 5)
                rest.raw("[")
                var previous = 0, first = true
                for (i, posting) in postings.enumerated() where !inHead.contains(i) {
                    if !first { rest.comma() }
                    first = false
                    rest.int(posting.doc - previous)
                    rest.comma()
                    rest.int(posting.q)
                    previous = posting.doc
                }
                rest.raw("]")
                tail = rest.bytes
            }
            entry.raw("]")
            return (entry.bytes, tail)
        }

        var files: [OutputFile] = []
        files.reserveCapacity(docs.count + termCount / 4 + 64)

        // Shards.
        let scalars = inverted.terms.map { Array($0.unicodeScalars) }
        let planner = SearchShardPlanner(terms: scalars, sizes: entries.map { $0.entry.count + 1 }, limit: shardLimit)
        let shards = planner.plan()
        var shardKeys: [String] = []
        for shard in shards {
            let key = String(String.UnicodeScalarView(shard.key))
            shardKeys.append(key)
            var json = SearchJSON(capacity: 4096)
            json.raw("[")
            for (i, t) in shard.range.enumerated() {
                if i > 0 { json.comma() }
                json.bytes.append(contentsOf: entries[t].entry)
            }
            json.raw("]")
            files.append(OutputFile(path: "search/s/\(SearchFileKey.name(key)).json", bytes: json.bytes))
        }
        for t in 0..<termCount {
            if let tail = entries[t].tail {
                files.append(OutputFile(path: "search/t/\(SearchFileKey.name(inverted.terms[t])).json", bytes: tail))
            }
        }

        // Vocabulary by first character, for typo candidates.
        var start = 0
        while start < termCount {
            let first = scalars[start][0]
            var end = start + 1
            while end < termCount, scalars[end][0] == first { end += 1 }
            var json = SearchJSON(capacity: (end - start) * 10)
            json.stringArray(Array(inverted.terms[start..<end]))
            files.append(OutputFile(path: "search/v/\(SearchFileKey.name(String(first))).json", bytes: json.bytes))
            start = end
        }

        // Records, one per page.
        let records = docs.parallelMap { SearchRecordWriter.record($0, basePath: basePath) }
        for (id, record) in records.enumerated() {
            files.append(OutputFile(path: "search/r/\(id).json", bytes: record))
        }

        files.append(OutputFile(path: "search/index.json", bytes: manifest(catalogue, shardKeys: shardKeys)))
        return files
    }

    /// Postings as a flat array of (page id gap, score, section) triples, ascending by page:
    /// the gaps are small numbers, which gzip packs well.
    static func writePostings(_ postings: [(doc: Int, q: Int, section: Int)], to json: inout SearchJSON) {
        json.raw("[")
        var previous = 0
        for (i, posting) in postings.enumerated() {
            if i > 0 { json.comma() }
            json.int(posting.doc - previous)
            json.comma()
            json.int(posting.q)
            json.comma()
            json.int(posting.section)
            previous = posting.doc
        }
        json.raw("]")
    }

    static func manifest(_ catalogue: SearchCatalogue, shardKeys: [String]) -> [UInt8] {
        var json = SearchJSON(capacity: 4096 + shardKeys.count * 6)
        json.raw("{\"version\":")
        json.int(formatVersion)
        json.raw(",\"pages\":")
        json.int(catalogue.order.count)
        json.raw(",\"head\":")
        json.int(headLength)
        json.raw(",\"levels\":")
        json.int(SearchQuantiser.levels)
        json.raw(",\"stepsPerOctave\":")
        json.int(Int(SearchQuantiser.stepsPerOctave))
        json.raw(",\"types\":")
        json.stringArray(catalogue.types)
        json.raw(",\"products\":")
        json.stringArray(catalogue.products)
        json.raw(",\"runs\":[")
        for (i, run) in catalogue.runs.enumerated() {
            if i > 0 { json.comma() }
            json.raw("[")
            json.int(run.start)
            json.comma()
            json.int(run.type)
            json.comma()
            json.intArray(run.products)
            json.raw("]")
        }
        json.raw("],\"shards\":")
        json.stringArray(shardKeys)
        json.raw("}")
        return json.bytes
    }
}
