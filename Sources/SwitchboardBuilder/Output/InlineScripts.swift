import Crypto
import Foundation

/// Finds the inline scripts a browser would run in built HTML, so the
/// Content-Security-Policy can allow exactly those by hash, whatever template
/// or helper put them there.
enum InlineScripts {
    /// `'sha256-…'` sources for every distinct inline script of one HTML page, sorted.
    static func hashSources(in html: [UInt8]) -> [String] {
        Set(scripts(in: html).map { "'sha256-\(Data(SHA256.hash(data: $0)).base64EncodedString())'" }).sorted()
    }

    /// The text of each `<script>` without `src` whose type runs as JavaScript.
    /// JSON-LD and other data blocks are not run, and CSP does not govern them.
    static func scripts(in html: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        let open = Array("<script".utf8), close = Array("</script".utf8)
        var index = 0
        while let start = find(open, in: html, from: index) {
            guard let tagEnd = html[(start + open.count)...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let bodyStart = tagEnd + 1
            guard let end = find(close, in: html, from: bodyStart) else { break }
            if isRunnable(attributes: html[(start + open.count)..<tagEnd]) { out.append(html[bodyStart..<end]) }
            index = end + close.count
        }
        return out
    }

    /// The types a browser runs as script (`type` absent or one of these, ASCII case-insensitive).
    private static let runnableTypes: [[UInt8]] = ["", "text/javascript", "application/javascript", "module"].map { Array($0.utf8) }

    /// Whether a `<script` tag with these attributes (the bytes between `<script` and `>`)
    /// is a script element without `src` whose type runs. Read byte by byte as the HTML
    /// tokenizer reads attributes: a name, then optionally `=` and a quoted or bare value,
    /// so `data-src` is not `src` and a quoted value is never mistaken for an attribute.
    static func isRunnable<Bytes: Collection<UInt8>>(attributes: Bytes) -> Bool where Bytes.Index == Int {
        var index = attributes.startIndex
        let end = attributes.endIndex
        // `<scripts>` or similar is not a script element.
        if index < end && !HTMLBytes.isSpace(attributes[index]) { return false }
        var type: Range<Int>?
        while index < end {
            while index < end && (HTMLBytes.isSpace(attributes[index]) || attributes[index] == UInt8(ascii: "/")) { index += 1 }
            guard index < end else { break }
            let nameStart = index
            while index < end && !HTMLBytes.isSpace(attributes[index]) && attributes[index] != UInt8(ascii: "=") && attributes[index] != UInt8(ascii: "/") {
                index += 1
            }
            let name = nameStart..<index
            while index < end && HTMLBytes.isSpace(attributes[index]) { index += 1 }
            var value = index..<index
            if index < end && attributes[index] == UInt8(ascii: "=") {
                index += 1
                while index < end && HTMLBytes.isSpace(attributes[index]) { index += 1 }
                if index < end && (attributes[index] == UInt8(ascii: "\"") || attributes[index] == UInt8(ascii: "'")) {
                    let quote = attributes[index]
                    index += 1
                    let valueStart = index
                    while index < end && attributes[index] != quote { index += 1 }
                    value = valueStart..<index
                    if index < end { index += 1 }
                } else {
                    let valueStart = index
                    while index < end && !HTMLBytes.isSpace(attributes[index]) { index += 1 }
                    value = valueStart..<index
                }
            }
            if equalsIgnoringCase(attributes, name, "src") { return false }
            if type == nil && equalsIgnoringCase(attributes, name, "type") { type = value }
        }
        guard let type else { return true }
        var trimmed = type
        while let first = trimmed.first, HTMLBytes.isSpace(attributes[first]) { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, HTMLBytes.isSpace(attributes[last]) { trimmed = trimmed.dropLast() }
        return runnableTypes.contains { candidate in
            candidate.count == trimmed.count && zip(candidate, trimmed).allSatisfy { HTMLBytes.lower(attributes[$1]) == $0 }
        }
    }

    private static func equalsIgnoringCase<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>, _ word: StaticString) -> Bool
    where Bytes.Index == Int {
        guard range.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { letters in
            zip(range, letters).allSatisfy { HTMLBytes.lower(bytes[$0]) == $1 }
        }
    }

    /// The first index of `needle` in `haystack` at or after `from`, ASCII case-insensitive
    /// after its first byte (`<`), which memchr finds.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        return haystack.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var i = from
            let last = bytes.count - needle.count
            while i <= last {
                guard let found = memchr(base + i, Int32(first), last + 1 - i) else { return nil }
                i = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                var j = 1
                while j < needle.count, bytes[i + j] | 0x20 == needle[j] | 0x20 { j += 1 }
                if j == needle.count { return i }
                i += 1
            }
            return nil
        }
    }
}
