/// A strict tag-balance check for rendered HTML fragments: every element that is
/// not void is closed, in order, and nothing is closed that was not opened. Unlike
/// an XML parser on Linux (libxml2 through FoundationXML), it repairs nothing and
/// prints nothing; end tags HTML lets one leave out must be written here too.
enum TagBalance {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "source", "track", "wbr"]

    /// The problems in `html`, each with its line; empty when the markup is balanced.
    static func problems(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        var open: [(name: String, line: Int)] = []
        var problems: [String] = []
        var index = 0
        var line = 1
        func advance(to end: Int) {
            while index < min(end, bytes.count) {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
        }
        func find(_ needle: String, from start: Int) -> Int? {
            let needle = Array(needle.utf8)
            var at = start
            while at + needle.count <= bytes.count {
                var matched = 0
                while matched < needle.count {
                    let byte = bytes[at + matched]
                    guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == needle[matched] else { break }
                    matched += 1
                }
                if matched == needle.count { return at }
                at += 1
            }
            return nil
        }
        while index < bytes.count {
            guard bytes[index] == 0x3C else { advance(to: index + 1); continue }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                guard let end = find("-->", from: index + 4) else {
                    problems.append("line \(line): a comment that never ends")
                    break
                }
                advance(to: end + 3)
                continue
            }
            guard let close = find(">", from: index) else {
                problems.append("line \(line): '<' that never ends")
                break
            }
            let inside = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            if inside.hasPrefix("!") { advance(to: close + 1); continue }
            let isEnd = inside.hasPrefix("/")
            let name = String((isEnd ? inside.dropFirst() : Substring(inside))
                .prefix { $0.isLetter || $0.isNumber || $0 == "-" }).lowercased()
            guard !name.isEmpty else {
                problems.append("line \(line): a '<' that starts no tag (write &lt;)")
                advance(to: index + 1)
                continue
            }
            let tagLine = line
            advance(to: close + 1)
            if isEnd {
                if let last = open.last, last.name == name {
                    open.removeLast()
                } else if let last = open.last {
                    problems.append("line \(tagLine): </\(name)> closes <\(last.name)> opened on line \(last.line)")
                    if let match = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(match...) }
                } else {
                    problems.append("line \(tagLine): </\(name)> closes nothing")
                }
            } else if !voidElements.contains(name) && !inside.hasSuffix("/") {
                if name == "script" || name == "style", let end = find("</\(name)", from: index) {
                    advance(to: end)
                }
                open.append((name, tagLine))
            }
        }
        for element in open { problems.append("line \(element.line): <\(element.name)> is never closed") }
        return problems
    }
}
