import SwitchboardMarkdown

/// Writes a `RenderedMarkdown` in the form its synthesized `Encodable` conformance writes (keyed
/// containers, keys in declaration order, a nil heading left out, a link's kind as a keyed
/// container naming the case), without asking for `Encodable` containers: each of those costs the
/// Swift runtime a lookup of generic metadata and witness tables, and a rendered article has three
/// per heading and section. `RenderedMarkdownReader` reads it back the same way.
/// `RenderedMarkdownWriterTests` checks the bytes against those of the synthesized conformance.
extension EncodingStream {
    func rendered(_ value: RenderedMarkdown) {
        let id = openContainer(tag: CacheTag.keyed)
        key("html", in: id)
        string(value.html)
        key("headings", in: id)
        list(value.headings, heading)
        key("links", in: id)
        list(value.links, link)
        key("sections", in: id)
        list(value.sections, section)
    }

    private func heading(_ heading: MarkdownHeading) {
        let id = openContainer(tag: CacheTag.keyed)
        key("level", in: id)
        int(Int64(heading.level))
        key("text", in: id)
        string(heading.text)
        key("id", in: id)
        string(heading.id)
        key("line", in: id)
        int(Int64(heading.line))
    }

    private func section(_ section: MarkdownSection) {
        let id = openContainer(tag: CacheTag.keyed)
        if let heading = section.heading {
            key("heading", in: id)
            self.heading(heading)
        }
        key("text", in: id)
        string(section.text)
    }

    private func link(_ link: MarkdownLink) {
        let id = openContainer(tag: CacheTag.keyed)
        key("kind", in: id)
        let kind = openContainer(tag: CacheTag.keyed)
        switch link.kind {
        case .link: key("link", in: kind)
        case .image: key("image", in: kind)
        }
        _ = openContainer(tag: CacheTag.keyed)
        key("destination", in: id)
        string(link.destination)
        key("line", in: id)
        int(Int64(link.line))
        key("column", in: id)
        int(Int64(link.column))
    }

    private func list<Element>(_ elements: [Element], _ write: (Element) -> Void) {
        let id = openContainer(tag: CacheTag.unkeyed)
        for element in elements {
            entry(of: id)
            write(element)
        }
    }
}
