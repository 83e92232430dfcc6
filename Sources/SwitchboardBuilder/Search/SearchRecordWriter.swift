import SwitchboardModel
/// The per-page records the client fetches only for results it shows: where to link and
/// what to show. A record is `[url, title, summary, [section, …], [[sentence, …], …]]`: the
/// sentences kept of the page and of each linkable section (`excerptTexts`) are where the
/// client finds the excerpt, the sentence that holds the query words; the summary (or,
/// without one, the start of the text) is the fallback. A result whose best section has an
/// anchor links to it and shows its heading. A section is
/// `0` (no anchor: the text before the first heading), the heading alone when its anchor is
/// the heading's plain slug (`"Before you call"` for `before-you-call`, nearly always), or
/// `[anchor, heading]`. Leaving out anchors the client can derive saves a fifth of the
/// records' size.
///
/// Section text is what makes records large (at 10,000 pages, 90 characters per section
/// were 1.4 MB gzipped), so how much is kept shrinks as the site grows (`excerptBudget`).
///
/// Records are grouped into chunk files of consecutive page ids (`search/r/<n>.json`,
/// page `id` in chunk `id / chunkSize`): ten thousand pages make about a thousand files
/// rather than ten thousand, and neighbours (same type and products) compress well
/// together. The chunk size is chosen from the records' mean size so that a chunk stays
/// under `chunkBytes`: a page of ten results fetches up to ten chunks, and that bounds a
/// cold query's cost.
enum SearchRecordWriter {
    /// Characters of the summary kept; on a site too large to keep excerpt sentences, where
    /// the summary is the excerpt of every result and a third of the index, a line of it.
    static let summaryLength = 160
    static let shortSummaryLength = 100
    /// Sections beyond this are not linked (their postings point at the page).
    static let maximumSections = 8
    /// Target raw size of a chunk file (under 1 KB gzipped): a page of ten results fetches
    /// up to ten chunks.
    static let chunkBytes = 2_000

    /// Records of `documents` (in page id order), as chunk files' contents, and the chunk size.
    /// With `keys` (each document's hash, as `documents`) and a `cache`, a record made before
    /// for the same document, base path and excerpt budget is taken from the cache.
    static func chunks(_ documents: [SearchDocument], basePath: String, keys: [ContentDigest]? = nil,
                       cache: SearchAnalysisCache? = nil) -> (size: Int, files: [[UInt8]]) {
        let maker = Maker(pages: documents.count, basePath: basePath, keys: keys, cache: cache)
        return maker.chunks(Array(documents.indices).parallelMap { maker.record(documents[$0], page: $0) })
    }

    /// Makes the records of one build's pages one at a time, as the index reads each page's
    /// document (`SearchIndexWriter`), so no document is held for its record; then chunks them.
    struct Maker: Sendable {
        let basePath: String
        let budget: Int
        let cache: SearchAnalysisCache?
        /// Each page's record key: its document's hash, the base path and the budget.
        let keys: [ContentDigest]?

        /// For `pages` pages, numbered as `keys` (each document's hash) when given.
        init(pages: Int, basePath: String, keys: [ContentDigest]?, cache: SearchAnalysisCache?) {
            self.basePath = basePath
            let budget = SearchRecordWriter.excerptBudget(pages: pages)
            self.budget = budget
            if let keys, let cache, keys.count == pages {
                self.cache = cache
                // The record also reads the base path and the budget (which follows the page count).
                self.keys = keys.map { key in
                    var hasher = ContentHasher()
                    hasher.add(key)
                    hasher.add(basePath)
                    hasher.add(budget)
                    return hasher.finish()
                }
            } else {
                self.cache = nil
                self.keys = nil
            }
        }

        /// Page `page`'s record, from the cache or made from its document.
        func record(_ document: SearchDocument, page: Int) -> [UInt8] {
            if let keys, let kept = cache?.record(keys[page]) { return kept }
            // To its size: every page's record is held until the records are chunked.
            return SearchRecordWriter.record(document, basePath: basePath, excerptBudget: budget).copiedToSize()
        }

        /// The records (in page id order) as chunk files' contents, and the chunk size; the
        /// cache keeps them.
        func chunks(_ records: [[UInt8]]) -> (size: Int, files: [[UInt8]]) {
            if let keys, let cache {
                cache.replaceRecords(with: Dictionary(zip(keys, records), uniquingKeysWith: { first, _ in first }))
            }
            return SearchRecordWriter.chunks(records)
        }
    }

