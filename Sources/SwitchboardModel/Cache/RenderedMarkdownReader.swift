import SwitchboardMarkdown

/// Reads a `RenderedMarkdown` straight from the bytes its synthesized `Encodable` conformance
/// wrote (keyed containers, keys in declaration order, a nil heading left out), without going
/// through `Decodable`.
///
/// Why: a parsed article is a dozen containers plus three per heading and section, and every
/// container that `Decodable` asks for costs the Swift runtime a lookup of generic metadata and
/// witness tables (`KeyedValueContainer<Key>` and its box). Those lookups were a third of decoding
/// the parse cache, and decoding it was the largest cost of a one-edit rebuild. This reader makes
/// no container objects. It does not change the cache's form: what it does not recognise exactly,
/// it leaves to `Decodable` (`read` returns nil or throws, and the caller decodes the usual way,
/// which reads keys in any order or reports the damage).
struct RenderedMarkdownReader {
    let source: CacheSource

    func read(at offset: Int) throws -> RenderedMarkdown? {
        var fields = try CacheFields(source, at: offset)
        guard let html = try fields.next("html").map(source.stringValue),
              let headingsAt = try fields.next("headings"), let linksAt = try fields.next("links"),
              let sectionsAt = try fields.next("sections"), fields.isAtEnd,
              let headings = try source.list(at: headingsAt, heading), let links = try source.list(at: linksAt, link),
              let sections = try source.list(at: sectionsAt, section)
        else { return nil }
        return RenderedMarkdown(html: html, headings: headings, links: links, sections: sections)
    }

    private func heading(at offset: Int) throws -> MarkdownHeading? {
        var fields = try CacheFields(source, at: offset)
        guard let level = try fields.next("level").map(source.intValue), let text = try fields.next("text").map(source.stringValue),
              let id = try fields.next("id").map(source.stringValue), let line = try fields.next("line").map(source.intValue), fields.isAtEnd
        else { return nil }
        return MarkdownHeading(level: level, text: text, id: id, line: line)
    }

    private func section(at offset: Int) throws -> MarkdownSection? {
        var fields = try CacheFields(source, at: offset)
        var heading: MarkdownHeading?
        if let headingAt = try fields.next("heading") {
            guard let read = try self.heading(at: headingAt) else { return nil }
            heading = read
        }
        guard let text = try fields.next("text").map(source.stringValue), fields.isAtEnd else { return nil }
        return MarkdownSection(heading: heading, text: text)
    }

    private func link(at offset: Int) throws -> MarkdownLink? {
        var fields = try CacheFields(source, at: offset)
        guard let kindAt = try fields.next("kind") else { return nil }
        // A case without values: a keyed container whose one key names the case, holding an empty one.
        var kindFields = try CacheFields(source, at: kindAt)
        let kind: MarkdownLink.Kind
        if let empty = try kindFields.next("link") {
            kind = .link
            guard try CacheFields(source, at: empty).isAtEnd else { return nil }
        } else if let empty = try kindFields.next("image") {
            kind = .image
            guard try CacheFields(source, at: empty).isAtEnd else { return nil }
        } else {
            return nil
        }
        guard kindFields.isAtEnd, let destination = try fields.next("destination").map(source.stringValue),
              let line = try fields.next("line").map(source.intValue), let column = try fields.next("column").map(source.intValue), fields.isAtEnd
        else { return nil }
        return MarkdownLink(kind: kind, destination: destination, line: line, column: column)
    }
}
