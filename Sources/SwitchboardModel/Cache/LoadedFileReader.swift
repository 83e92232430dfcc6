import SwitchboardMarkdown

/// Reads a parsed article, FAQ or policy (a `LoadedFile` whose entry is `.article`, `.faq` or
/// `.policy`, the collections a site has many files of) straight from the bytes its synthesized
/// `Encodable` conformances wrote, without going through `Decodable`, as `RenderedMarkdownReader`
/// does for their bodies.
///
/// Why: after an edit, a new `switchboard build` process decodes every unchanged file from the
/// parse cache, and at 10,000 files the generic containers `Decodable` asks for around each entry
/// (the file, the entry's enum, the entry, its `EntryInfo`, its body, its lists) had cost as much
/// again as the body itself: the Swift runtime looks up generic metadata and witness tables for
/// each. Diagnostics, references, pending anchors, aliases and a policy's changes, which most
/// files have none of, are still read by `Decodable` when there are some. Like the body's reader, this
/// one does not change the cache's form: what it does not recognise exactly, it leaves to
/// `Decodable` (`read` returns nil or throws, and the caller decodes the usual way).
struct LoadedFileReader {
    let source: CacheSource
    /// With an article's body hashes, the article's body is left encoded (`Article.encodedBody`)
    /// when it has no links: a store takes it as it is.
    var bodyDigests: (page: ContentDigest, sections: ContentDigest)?
    /// The cache file the bytes were read from and the offset in it of the source's first byte:
    /// a body left encoded then names its place there rather than copying its bytes.
    var bodyPlace: (file: CacheEntryIndex, offset: Int)?

    func read(at offset: Int) throws -> LoadedFile? {
        var fields = try CacheFields(source, at: offset)
        guard let fileAt = try fields.next("file"), let file = try discoveredFile(at: fileAt),
              let entryAt = try fields.next("entry"), let entry = try entry(at: entryAt),
              let diagnosticsAt = try fields.next("diagnostics"), let referencesAt = try fields.next("references"),
              let pendingAt = try fields.next("pendingAnchors"), let anchorsAt = try fields.next("anchors"),
              fields.isAtEnd,
              let anchors = try strings(anchorsAt)
        else { return nil }
        return LoadedFile(
            file: file,
            entry: entry,
            diagnostics: try decodable(at: diagnosticsAt),
            references: try references(at: referencesAt),
            pendingAnchors: try pendingAnchors(at: pendingAt),
            anchors: Set(anchors)
        )
    }

    private func discoveredFile(at offset: Int) throws -> DiscoveredFile? {
        var fields = try CacheFields(source, at: offset)
        guard let path = try fields.next("path").map(source.stringValue), let absolutePath = try fields.next("absolutePath").map(source.stringValue),
              let collectionName = try fields.next("collection").map(source.stringValue),
              let collection = ContentCollection(rawValue: collectionName),
              let slug = try fields.next("slug").map(source.stringValue)
        else { return nil }
        let category = try fields.next("category").map(source.stringValue)
        guard fields.isAtEnd else { return nil }
        return DiscoveredFile(path: path, absolutePath: absolutePath, collection: collection, slug: slug, category: category)
    }

    /// An `Entry`: a keyed container whose one key names the case, holding the value under `_0`.
    private func entry(at offset: Int) throws -> LoadedFile.Entry? {
        var entry = try CacheFields(source, at: offset)
        let read: (Int) throws -> LoadedFile.Entry?
        let caseAt: Int
        if let at = try entry.next("article") {
            (caseAt, read) = (at, { try article(at: $0).map(LoadedFile.Entry.article) })
        } else if let at = try entry.next("faq") {
            (caseAt, read) = (at, { try faq(at: $0).map(LoadedFile.Entry.faq) })
        } else if let at = try entry.next("policy") {
            (caseAt, read) = (at, { try policy(at: $0).map(LoadedFile.Entry.policy) })
        } else {
            return nil
        }
        guard entry.isAtEnd else { return nil }
        var values = try CacheFields(source, at: caseAt)
        guard let valueAt = try values.next("_0"), values.isAtEnd else { return nil }
        return try read(valueAt)
    }