    /// Records (in page id order) grouped into chunk files of a size that keeps a chunk under
    /// `chunkBytes`, and that size.
    static func chunks(_ records: [[UInt8]]) -> (size: Int, files: [[UInt8]]) {
        let total = records.reduce(0) { $0 + $1.count + 1 }
        let mean = max(1, total / max(1, records.count))
        var size = 1
        while size < 128, (size * 2) * mean <= chunkBytes { size *= 2 }
        var files: [[UInt8]] = []
        var start = 0
        while start < records.count {
            let end = min(records.count, start + size)
            // Exactly its size, as shards are (`SearchIndexWriter`): room for 3 KB in each chunk
            // was 23 MB at 30,000 pages.
            var json = SearchJSON(capacity: records[start..<end].reduce(1) { $0 + $1.count + 1 })
            json.raw("[")
            for i in start..<end {
                if i > start { json.comma() }
                json.bytes.append(contentsOf: records[i])
            }
            json.raw("]")
            files.append(json.bytes)
            start = end
        }
        return (size, files)
    }

    /// How many of the page's first sections the record lists: up to the last one with an
    /// anchor, at most `maximumSections`, none for a URL with a fragment (an FAQ answer),
    /// which already points at its text.
    static func linkable(_ document: SearchDocument) -> Int {
        if document.url.utf8.contains(UInt8(ascii: "#")) { return 0 }
        let listed = document.sections.prefix(maximumSections)
        return (listed.lastIndex { $0.anchor != nil } ?? -1) + 1
    }

    /// Characters of sentences a record keeps for excerpts: the whole index keeps at most
    /// `excerptCharacters`, shared between the pages, at most `maximumExcerpt` a page; when
    /// a page's share would be under `minimumExcerpt`, too little for a sentence around the
    /// match, records keep none and the client falls back to the summary. So a site of up
    /// to about 6,000 pages (the bundled content keeps nearly all its text) shows the
    /// sentence that holds the query words, and a larger one keeps its index within budget.
    static let excerptCharacters = 1_200_000
    static let minimumExcerpt = 200
    static let maximumExcerpt = 6_000

    static func excerptBudget(pages: Int) -> Int {
        let share = min(maximumExcerpt, excerptCharacters / max(1, pages))
        return share < minimumExcerpt ? 0 : share
    }

    /// The sentences kept of each part of the page a posting can point at: index 0 the page
    /// as a whole (its first section's text), then each linkable section. Each part gets an
    /// equal share of the budget (at least 80 characters); a part keeps whole sentences
    /// while they fit, and at least its first, cut at a word. Nothing when the budget is 0.
    static func excerptTexts(_ document: SearchDocument, linkable: Int, budget: Int) -> [[String]] {
        guard budget > 0 else { return [] }
        var parts = [document.sections.first?.text ?? ""]
        for section in document.sections.prefix(linkable) { parts.append(section.text) }
        let share = max(80, budget / parts.count)
        return parts.map { text in
            var kept: [String] = []
            var used = 0
            // Sentences are read only as far as the share reaches: a long page costs no more.
            forEachSentence(text) { sentence in
                let length = sentence.unicodeScalars.count
                if kept.isEmpty, length > share {
                    kept.append(collapse(sentence, limit: share))
                    return false
                }
                if used + length > share { return false }
                kept.append(sentence)
                used += length + 1
                return true
            }
            return kept
        }
    }

