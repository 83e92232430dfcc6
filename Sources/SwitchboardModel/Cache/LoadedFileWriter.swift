import SwitchboardMarkdown

/// Writes a parsed article, FAQ or policy (a `LoadedFile` whose entry is `.article`, `.faq` or
/// `.policy`, the collections a site has many files of) in the form its synthesized `Encodable`
/// conformances write, without asking for `Encodable` containers, as `RenderedMarkdownWriter`
/// does for their bodies and `LoadedFileReader` does when reading them back.
///
/// Why: a clean build writes every parsed file to the parse cache, and the generic containers
/// `Encodable` asks for around each value (the file, the entry's enum, the entry, its
/// `EntryInfo`, its body, each list, each reference) cost the Swift runtime a lookup of generic
/// metadata and witness tables apiece: at 10,000 files that was most of the cache's writing.
/// Lists most files leave empty (diagnostics, aliases, a policy's changes) are written here when
/// empty and by their conformance otherwise; any other entry goes through `Encodable` whole.
/// `LoadedFileWriterTests` checks the bytes against those of the synthesized conformances.
extension EncodingStream {
    /// Writes `file`; false (nothing written) when its entry is not one this writer knows.
    func loadedFile(_ file: LoadedFile) throws -> Bool {
        let entryWriter: (() throws -> Void)?
        switch file.entry {
        case .article(let article)?: entryWriter = { try self.entry("article") { try self.article(article) } }
        case .faq(let faq)?: entryWriter = { try self.entry("faq") { try self.faq(faq) } }
        case .policy(let policy)?: entryWriter = { try self.entry("policy") { try self.policy(policy) } }
        default: entryWriter = nil
        }
        guard let entryWriter else { return false }
        let id = openContainer(tag: CacheTag.keyed)
        key("file", in: id)
        discoveredFile(file.file)
        key("entry", in: id)
        try entryWriter()
        key("diagnostics", in: id)
        try list(file.diagnostics)
        key("references", in: id)
        list(file.references, reference)
        key("pendingAnchors", in: id)
        list(file.pendingAnchors, pendingAnchor)
        key("anchors", in: id)
        let anchors = openContainer(tag: CacheTag.unkeyed)
        for anchor in file.anchors {
            entry(of: anchors)
            string(anchor)
        }
        return true
    }

    /// An enum case with one associated value: a keyed container naming the case, holding a
    /// keyed container whose one entry `_0` is the value.
    private func entry(_ caseName: String, _ value: () throws -> Void) throws {
        let id = openContainer(tag: CacheTag.keyed)
        key(caseName, in: id)
        let values = openContainer(tag: CacheTag.keyed)
        key("_0", in: values)
        try value()
    }

    private func discoveredFile(_ file: DiscoveredFile) {
        let id = openContainer(tag: CacheTag.keyed)
        key("path", in: id)
        string(file.path)
        key("absolutePath", in: id)
        string(file.absolutePath)
        key("collection", in: id)
        string(file.collection.rawValue)
        key("slug", in: id)
        string(file.slug)
        if let category = file.category {
            key("category", in: id)
            string(category)
        }
    }

    private func article(_ article: Article) throws {
        let id = openContainer(tag: CacheTag.keyed)
        key("info", in: id)
        try entryInfo(article.info)
        key("category", in: id)
        string(article.category)
        key("title", in: id)
        string(article.title)
        key("summary", in: id)
        string(article.summary)
        key("products", in: id)
        strings(article.products)
        key("tags", in: id)
        strings(article.tags)
        if let updated = article.updated {
            key("updated", in: id)
            day(updated)
        }
        key("draft", in: id)
        bool(article.draft)
        key("related", in: id)
        strings(article.related)
        key("promoted", in: id)
        bool(article.promoted)
        key("body", in: id)
        markdownText(article.body)
    }