    private func article(at offset: Int) throws -> Article? {
        var fields = try CacheFields(source, at: offset)
        guard let infoAt = try fields.next("info"), let info = try entryInfo(at: infoAt),
              let category = try fields.next("category").map(source.stringValue), let title = try fields.next("title").map(source.stringValue),
              let summary = try fields.next("summary").map(source.stringValue),
              let products = try strings(fields.next("products")), let tags = try strings(fields.next("tags"))
        else { return nil }
        var updated: Day?
        if let dayAt = try fields.next("updated") {
            guard let day = try day(at: dayAt) else { return nil }
            updated = day
        }
        guard let draft = try fields.next("draft").map(source.boolValue), let related = try strings(fields.next("related")),
              let promoted = try fields.next("promoted").map(source.boolValue), let bodyAt = try fields.next("body"),
              fields.isAtEnd
        else { return nil }
        if let bodyDigests, let encoded = try encodedBody(at: bodyAt, digests: bodyDigests) {
            return Article(info: info, category: category, title: title, summary: summary, products: products, tags: tags,
                           updated: updated, draft: draft, related: related, promoted: promoted,
                           body: MarkdownText(source: encoded.source, rendered: MarkdownText.empty.rendered), encodedBody: encoded.body)
        }
        guard let body = try markdownText(at: bodyAt) else { return nil }
        return Article(info: info, category: category, title: title, summary: summary, products: products, tags: tags,
                       updated: updated, draft: draft, related: related, promoted: promoted, body: body)
    }

    private func faq(at offset: Int) throws -> FAQ? {
        var fields = try CacheFields(source, at: offset)
        guard let infoAt = try fields.next("info"), let info = try entryInfo(at: infoAt),
              let question = try fields.next("question").map(source.stringValue), let category = try fields.next("category").map(source.stringValue),
              let products = try strings(fields.next("products")), let related = try strings(fields.next("related")),
              let order = try fields.next("order").map(source.intValue), let answerAt = try fields.next("answer"),
              let answer = try markdownText(at: answerAt), fields.isAtEnd
        else { return nil }
        return FAQ(info: info, question: question, category: category, products: products, related: related,
                   order: order, answer: answer)
    }

    private func policy(at offset: Int) throws -> Policy? {
        var fields = try CacheFields(source, at: offset)
        guard let infoAt = try fields.next("info"), let info = try entryInfo(at: infoAt),
              let title = try fields.next("title").map(source.stringValue), let summary = try fields.next("summary").map(source.stringValue)
        else { return nil }
        let section = try fields.next("section").map(source.stringValue)
        guard let version = try fields.next("version").map(source.stringValue),
              let effectiveAt = try fields.next("effective"), let effective = try day(at: effectiveAt),
              let effectiveIsMonth = try fields.next("effectiveIsMonth").map(source.boolValue)
        else { return nil }
        var reviewBy: Day?
        if let dayAt = try fields.next("reviewBy") {
            guard let day = try day(at: dayAt) else { return nil }
            reviewBy = day
        }
        let owner = try fields.next("owner").map(source.stringValue)
        guard let order = try fields.next("order").map(source.intValue), let products = try strings(fields.next("products")),
              let changesAt = try fields.next("changes")
        else { return nil }
        let replaces = try fields.next("replaces").map(source.stringValue)
        guard let bodyAt = try fields.next("body"), let body = try markdownText(at: bodyAt), fields.isAtEnd else { return nil }
        return Policy(info: info, title: title, summary: summary, section: section, version: version, effective: effective,
                      effectiveIsMonth: effectiveIsMonth, reviewBy: reviewBy, owner: owner, order: order, products: products,
                      changes: try decodable(at: changesAt), replaces: replaces, body: body)
    }

    private func entryInfo(at offset: Int) throws -> EntryInfo? {
        var fields = try CacheFields(source, at: offset)
        guard let path = try fields.next("path").map(source.stringValue), let slug = try fields.next("slug").map(source.stringValue) else { return nil }
        let url = try fields.next("url").map(source.stringValue)
        guard let draft = try fields.next("draft").map(source.boolValue), let aliasesAt = try fields.next("aliases"), fields.isAtEnd
        else { return nil }
        var info = EntryInfo(path: path, slug: slug, url: url)
        info.draft = draft
        info.aliases = try decodable(at: aliasesAt)
        return info
    }

