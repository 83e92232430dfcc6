/// The result of rendering one Markdown document: HTML plus what the rest of
/// the pipeline needs to know about it, gathered in the same walk of the tree.
public struct RenderedMarkdown: Sendable, Equatable, Codable {
    /// The HTML fragment, with heading ids and rewritten links.
    public var html: String
    /// Every heading, in document order, with its unique id.
    public var headings: [MarkdownHeading]
    /// Every link and image destination, with where it stands in the source.
    public var links: [MarkdownLink]
    /// The document's text split at each heading, for the search index.
    public var sections: [MarkdownSection]

    public init(html: String, headings: [MarkdownHeading], links: [MarkdownLink], sections: [MarkdownSection]) {
        self.html = html
        self.headings = headings
        self.links = links
        self.sections = sections
    }

    /// The headings of levels 2 and 3: what a table of contents lists.
    public var tableOfContents: [MarkdownHeading] {
        headings.filter { $0.level == 2 || $0.level == 3 }
    }

    /// All the document's text, without markup.
    public var plainText: String {
        sections.map { [$0.heading?.text, $0.text].compactMap { $0 }.joined(separator: " ") }
            .joined(separator: " ")
    }
}

/// A heading of the document.
public struct MarkdownHeading: Sendable, Equatable, Codable {
    public var level: Int
    /// The heading's text without markup.
    public var text: String
    /// The `id` attribute given to the heading: unique within the document.
    public var id: String
    /// 1-based line in the Markdown source.
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        (self.level, self.text, self.id, self.line) = (level, text, id, line)
    }
}

/// A link or image destination found in the document.
public struct MarkdownLink: Sendable, Equatable, Codable {
    public enum Kind: Sendable, Equatable, Codable { case link, image }
    public var kind: Kind
    /// The destination as written.
    public var destination: String
    /// 1-based line and column in the Markdown source.
    public var line: Int
    public var column: Int

    public init(kind: Kind, destination: String, line: Int, column: Int) {
        (self.kind, self.destination, self.line, self.column) = (kind, destination, line, column)
    }
}

/// The text under one heading (or before the first one).
public struct MarkdownSection: Sendable, Equatable, Codable {
    /// The heading that opens the section; nil for text before any heading.
    public var heading: MarkdownHeading?
    public var text: String

    public init(heading: MarkdownHeading?, text: String) {
        (self.heading, self.text) = (heading, text)
    }
}
