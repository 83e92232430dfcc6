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
        field("path", file.path, in: id)
        field("absolutePath", file.absolutePath, in: id)
        field("collection", file.collection.rawValue, in: id)
        field("slug", file.slug, in: id)
        if let category = file.category {
            field("category", category, in: id)
        }
    }

    private func article(_ article: Article) throws {
        let id = openContainer(tag: CacheTag.keyed)
        key("info", in: id)
        try entryInfo(article.info)
        field("category", article.category, in: id)
        field("title", article.title, in: id)
        field("summary", article.summary, in: id)
        field("products", strings: article.products, in: id)
        field("tags", strings: article.tags, in: id)
        if let updated = article.updated {
            key("updated", in: id)
            day(updated)
        }
        field("draft", article.draft, in: id)
        field("related", strings: article.related, in: id)
        field("promoted", article.promoted, in: id)
        key("body", in: id)
        markdownText(article.body)
    }

    private func faq(_ faq: FAQ) throws {
        let id = openContainer(tag: CacheTag.keyed)
        key("info", in: id)
        try entryInfo(faq.info)
        field("question", faq.question, in: id)
        field("category", faq.category, in: id)
        field("products", strings: faq.products, in: id)
        field("related", strings: faq.related, in: id)
        field("order", faq.order, in: id)
        key("answer", in: id)
        markdownText(faq.answer)
    }

    private func policy(_ policy: Policy) throws {
        let id = openContainer(tag: CacheTag.keyed)
        key("info", in: id)
        try entryInfo(policy.info)
        field("title", policy.title, in: id)
        field("summary", policy.summary, in: id)
        optionalString("section", policy.section, in: id)
        field("version", policy.version, in: id)
        key("effective", in: id)
        day(policy.effective)
        field("effectiveIsMonth", policy.effectiveIsMonth, in: id)
        if let reviewBy = policy.reviewBy {
            key("reviewBy", in: id)
            day(reviewBy)
        }
        optionalString("owner", policy.owner, in: id)
        field("order", policy.order, in: id)
        field("products", strings: policy.products, in: id)
        key("changes", in: id)
        try list(policy.changes)
        optionalString("replaces", policy.replaces, in: id)
        key("body", in: id)
        markdownText(policy.body)
    }

    private func entryInfo(_ info: EntryInfo) throws {
        let id = openContainer(tag: CacheTag.keyed)
        field("path", info.path, in: id)
        field("slug", info.slug, in: id)
        optionalString("url", info.url, in: id)
        field("draft", info.draft, in: id)
        key("aliases", in: id)
        try list(info.aliases)
    }

    private func day(_ day: Day) {
        let id = openContainer(tag: CacheTag.keyed)
        field("year", day.year, in: id)
        field("month", day.month, in: id)
        field("day", day.day, in: id)
    }

    private func markdownText(_ text: MarkdownText) {
        let id = openContainer(tag: CacheTag.keyed)
        field("source", text.source, in: id)
        key("rendered", in: id)
        rendered(text.rendered)
    }

    private func reference(_ reference: ReferenceUse) {
        let id = openContainer(tag: CacheTag.keyed)
        field("kind", reference.kind.rawValue, in: id)
        field("value", reference.value, in: id)
        field("file", reference.file, in: id)
        key("position", in: id)
        position(reference.position)
    }

    private func pendingAnchor(_ anchor: PendingAnchor) {
        let id = openContainer(tag: CacheTag.keyed)
        field("file", anchor.file, in: id)
        key("position", in: id)
        position(anchor.position)
        field("target", anchor.target, in: id)
        field("anchor", anchor.anchor, in: id)
    }

    private func position(_ position: SourcePosition) {
        let id = openContainer(tag: CacheTag.keyed)
        field("line", position.line, in: id)
        field("column", position.column, in: id)
    }

    /// The entry `name` of keyed container `id`, holding a string, flag or number.
    private func field(_ name: String, _ value: String, in id: Int) {
        key(name, in: id)
        string(value)
    }

    private func field(_ name: String, _ value: Bool, in id: Int) {
        key(name, in: id)
        bool(value)
    }

    private func field(_ name: String, _ value: Int, in id: Int) {
        key(name, in: id)
        int(Int64(value))
    }

    private func field(_ name: String, strings values: [String], in id: Int) {
        key(name, in: id)
        strings(values)
    }

    /// A synthesized conformance leaves an optional that is nil out (`encodeIfPresent`).
    private func optionalString(_ name: String, _ value: String?, in id: Int) {
        guard let value else { return }
        field(name, value, in: id)
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
