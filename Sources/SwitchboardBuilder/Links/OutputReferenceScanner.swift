#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SwitchboardModel

/// One reference an output file makes, and where it stands in that file.
struct OutputReference: Sendable {
    /// The reference as written (entities decoded): `/docs/kb/x/#step`, `../a.css`, `https://…`.
    var url: String
    /// What holds it: `href`, `src`, `srcset`, `url()`, `link`…
    var kind: String
    var position: SourcePosition
}

/// What the link check needs of one output file: the references it makes and,
/// for an HTML page, the ids a fragment may name.
struct ScannedOutput: Sendable {
    var path: String
    var references: [OutputReference] = []
    var ids: Set<String> = []
}

/// Finds the references in one output file in a single pass over its bytes.
///
/// HTML: `href`, `src`, `srcset`, `poster` and `action` on every element, `url()` in
/// `style` attributes and `<style>` elements, and `id` (and `name` on `<a>`) as
/// fragment targets. CSS: `url()`. Any other text (feeds, the sitemap, robots.txt, the
/// status API's JSON): every absolute URL under the site's base URL. Scripts are
/// skipped: what they fetch is built at run time.
enum OutputReferenceScanner {
    static func scan(path: String, bytes: [UInt8], baseURL: String) -> ScannedOutput {
        var scanned = ScannedOutput(path: path)
        if path.hasSuffix(".js") || path.hasSuffix(".mjs") { return scanned }
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = ByteScanner(bytes: buffer)
            if path.hasSuffix(".html") || path.hasSuffix(".htm") {
                scanner.html(into: &scanned)
            } else if path.hasSuffix(".css") {
                scanner.css(from: 0, to: buffer.count, into: &scanned)
            } else {
                scanner.absoluteURLs(Array(baseURL.utf8), into: &scanned)
            }
        }
        return scanned
    }
}