    /// The sentences of a text, whitespace collapsed: a sentence ends at `.`, `!` or `?`
    /// followed by white space, or at a line break.
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        forEachSentence(text) { out.append($0); return true }
        return out
    }

    /// Hands each sentence of `text` (as `sentences` splits it) to `body`, in order, until
    /// `body` returns false. Reads UTF-8 bytes; only a non-ASCII character after a full stop
    /// is decoded, to ask whether it is white space.
    static func forEachSentence(_ text: String, _ body: (String) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0, index = 0
            var previous: UInt8 = 0x20 // the previous character if ASCII, else 0
            func emit(upTo end: Int) -> Bool {
                let sentence = collapse(UnsafeBufferPointer(rebasing: bytes[start..<end]), limit: 100_000)
                return sentence.isEmpty || body(String(decoding: sentence, as: UTF8.self))
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    guard emit(upTo: index) else { return }
                    index += 1
                    start = index
                    previous = 0x20
                    continue
                }
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if previous == UInt8(ascii: ".") || previous == UInt8(ascii: "!") || previous == UInt8(ascii: "?"),
                   isWhitespace(UnsafeBufferPointer(rebasing: bytes[index..<min(bytes.count, index + length)])) {
                    guard emit(upTo: index) else { return }
                    index += length
                    start = index
                    previous = 0x20
                    continue
                }
                previous = length == 1 ? byte : 0
                index += length
            }
            _ = emit(upTo: bytes.count)
        }
    }

    /// Whether one character's UTF-8 bytes are white space (Unicode's White_Space).
    static func isWhitespace(_ character: UnsafeBufferPointer<UInt8>) -> Bool {
        if character.count == 1 { return character[0] == 0x20 || (character[0] >= 0x09 && character[0] <= 0x0D) }
        return String(decoding: character, as: UTF8.self).unicodeScalars.first?.properties.isWhitespace ?? false
    }

    static func record(_ document: SearchDocument, basePath: String, excerptBudget: Int = maximumExcerpt) -> [UInt8] {
        var json = SearchJSON(capacity: 512)
        json.raw("[")
        json.string(basePath + document.url)
        json.comma()
        json.string(document.title)
        json.comma()
        let summary = document.summary.utf8.contains { $0 > 0x20 } ? document.summary : document.sections.first?.text ?? ""
        json.string(collapse(summary.utf8, limit: excerptBudget > 0 ? summaryLength : shortSummaryLength))
        json.raw(",[")
        for (index, section) in document.sections.prefix(linkable(document)).enumerated() {
            if index > 0 { json.comma() }
            guard let anchor = section.anchor else { json.raw("0"); continue }
            let heading = section.heading ?? ""
            if let slug = plainSlug(heading), slug.elementsEqual(anchor.utf8) {
                json.string(heading)
            } else {
                json.raw("[")
                json.string(anchor)
                json.comma()
                json.string(heading)
                json.raw("]")
            }
        }
        json.raw("]")
        let excerpts = excerptTexts(document, linkable: linkable(document), budget: excerptBudget)
        if !excerpts.isEmpty {
            json.raw(",[")
            for (index, part) in excerpts.enumerated() {
                if index > 0 { json.comma() }
                json.stringArray(part)
            }
            json.raw("]")
        }
        json.raw("]")
        return json.bytes
    }

    /// The heading id the renderer gives an ASCII heading on first use (`HeadingSlugger`):
    /// lowercase, spaces to hyphens, only letters, digits, `-` and `_` kept. `search-core.js`
    /// repeats it. Nil for other text, whose case mapping and letter classes the two sides
    /// might not agree on: such sections keep their anchor.
    static func plainSlug(_ heading: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(heading.utf8.count)
        for byte in heading.utf8 {
            switch byte {
            case 0x80...: return nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"): out.append(byte)
            case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return out.isEmpty ? Array("section".utf8) : out
    }

    /// Whitespace collapsed to single spaces, cut at a word boundary after at most `limit` characters.
    static func collapse(_ text: String, limit: Int) -> String {
        String(decoding: collapse(text.utf8, limit: limit), as: UTF8.self)
    }

    /// The same on UTF-8 bytes, counting characters as Unicode scalars. Stops reading at
    /// the limit, so a long text costs no more than a short one.
    static func collapse<C: Collection>(_ text: C, limit: Int) -> [UInt8] where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, text.count) + 8)
        var count = 0
        var pendingSpace = false
        var lastSpaceAt: Int?
        var previous: UInt8 = 0
        for byte in text {
            defer { previous = byte }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !out.isEmpty
                continue
            }
            if byte == 0xA0, previous == 0xC2 {
                // A no-break space: its first byte was already written; take it back.
                out.removeLast()
                count -= 1
                pendingSpace = !out.isEmpty
                continue
            }
            // Continuation bytes belong to the character already counted.
            if byte & 0xC0 == 0x80 { out.append(byte); continue }
            if pendingSpace {
                if count + 1 > limit { out.append(contentsOf: ellipsis); return out }
                lastSpaceAt = out.count
                out.append(0x20)
                count += 1
                pendingSpace = false
            }
            if count + 1 > limit {
                if let lastSpaceAt { out.removeSubrange(lastSpaceAt...) }
                out.append(contentsOf: ellipsis)
                return out
            }
            out.append(byte)
            count += 1
        }
        return out
    }

    private static let ellipsis: [UInt8] = Array("…".utf8)
}