    private func day(at offset: Int) throws -> Day? {
        var fields = try CacheFields(source, at: offset)
        guard let year = try fields.next("year").map(source.intValue), let month = try fields.next("month").map(source.intValue),
              let day = try fields.next("day").map(source.intValue), fields.isAtEnd
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// A body's source text and its rendered part's bytes, not decoded; nil when it has links
    /// (a store keeps none: such a body is decoded and stays in memory) or is not in this form.
    private func encodedBody(at offset: Int, digests: (page: ContentDigest, sections: ContentDigest)) throws
        -> (source: String, body: EncodedArticleBody)? {
        var fields = try CacheFields(source, at: offset)
        guard let text = try fields.next("source").map(source.stringValue), let renderedAt = try fields.next("rendered"), fields.isAtEnd
        else { return nil }
        var rendered = try CacheFields(source, at: renderedAt)
        guard try rendered.next("html") != nil, try rendered.next("headings") != nil, let linksAt = try rendered.next("links"),
              try source.container(at: linksAt, tag: CacheTag.unkeyed).count == 0
        else { return nil }
        let end = try source.end(ofValueAt: renderedAt)
        if let bodyPlace {
            let place = EncodedArticleBody.Place(file: bodyPlace.file, bytes: (bodyPlace.offset + renderedAt)..<(bodyPlace.offset + end))
            return (text, EncodedArticleBody(bytes: [], pageDigest: digests.page, sectionsDigest: digests.sections, place: place))
        }
        return (text, EncodedArticleBody(bytes: Array(source.slice(renderedAt..<end)), pageDigest: digests.page, sectionsDigest: digests.sections))
    }

    private func markdownText(at offset: Int) throws -> MarkdownText? {
        var fields = try CacheFields(source, at: offset)
        guard let text = try fields.next("source").map(source.stringValue), let renderedAt = try fields.next("rendered"), fields.isAtEnd,
              let rendered = try RenderedMarkdownReader(source: source).read(at: renderedAt)
        else { return nil }
        return MarkdownText(source: text, rendered: rendered)
    }

    /// An unkeyed container of strings; nil if there is none.
    private func strings(_ offset: Int?) throws -> [String]? {
        guard let offset else { return nil }
        return try source.list(at: offset, source.stringValue)
    }

    /// The references to other files' entries: every article that names a product or links to
    /// another has some (most of the benchmark's), and `Decodable` made each list a tenth of
    /// the entry's decoding. Read by `Decodable` when not in the form expected.
    private func references(at offset: Int) throws -> [ReferenceUse] {
        let read = try source.list(at: offset) { at -> ReferenceUse? in
            var fields = try CacheFields(source, at: at)
            guard let kindName = try fields.next("kind").map(source.stringValue), let kind = ReferenceKind(rawValue: kindName),
                  let value = try fields.next("value").map(source.stringValue), let file = try fields.next("file").map(source.stringValue),
                  let positionAt = try fields.next("position"), let position = try position(at: positionAt), fields.isAtEnd
            else { return nil }
            return ReferenceUse(kind: kind, value: value, file: file, position: position)
        }
        return try read ?? decodable(at: offset)
    }

    /// The links to headings of other files, as `references` reads those.
    private func pendingAnchors(at offset: Int) throws -> [PendingAnchor] {
        let read = try source.list(at: offset) { at -> PendingAnchor? in
            var fields = try CacheFields(source, at: at)
            guard let file = try fields.next("file").map(source.stringValue), let positionAt = try fields.next("position"),
                  let position = try position(at: positionAt), let target = try fields.next("target").map(source.stringValue),
                  let anchor = try fields.next("anchor").map(source.stringValue), fields.isAtEnd
            else { return nil }
            return PendingAnchor(file: file, position: position, target: target, anchor: anchor)
        }
        return try read ?? decodable(at: offset)
    }

    private func position(at offset: Int) throws -> SourcePosition? {
        var fields = try CacheFields(source, at: offset)
        guard let line = try fields.next("line").map(source.intValue), let column = try fields.next("column").map(source.intValue),
              fields.isAtEnd
        else { return nil }
        return SourcePosition(line: line, column: column)
    }

    /// A list most articles leave empty: an empty container is read here, any other by `Decodable`.
    private func decodable<Element: Decodable>(at offset: Int) throws -> [Element] {
        let (end, count, first) = try source.container(at: offset, tag: CacheTag.unkeyed)
        if count == 0, first == end { return [] }
        return try [Element](from: ValueDecoder(source: source, offset: offset))
    }
}