/// A cursor over a file's bytes that keeps the line and column of each position
/// it hands out, counting newlines only once however far it moves.
private struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private var countedTo = 0
    private var line = 1
    private var column = 1

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The position of byte `offset` (column in characters); offsets must not go backwards.
    mutating func position(of offset: Int) -> SourcePosition {
        // Whole lines are skipped with memchr; only the last line's characters are counted.
        while countedTo < offset {
            let newline = find(0x0A, from: countedTo)
            guard newline < offset else { break }
            line += 1
            column = 1
            countedTo = newline + 1
        }
        while countedTo < offset {
            if bytes[countedTo] & 0xC0 != 0x80 { column += 1 }
            countedTo += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The offset of `byte` at or after `start`, or the end (memchr: the hot loop of the scan).
    func find(_ byte: UInt8, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The offset of `needle` at or after `start` (ASCII, optionally case-insensitive), or the end.
    func find(_ needle: [UInt8], from start: Int, ignoringCase: Bool = false) -> Int {
        guard let first = needle.first else { return start }
        if !ignoringCase {
            // memchr to each candidate first byte, then compare the rest.
            var index = find(first, from: start)
            while index + needle.count <= bytes.count {
                var matched = 1
                while matched < needle.count && bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
                index = find(first, from: index + 1)
            }
            return bytes.count
        }
        var index = start
        while index + needle.count <= bytes.count {
            if Self.equal(bytes[index], first, ignoringCase) {
                var matched = 1
                while matched < needle.count && Self.equal(bytes[index + matched], needle[matched], ignoringCase) { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return bytes.count
    }

    static func equal(_ a: UInt8, _ b: UInt8, _ ignoringCase: Bool) -> Bool {
        a == b || ignoringCase && HTMLBytes.lower(a) == HTMLBytes.lower(b)
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    // MARK: HTML

    mutating func html(into scanned: inout ScannedOutput) {
        var index = 0
        while true {
            index = find(0x3C, from: index) // <
            guard index + 1 < bytes.count else { return }
            let next = bytes[index + 1]
            if next == 0x21 { // <!-- comment --> or <!doctype>
                if index + 3 < bytes.count && bytes[index + 2] == 0x2D && bytes[index + 3] == 0x2D {
                    index = min(bytes.count, find(Array("-->".utf8), from: index + 4) + 3)
                } else {
                    index = find(0x3E, from: index)
                }
            } else if Self.isLetter(next) {
                index = tag(at: index + 1, into: &scanned)
            } else {
                index += 1
            }
        }
    }

    /// The attributes the scan reads; every other attribute is skipped without being copied.
    enum Attribute: String, CaseIterable {
        case href, src, poster, action, srcset, style, id, name

        static let spellings: [(Attribute, [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }
    }

    /// The elements whose name matters to the scan.
    enum Element { case a, script, style, other }

    /// Whether the bytes between two offsets spell `word` (lowercase ASCII), ignoring case.
    func spells(_ word: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end - start == word.count else { return false }
        var index = 0
        while index < word.count {
            guard HTMLBytes.lower(bytes[start + index]) == word[index] else { return false }
            index += 1
        }
        return true
    }

    func attribute(_ start: Int, _ end: Int) -> Attribute? {
        Attribute.spellings.first { spells($0.1, start, end) }?.0
    }

    func element(_ start: Int, _ end: Int) -> Element {
        if spells(Self.a, start, end) { return .a }
        if spells(Self.script, start, end) { return .script }
        if spells(Self.style, start, end) { return .style }
        return .other
    }

    static let a = Array("a".utf8), script = Array("script".utf8), style = Array("style".utf8)
    static let closeScript = Array("</script".utf8), closeStyle = Array("</style".utf8)

    /// Reads one start tag from its name; returns the offset after it (and after the
    /// contents of `<script>` and `<style>`).
    mutating func tag(at start: Int, into scanned: inout ScannedOutput) -> Int {
        var index = start
        while index < bytes.count && !HTMLBytes.isSpace(bytes[index]) && bytes[index] != 0x3E && bytes[index] != 0x2F { index += 1 }
        let name = element(start, index)
        while index < bytes.count {
            while index < bytes.count && (HTMLBytes.isSpace(bytes[index]) || bytes[index] == 0x2F) { index += 1 }
            guard index < bytes.count, bytes[index] != 0x3E else { break }
            let nameStart = index
            while index < bytes.count && !HTMLBytes.isSpace(bytes[index]) && bytes[index] != 0x3D && bytes[index] != 0x3E && bytes[index] != 0x2F {
                index += 1
            }
            let attribute = attribute(nameStart, index)
            while index < bytes.count && HTMLBytes.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == 0x3D else { continue } // no value
            index += 1
            while index < bytes.count && HTMLBytes.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            var valueStart = index, valueEnd: Int
            if bytes[index] == 0x22 || bytes[index] == 0x27 {
                valueStart = index + 1
                valueEnd = find(bytes[index], from: valueStart)
                index = min(bytes.count, valueEnd + 1)
            } else {
                while index < bytes.count && !HTMLBytes.isSpace(bytes[index]) && bytes[index] != 0x3E { index += 1 }
                valueEnd = index
            }
            if let attribute { attributeValue(attribute, of: name, valueStart, valueEnd, into: &scanned) }
        }
        index = min(bytes.count, index + 1)
        switch name {
        case .script:
            return find(Self.closeScript, from: index, ignoringCase: true)
        case .style:
            let close = find(Self.closeStyle, from: index, ignoringCase: true)
            css(from: index, to: close, into: &scanned)
            return close
        case .a, .other:
            return index
        }
    }

    mutating func attributeValue(_ attribute: Attribute, of element: Element, _ start: Int, _ end: Int, into scanned: inout ScannedOutput) {
        switch attribute {
        case .href, .src, .poster, .action:
            scanned.references.append(OutputReference(url: HTMLText.decode(text(start, end)), kind: attribute.rawValue, position: position(of: start)))
        case .srcset:
            let at = position(of: start)
            for candidate in HTMLText.decode(text(start, end)).split(separator: ",") {
                guard let url = candidate.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first else { continue }
                scanned.references.append(OutputReference(url: String(url), kind: "srcset", position: at))
            }
        case .style:
            css(from: start, to: end, into: &scanned)
        case .id:
            scanned.ids.insert(HTMLText.decode(text(start, end)))
        case .name:
            if element == .a { scanned.ids.insert(HTMLText.decode(text(start, end))) }
        }
    }

    // MARK: CSS

    /// Every `url(…)` between two offsets, skipping comments.
    mutating func css(from start: Int, to end: Int, into scanned: inout ScannedOutput) {
        var index = start
        while index + 4 <= end {
            if bytes[index] == 0x2F && index + 1 < end && bytes[index + 1] == 0x2A { // /* comment */
                index = min(end, find(Array("*/".utf8), from: index + 2) + 2)
                continue
            }
            guard HTMLBytes.lower(bytes[index]) == 0x75, HTMLBytes.lower(bytes[index + 1]) == 0x72, HTMLBytes.lower(bytes[index + 2]) == 0x6C,
                  bytes[index + 3] == 0x28 else { // url(
                index += 1
                continue
            }
            index += 4
            while index < end && HTMLBytes.isSpace(bytes[index]) { index += 1 }
            var valueStart = index, valueEnd: Int
            if index < end && (bytes[index] == 0x22 || bytes[index] == 0x27) {
                valueStart = index + 1
                valueEnd = min(end, find(bytes[index], from: valueStart))
            } else {
                valueEnd = min(end, find(0x29, from: index))
                while valueEnd > valueStart && HTMLBytes.isSpace(bytes[valueEnd - 1]) { valueEnd -= 1 }
            }
            scanned.references.append(OutputReference(url: HTMLText.decode(text(valueStart, valueEnd)), kind: "url()", position: position(of: valueStart)))
            index = valueEnd + 1
        }
    }

    // MARK: Other text

    /// Every URL that starts with the site's base URL, up to a quote, `<`, `)` or white space.
    mutating func absoluteURLs(_ base: [UInt8], into scanned: inout ScannedOutput) {
        var index = 0
        while true {
            index = find(base, from: index)
            guard index < bytes.count else { return }
            var end = index + base.count
            while end < bytes.count, !HTMLBytes.isSpace(bytes[end]), ![0x22, 0x27, 0x3C, 0x29, 0x5C].contains(bytes[end]) { end += 1 }
            scanned.references.append(OutputReference(url: HTMLText.decode(text(index, end)), kind: "URL", position: position(of: index)))
            index = end
        }
    }
}

/// Decoding of the character references that URLs in attributes and XML text hold.
enum HTMLText {
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(10).firstIndex(of: ";") else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            let decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = nil
                }
            }
            if let decoded {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }
}
