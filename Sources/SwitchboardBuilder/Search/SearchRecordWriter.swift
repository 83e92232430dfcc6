/// The per-page record the client fetches only for results it shows: where to link, what
/// to show, and for each section its anchor, heading and the start of its text, from which
/// the client cuts a highlighted excerpt.
enum SearchRecordWriter {
    /// Characters of each section's text kept for excerpts.
    static let snippetLength = 110
    /// Sections beyond this are left out of the record (their postings point at the page).
    static let maximumSections = 16

    static func record(_ document: SearchDocument, basePath: String) -> [UInt8] {
        var json = SearchJSON(capacity: 1024)
        json.raw("{\"u\":")
        json.string(basePath + document.url)
        json.raw(",\"t\":")
        json.string(document.title)
        json.raw(",\"m\":")
        json.string(collapse(document.summary, limit: 240))
        json.raw(",\"s\":[")
        for (index, section) in document.sections.prefix(maximumSections).enumerated() {
            if index > 0 { json.comma() }
            json.raw("[")
            json.string(section.anchor ?? "")
            json.comma()
            json.string(section.heading ?? "")
            json.comma()
            json.string(collapse(section.text, limit: snippetLength))
            json.raw("]")
        }
        json.raw("]}")
        return json.bytes
    }

    /// Whitespace collapsed to single spaces, cut at a word boundary after at most `limit` characters.
    static func collapse(_ text: String, limit: Int) -> String {
        var out = ""
        out.reserveCapacity(min(text.utf8.count, limit + 8))
        var count = 0
        var pendingSpace = false
        var lastSpaceAt: String.Index?
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                if count + 1 > limit { out.append("…"); return out }
                lastSpaceAt = out.endIndex
                out.append(" ")
                count += 1
                pendingSpace = false
            }
            if count + 1 > limit {
                if let lastSpaceAt { out = String(out[..<lastSpaceAt]) }
                out.append("…")
                return out
            }
            out.append(character)
            count += 1
        }
        return out
    }
}
