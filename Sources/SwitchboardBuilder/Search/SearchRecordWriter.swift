/// The per-page records the client fetches only for results it shows: where to link and
/// what to show. A record is `[url, title, summary, [section, …]]`: the summary
/// (or, without one, the start of the text) is the excerpt the client highlights, and a
/// result whose best section has an anchor links to it and shows its heading. A section is
/// `0` (no anchor: the text before the first heading), the heading alone when its anchor is
/// the heading's plain slug (`"Before you call"` for `before-you-call`, nearly always), or
/// `[anchor, heading]`. Leaving out anchors the client can derive saves a fifth of the
/// records' size.
///
/// Records hold no section text: at 10,000 pages, 90 characters per section were 1.4 MB of
/// the index's 7.6 MB gzipped, for excerpts that rarely contained the word searched for
/// (a section's text starts where it starts, not where the word is).
///
/// Records are grouped into chunk files of consecutive page ids (`search/r/<n>.json`,
/// page `id` in chunk `id / chunkSize`): ten thousand pages make about a thousand files
/// rather than ten thousand, and neighbours (same type and products) compress well
/// together. The chunk size is chosen from the records' mean size so that a chunk stays
/// under `chunkBytes`: a page of ten results fetches up to ten chunks, and that bounds a
/// cold query's cost.
enum SearchRecordWriter {
    /// Characters of the summary kept.
    static let summaryLength = 160
    /// Sections beyond this are not linked (their postings point at the page).
    static let maximumSections = 8
    /// Target raw size of a chunk file (about 1.5 KB gzipped).
    static let chunkBytes = 4_000

    /// Records of `documents` (in page id order), as chunk files' contents, and the chunk size.
    static func chunks(_ documents: [SearchDocument], basePath: String) -> (size: Int, files: [[UInt8]]) {
        let records = documents.parallelMap { record($0, basePath: basePath) }
        let total = records.reduce(0) { $0 + $1.count + 1 }
        let mean = max(1, total / max(1, records.count))
        var size = 1
        while size < 128, (size * 2) * mean <= chunkBytes { size *= 2 }
        var files: [[UInt8]] = []
        var start = 0
        while start < records.count {
            let end = min(records.count, start + size)
            var json = SearchJSON(capacity: chunkBytes + chunkBytes / 2)
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

    static func record(_ document: SearchDocument, basePath: String) -> [UInt8] {
        var json = SearchJSON(capacity: 512)
        json.raw("[")
        json.string(basePath + document.url)
        json.comma()
        json.string(document.title)
        json.comma()
        let summary = document.summary.utf8.contains { $0 > 0x20 } ? document.summary : document.sections.first?.text ?? ""
        json.string(collapse(summary.utf8, limit: summaryLength))
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
        json.raw("]]")
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
        out.reserveCapacity(limit + 8)
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
