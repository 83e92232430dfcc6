/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatter: Sendable {
    /// The YAML between the `---` lines.
    public var yaml: String
    /// Lines of the file before the YAML (the opening `---`).
    public var yamlLineOffset: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// Lines of the file before the body: Markdown positions add this.
    public var bodyLineOffset: Int

    /// Splits `text`, or reports why it cannot be split. Scans UTF-8 bytes:
    /// this runs once per page.
    public static func split(_ text: String, diagnostics: inout DiagnosticCollector) -> FrontMatter? {
        let bytes = Array(text.utf8)
        var lineStart = 0
        var lineNumber = 0
        var yamlStart: Int?
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart && (bytes[trimmedEnd - 1] == 0x20 || bytes[trimmedEnd - 1] == 0x09) { trimmedEnd -= 1 }
            let line = bytes[lineStart..<trimmedEnd]
            let isDashes = line.elementsEqual("---".utf8)
            if yamlStart == nil {
                guard isDashes else {
                    diagnostics.error("front-matter-missing", "a Markdown file must start with YAML front matter between '---' lines")
                    return nil
                }
                yamlStart = min(lineEnd + 1, bytes.count)
            } else if isDashes || line.elementsEqual("...".utf8) {
                let start = yamlStart!
                let bodyStart = min(lineEnd + 1, bytes.count)
                return FrontMatter(
                    yaml: String(decoding: bytes[start..<max(start, lineStart > 0 ? lineStart - 1 : 0)], as: UTF8.self),
                    yamlLineOffset: 1,
                    body: String(decoding: bytes[bodyStart...], as: UTF8.self),
                    bodyLineOffset: lineNumber
                )
            }
            lineStart = lineEnd + 1
        }
        diagnostics.error("front-matter-unclosed", "the front matter opened on line 1 is never closed with a '---' line")
        return nil
    }
}
