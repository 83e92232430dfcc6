/// The search scripts as published: without their comment lines, indentation and blank
/// lines. A cold query's budget counts every byte of them, and their comments (which the
/// sources in `templates/assets/` keep for the people who maintain them) were a third of
/// their gzipped size. Only whole-line comments are removed, `//` lines and `/* … */` blocks
/// that start a line and end one, so no string or regular expression can be cut: the
/// scripts have no multi-line strings.
enum SearchScriptPacker {
    /// The assets packed this way.
    static let names: Set<String> = ["search-core.js", "search.js"]

    static func pack(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inBlock = false
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let start = line.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? line.endIndex
            let text = line[start...]
            if inBlock {
                if ends(text) { inBlock = false }
                continue
            }
            if text.starts(with: Array("//".utf8)) { continue }
            if text.starts(with: Array("/*".utf8)) {
                if !ends(text) { inBlock = true }
                continue
            }
            if text.isEmpty { continue }
            out.append(contentsOf: text)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// Whether a line closes a block comment with nothing after it.
    private static func ends(_ line: ArraySlice<UInt8>) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D { end -= 1 }
        return end - line.startIndex >= 2 && line[end - 2] == UInt8(ascii: "*") && line[end - 1] == UInt8(ascii: "/")
    }
}
