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
        guard let html = try fields.next("html").map(string),
              let headingsAt = try fields.next("headings"), let linksAt = try fields.next("links"),
              let sectionsAt = try fields.next("sections"), fields.isAtEnd,
              let headings = try list(at: headingsAt, heading), let links = try list(at: linksAt, link),
              let sections = try list(at: sectionsAt, section)
        else { return nil }
        return RenderedMarkdown(html: html, headings: headings, links: links, sections: sections)
    }

    private func heading(at offset: Int) throws -> MarkdownHeading? {
        var fields = try CacheFields(source, at: offset)
        guard let level = try fields.next("level").map(int), let text = try fields.next("text").map(string),
              let id = try fields.next("id").map(string), let line = try fields.next("line").map(int), fields.isAtEnd
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
        guard let text = try fields.next("text").map(string), fields.isAtEnd else { return nil }
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
        guard kindFields.isAtEnd, let destination = try fields.next("destination").map(string),
              let line = try fields.next("line").map(int), let column = try fields.next("column").map(int), fields.isAtEnd
        else { return nil }
        return MarkdownLink(kind: kind, destination: destination, line: line, column: column)
    }

    /// The elements of the unkeyed container at `offset`; nil if one is not in the expected form.
    private func list<Element>(at offset: Int, _ element: (Int) throws -> Element?) throws -> [Element]? {
        let (end, count, first) = try source.container(at: offset, tag: CacheTag.unkeyed)
        var elements: [Element] = []
        elements.reserveCapacity(count)
        var at = first
        for _ in 0..<count {
            let next = try source.end(ofValueAt: at)
            guard next <= end, let value = try element(at) else { return nil }
            elements.append(value)
            at = next
        }
        return at == end ? elements : nil
    }

    private func string(at offset: Int) throws -> String {
        try SingleValueReader(source: source, offset: offset).decode(String.self)
    }

    private func int(at offset: Int) throws -> Int {
        try SingleValueReader(source: source, offset: offset).decode(Int.self)
    }
}
