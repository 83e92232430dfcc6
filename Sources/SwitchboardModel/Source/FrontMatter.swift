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

    /// Splits `text`, or reports why it cannot be split.
    public static func split(_ text: String, diagnostics: inout DiagnosticCollector) -> FrontMatter? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            diagnostics.error("front-matter-missing", "a Markdown file must start with YAML front matter between '---' lines")
            return nil
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                return FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlLineOffset: 1,
                    body: lines.joined(separator: "\n"),
                    bodyLineOffset: lineNumber
                )
            }
            yamlLines.append(line)
        }
        diagnostics.error("front-matter-unclosed", "the front matter opened on line 1 is never closed with a '---' line")
        return nil
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous == " " || previous == "\t" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
