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
            let attributes = String(decoding: html[(start + open.count)..<tagEnd], as: UTF8.self).lowercased()
            let bodyStart = tagEnd + 1
            guard let end = find(close, in: html, from: bodyStart) else { break }
            if isRunnable(attributes) { out.append(html[bodyStart..<end]) }
            index = end + close.count
        }
        return out
    }

    static func isRunnable(_ attributes: String) -> Bool {
        let boundary = attributes.first.map { $0 == " " || $0 == "\t" || $0 == "\n" } ?? true
        guard boundary else { return false } // `<scripts>` or similar is not a script element
        if attributes.range(of: #"(^|\s)src\s*="#, options: .regularExpression) != nil { return false }
        guard let match = attributes.range(of: #"(^|\s)type\s*=\s*["']?([^"'\s>]*)"#, options: .regularExpression) else { return true }
        let type = attributes[match].split(separator: "=", maxSplits: 1).last.map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t\n"))
        } ?? ""
        return ["", "text/javascript", "application/javascript", "module"].contains(type)
    }

    /// The first index of `needle` in `haystack` at or after `from`, ASCII case-insensitive.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return haystack.withUnsafeBufferPointer { bytes -> Int? in
            var i = from
            let last = bytes.count - needle.count
            while i <= last {
                if bytes[i] == needle[0] {
                    var j = 1
                    while j < needle.count, bytes[i + j] | 0x20 == needle[j] | 0x20 { j += 1 }
                    if j == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }
}