    private func faq(_ faq: FAQ) throws {
        let id = openContainer(tag: CacheTag.keyed)
        key("info", in: id)
        try entryInfo(faq.info)
        key("question", in: id)
        string(faq.question)
        key("category", in: id)
        string(faq.category)
        key("products", in: id)
        strings(faq.products)
        key("related", in: id)
        strings(faq.related)
        key("order", in: id)
        int(Int64(faq.order))
        key("answer", in: id)
        markdownText(faq.answer)
    }

    private func policy(_ policy: Policy) throws {
        let id = openContainer(tag: CacheTag.keyed)
        key("info", in: id)
        try entryInfo(policy.info)
        key("title", in: id)
        string(policy.title)
        key("summary", in: id)
        string(policy.summary)
        optionalString("section", policy.section, in: id)
        key("version", in: id)
        string(policy.version)
        key("effective", in: id)
        day(policy.effective)
        key("effectiveIsMonth", in: id)
        bool(policy.effectiveIsMonth)
        if let reviewBy = policy.reviewBy {
            key("reviewBy", in: id)
            day(reviewBy)
        }
        optionalString("owner", policy.owner, in: id)
        key("order", in: id)
        int(Int64(policy.order))
        key("products", in: id)
        strings(policy.products)
        key("changes", in: id)
        try list(policy.changes)
        optionalString("replaces", policy.replaces, in: id)
        key("body", in: id)
        markdownText(policy.body)
    }

    private func entryInfo(_ info: EntryInfo) throws {
        let id = openContainer(tag: CacheTag.keyed)
        key("path", in: id)
        string(info.path)
        key("slug", in: id)
        string(info.slug)
        optionalString("url", info.url, in: id)
        key("draft", in: id)
        bool(info.draft)
        key("aliases", in: id)
        try list(info.aliases)
    }

    private func day(_ day: Day) {
        let id = openContainer(tag: CacheTag.keyed)
        key("year", in: id)
        int(Int64(day.year))
        key("month", in: id)
        int(Int64(day.month))
        key("day", in: id)
        int(Int64(day.day))
    }

    private func markdownText(_ text: MarkdownText) {
        let id = openContainer(tag: CacheTag.keyed)
        key("source", in: id)
        string(text.source)
        key("rendered", in: id)
        rendered(text.rendered)
    }

    private func reference(_ reference: ReferenceUse) {
        let id = openContainer(tag: CacheTag.keyed)
        key("kind", in: id)
        string(reference.kind.rawValue)
        key("value", in: id)
        string(reference.value)
        key("file", in: id)
        string(reference.file)
        key("position", in: id)
        position(reference.position)
    }

    private func pendingAnchor(_ anchor: PendingAnchor) {
        let id = openContainer(tag: CacheTag.keyed)
        key("file", in: id)
        string(anchor.file)
        key("position", in: id)
        position(anchor.position)
        key("target", in: id)
        string(anchor.target)
        key("anchor", in: id)
        string(anchor.anchor)
    }

    private func position(_ position: SourcePosition) {
        let id = openContainer(tag: CacheTag.keyed)
        key("line", in: id)
        int(Int64(position.line))
        key("column", in: id)
        int(Int64(position.column))
    }

    /// A synthesized conformance leaves an optional that is nil out (`encodeIfPresent`).
    private func optionalString(_ name: String, _ value: String?, in id: Int) {
        guard let value else { return }
        key(name, in: id)
        string(value)
    }

    private func strings(_ values: [String]) {
        let id = openContainer(tag: CacheTag.unkeyed)
        for value in values {
            entry(of: id)
            string(value)
        }
    }

    /// A list most files leave empty: an empty one written here, any other by its conformance.
    private func list<Element: Encodable>(_ elements: [Element]) throws {
        if elements.isEmpty {
            _ = openContainer(tag: CacheTag.unkeyed)
        } else {
            try value(elements)
        }
    }

    private func list<Element>(_ elements: [Element], _ write: (Element) -> Void) {
        let id = openContainer(tag: CacheTag.unkeyed)
        for element in elements {
            entry(of: id)
            write(element)
        }
    }
}
