/// `search/index.json`, the file the client fetches first: format and scale constants, facet
/// names, the facets of each run of page ids, the record chunk size, the synonym groups and
/// the shard keys (front-coded, `frontCoded`).
enum SearchManifest {
    static func json(_ catalogue: SearchCatalogue, shardKeys: [String], chunkSize: Int, productNames: [String: String] = [:],
                     synonyms: [[String]] = []) -> [UInt8] {
        var json = SearchJSON(capacity: 4096 + shardKeys.count * 8)
        json.raw("{\"version\":")
        json.int(SearchIndexWriter.formatVersion)
        json.raw(",\"pages\":")
        json.int(catalogue.order.count)
        json.raw(",\"head\":")
        json.int(SearchIndexWriter.headLength)
        json.raw(",\"levels\":")
        json.int(SearchQuantiser.headLevels)
        json.raw(",\"stepsPerOctave\":")
        json.int(Int(SearchQuantiser.headStepsPerOctave))
        json.raw(",\"tailLevels\":")
        json.int(SearchQuantiser.tailLevels)
        json.raw(",\"tailStepsPerOctave\":")
        json.int(Int(SearchQuantiser.tailStepsPerOctave))
        json.raw(",\"chunk\":")
        json.int(chunkSize)
        json.raw(",\"types\":")
        json.stringArray(catalogue.types)
        json.raw(",\"products\":")
        json.stringArray(catalogue.products)
        // Labels for the product filter, in the order of `products`.
        json.raw(",\"productNames\":")
        json.stringArray(catalogue.products.map { productNames[$0] ?? $0 })
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
        // content/search/synonyms.yml, as written: the client expands queries with them.
        json.raw("],\"synonyms\":[")
        for (i, group) in synonyms.enumerated() {
            if i > 0 { json.comma() }
            json.stringArray(group)
        }
        json.raw("],\"shards\":")
        json.string(frontCoded(shardKeys).utf8)
        json.raw("}")
        return json.bytes
    }

    /// The sorted shard keys as one string, each key written as the number of leading
    /// characters it shares with the key before it (one digit of `SearchPostingCode`) and the
    /// rest, keys separated by spaces, which no term holds. At 30,000 pages the keys as a JSON
    /// array were 4.4 KB gzipped, and every cold query fetches them; front-coded, 1.1 KB.
    /// Characters are counted as Unicode scalars, as the client counts code points.
    static func frontCoded(_ keys: [String]) -> String {
        var out = String.UnicodeScalarView()
        var previous: [Unicode.Scalar] = []
        for (index, key) in keys.enumerated() {
            let scalars = Array(key.unicodeScalars)
            var shared = 0
            while shared < min(previous.count, scalars.count, 63), previous[shared] == scalars[shared] { shared += 1 }
            if index > 0 { out.append(" ") }
            out.append(Unicode.Scalar(SearchPostingCode.alphabet[shared]))
            out.append(contentsOf: scalars[shared...])
            previous = scalars
        }
        return String(out)
    }
}
