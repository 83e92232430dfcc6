/// The per-page records the client fetches only for results it shows: where to link, what
/// to show, and for each section its anchor, heading and the start of its text, from which
/// the client cuts a highlighted excerpt. A record is
/// `[url, title, summary, [[anchor, heading, text], …]]`.
///
/// Records are grouped into chunk files of consecutive page ids (`search/r/<n>.json`,
/// page `id` in chunk `id / chunkSize`): ten thousand pages make a few hundred files rather
/// than ten thousand, and neighbours (same type and products) compress well together. The
/// chunk size is chosen from the records' mean size so that a chunk stays near
/// `chunkBytes`: a page of ten results fetches up to ten chunks, and that bounds a cold
/// query's cost.
enum SearchRecordWriter {
    /// Characters of each section's text kept for excerpts.
    static let snippetLength = 90
    /// Characters of the summary kept.
    static let summaryLength = 160
    /// Sections beyond this are left out of the record (their postings point at the page).
    static let maximumSections = 8
    /// Target raw size of a chunk file.
    static let chunkBytes = 8_000

    /// Records of `documents` (in page id order), as chunk files' contents, and the chunk size.
    static func chunks(_ documents: [SearchDocument], basePath: String) -> (size: Int, files: [[UInt8]]) {
        let records = documents.parallelMap { record($0, basePath: basePath) }
        let total = records.reduce(0) { $0 + $1.count + 1 }
        let mean = max(1, total / max(1, records.count))
        var size = 4
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

    static func record(_ document: SearchDocument, basePath: String) -> [UInt8] {
        var json = SearchJSON(capacity: 1024)
        json.raw("[")
        json.string(basePath + document.url)
        json.comma()
        json.string(document.title)
        json.comma()
        json.string(collapse(document.summary.utf8, limit: summaryLength))
        json.raw(",[")
        // A URL with a fragment (an FAQ answer) already points at its text.
        let linkSections = !document.url.utf8.contains(UInt8(ascii: "#"))
        for (index, section) in document.sections.prefix(maximumSections).enumerated() {
            if index > 0 { json.comma() }
            json.raw("[")
            json.string(linkSections ? section.anchor ?? "" : "")
            json.comma()
            json.string(section.heading ?? "")
            json.comma()
            json.string(collapse(section.text.utf8, limit: snippetLength))
            json.raw("]")
        }
        json.raw("]]")
        return json.bytes
    }

    /// Whitespace collapsed to single spaces, cut at a word boundary after at most `limit` characters.
    static func collapse(_ text: String, limit: Int) -> String {
        String(decoding: collapse(text.utf8, limit: limit), as: UTF8.self)
    }

    /// The same on UTF-8 bytes, counting characters as Unicode scalars. Stops reading at
    /// the limit, so a long section costs no more than a short one.
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
