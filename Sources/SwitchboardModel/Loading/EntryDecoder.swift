import SwitchboardMarkdown

/// Stage 2 and 3 for one file: read, split front matter, parse YAML and
/// Markdown, validate against the collection's schema, build the typed entry.
struct EntryDecoder: Sendable {
    let map: ContentMap
    let markdownOptions: MarkdownOptions
    let displayRoot: String
    /// The build clock's day: all that parsing reads of the clock (a policy past its review
    /// date), so the parse cache is keyed by the day, not the instant (`SiteLoader`).
    let today: Day
    var limits = InputLimits.standard

    func decode(_ file: DiscoveredFile) -> LoadedFile { decodeReading(file).file }

    /// `decode`, and what the parse read of the content map (the parse cache keys the file by it).
    func decodeReading(_ file: DiscoveredFile) -> (file: LoadedFile, reads: ContentMapReads) {
        guard file.collection.rootType != nil else { return (LoadedFile(file: file, entry: .asset, diagnostics: []), ContentMapReads()) }
        guard let bytes = FileReader.read(file.absolutePath, limit: limits.maxFileBytes) else {
            var diagnostics = DiagnosticCollector(file: "\(displayRoot)/\(file.path)")
            diagnostics.error("unreadable-file", "the file cannot be read")
            return (LoadedFile(file: file, entry: nil, diagnostics: diagnostics.diagnostics), ContentMapReads())
        }
        return decodeReading(file, bytes: bytes)
    }

    /// Decodes a file's bytes (at most one more than the size limit).
    func decode(_ file: DiscoveredFile, bytes: [UInt8]) -> LoadedFile { decodeReading(file, bytes: bytes).file }

    func decodeReading(_ file: DiscoveredFile, bytes: [UInt8]) -> (file: LoadedFile, reads: ContentMapReads) {
        var diagnostics = DiagnosticCollector(file: "\(displayRoot)/\(file.path)")
        var loaded = LoadedFile(file: file, entry: nil, diagnostics: [])
        let none = ContentMapReads()
        guard let rootType = file.collection.rootType else {
            loaded.entry = .asset
            return (loaded, none)
        }
        if bytes.count > limits.maxFileBytes {
            diagnostics.error("file-too-large", "the file is larger than \(limits.maxFileBytes / 1024) KiB, the limit for one content file; split it")
            loaded.diagnostics = diagnostics.diagnostics
            return (loaded, none)
        }
        guard let text = SourceText.decode(bytes, diagnostics: &diagnostics) else {
            loaded.diagnostics = diagnostics.diagnostics
            return (loaded, none)
        }

        var yaml = text
        var yamlLineOffset = 0
        var body: (source: String, lineOffset: Int)?
        if file.collection.isMarkdown {
            guard let split = FrontMatter.split(text, diagnostics: &diagnostics) else {
                loaded.diagnostics = diagnostics.diagnostics
                return (loaded, none)
            }
            yaml = split.yaml
            yamlLineOffset = split.yamlLineOffset
            body = (split.body, split.bodyLineOffset)
        }

        let node = YAMLReader.read(yaml, lineOffset: yamlLineOffset, limits: limits, diagnostics: &diagnostics)
        if diagnostics.hasErrors && node == nil {
            loaded.diagnostics = diagnostics.diagnostics
            return (loaded, none)
        }
        let linker = PageLinker(map: map, path: file.path, options: markdownOptions)
        var validator = SchemaValidator(diagnostics: diagnostics, linker: linker)
        let value = validator.validateRoot(node, as: rootType, named: file.collection.pattern)
        var bodyText: MarkdownText?
        if let body {
            bodyText = validator.linker.render(body.source, lineOffset: body.lineOffset, keepingSource: false,
                                               diagnostics: &validator.diagnostics)
            loaded.anchors = Set(bodyText!.rendered.headings.map(\.id))
        }
        loaded.references = validator.references
        let aliases = validator.aliases
        loaded.pendingAnchors = validator.linker.pendingAnchors
        diagnostics = validator.diagnostics
        if let value {
            loaded.entry = makeEntry(file, value, aliases: aliases, body: bodyText, diagnostics: &diagnostics)
        }
        loaded.diagnostics = diagnostics.diagnostics
        return (loaded, validator.linker.reads)
    }

    private func makeEntry(_ file: DiscoveredFile, _ value: Value, aliases: [Alias], body: MarkdownText?,
                           diagnostics: inout DiagnosticCollector) -> LoadedFile.Entry? {
        var info = file.info
        info.aliases = aliases
        let body = body ?? MarkdownText.empty
        if case .list(let items) = value, file.collection == .products {
            let products = items.compactMap { if case .record(let r) = $0 { return Product(r) } else { return nil } }
            EntryRules.checkUnique(products.map { ($0.id, $0.position) }, what: "product id", diagnostics: &diagnostics)
            return .products(products)
        }
        guard case .record(let r) = value else { return nil }
        info.draft = r.bool("draft")
        switch file.collection {
        case .site: return .site(SiteConfig(r))
        case .policies:
            let policy = Policy(info, r, body: body)
            EntryRules.check(policy, record: r, today: today, diagnostics: &diagnostics)
            return .policy(policy)
        case .categories: return .category(Category(info, r))
        case .articles: return .article(Article(info, category: file.category ?? "", r, body: body))
        case .faq: return .faq(FAQ(info, r, body: body))
        case .devices:
            let device = SIPDevice(info, r)
            EntryRules.check(device, record: r, diagnostics: &diagnostics)
            return .device(device)
        case .escalation:
            EntryRules.checkEscalation(r, diagnostics: &diagnostics)
            return .escalation(EscalationMatrix(info, r))
        case .vendors: return .vendor(VendorProcess(info, r, body: body))
        case .supportHours: return .hours(SupportHours(info, r))
        case .rateCard: return .rates(RateCard(info, r))
        case .synonyms:
            let synonyms = SearchSynonyms(r)
            SearchSynonyms.check(synonyms, diagnostics: &diagnostics)
            return .synonyms(synonyms)
        case .checklists:
            if r.positions["applies_to"] == nil && r.positions["context"] == nil {
                diagnostics.error("missing-key", "a Checklist needs 'applies_to' (products) or 'context'", at: r.position)
            }
            return .checklist(Checklist(info, r))
        case .statusComponents:
            let components = r.records("components").map {
                StatusComponent(id: $0.string("id"), name: $0.string("name"), group: $0.optionalString("group"),
                                description: $0.optionalString("description"), position: $0.position(of: "id"))
            }
            EntryRules.checkUnique(components.map { ($0.id, $0.position) }, what: "component id", diagnostics: &diagnostics)
            return .components(components)
        case .incidents:
            let incident = Incident(info, r, body: body)
            EntryRules.check(incident, record: r, diagnostics: &diagnostics)
            return .incident(incident)
        case .maintenance:
            let maintenance = Maintenance(info, r, body: body)
            EntryRules.check(maintenance, record: r, diagnostics: &diagnostics)
            return .maintenance(maintenance)
        case .products, .asset: return nil
        }
    }
}
