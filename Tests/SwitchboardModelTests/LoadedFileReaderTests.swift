import Testing
import SwitchboardMarkdown
@testable import SwitchboardModel

/// The parse cache reads parsed articles, FAQs and policies without `Decodable` (`LoadedFileReader`). It must give
/// exactly what `Decodable` gives from the same bytes, and give nothing (leaving the bytes to
/// `Decodable`) rather than a wrong value when they are in another form.
@Suite struct LoadedFileReaderTests {
    static let position = SourcePosition(line: 4, column: 9)

    static func article(full: Bool) -> LoadedFile {
        var info = EntryInfo(path: "kb/returns/doa.md", slug: "doa", url: full ? "/kb/returns/doa/" : nil)
        if full {
            info.draft = true
            info.aliases = [Alias(path: "/kb/old-doa/", file: "kb/returns/doa.md", position: position)]
        }
        let body = MarkdownText(source: full ? "kept" : "", rendered: RenderedMarkdown(
            html: full ? "<h2 id=\"steps\">Steps</h2>\n<p>Réseau — 電話</p>\n" : "",
            headings: full ? [MarkdownHeading(level: 2, text: "Steps", id: "steps", line: 3)] : [],
            links: full ? [MarkdownLink(kind: .link, destination: "/kb/x/", line: 5, column: 2)] : [],
            sections: [MarkdownSection(heading: nil, text: full ? "Before." : "")]))
        let article = Article(
            info: info, category: "returns", title: "Dead on arrival", summary: full ? "What to do." : "",
            products: full ? ["ucm", "trunk"] : [], tags: full ? ["rma"] : [],
            updated: full ? Day(year: 2026, month: 2, day: 29) : nil, draft: full, related: full ? ["kb/x"] : [],
            promoted: full, body: body)
        return LoadedFile(
            file: DiscoveredFile(path: "kb/returns/doa.md", absolutePath: "/c/kb/returns/doa.md", collection: .articles,
                                 slug: "doa", category: full ? "returns" : nil),
            entry: .article(article),
            diagnostics: full ? [Diagnostic(file: "kb/returns/doa.md", position: position, severity: .warning, id: "x", message: "m")] : [],
            references: full ? [ReferenceUse(kind: .product, value: "ucm", file: "kb/returns/doa.md", position: position)] : [],
            pendingAnchors: full ? [PendingAnchor(file: "kb/returns/doa.md", position: position, target: "kb/x.md", anchor: "a")] : [],
            anchors: full ? ["steps", "intro"] : [])
    }

    static func faq(full: Bool) -> LoadedFile {
        var file = article(full: full)
        guard case .article(let a)? = file.entry else { return file }
        file.entry = .faq(FAQ(info: a.info, question: "Is it on?", category: full ? "Billing" : "General", products: a.products,
                              related: a.related, order: full ? 3 : Int.max, answer: a.body))
        return file
    }

    /// The fields of a `PolicyChange`, which has no memberwise initialiser: encoded, they decode as one.
    struct ChangeFields: Codable {
        var version = "2.1"
        var date = Day(year: 2025, month: 11, day: 30)
        var summary = "Rates changed."
        var position = SourcePosition(line: 7, column: 3)
    }

    static func policy(full: Bool) throws -> LoadedFile {
        var file = article(full: full)
        guard case .article(let a)? = file.entry else { return file }
        let change = try CacheDecoder.decode(PolicyChange.self, from: CacheEncoder.encode(ChangeFields())[...])
        file.entry = .policy(Policy(
            info: a.info, title: "Support", summary: a.summary, section: full ? "Hours" : nil, version: "2.1",
            effective: Day(year: 2025, month: 12, day: 1), effectiveIsMonth: full, reviewBy: full ? Day(year: 2026, month: 6, day: 1) : nil,
            owner: full ? "Support desk" : nil, order: full ? 2 : Int.max, products: a.products, changes: full ? [change] : [],
            replaces: full ? "old-support" : nil, body: a.body))
        return file
    }

    static func samples() throws -> [LoadedFile] {
        try [true, false].flatMap { full in [article(full: full), faq(full: full), try policy(full: full)] }
    }

    static func decodable(_ bytes: [UInt8]) -> LoadedFile? {
        try? LoadedFile(from: ValueDecoder(source: CacheSource(bytes), offset: 0))
    }

    static func reader(_ bytes: [UInt8]) -> LoadedFile? {
        (try? LoadedFileReader(source: CacheSource(bytes)).read(at: 0)) ?? nil
    }

    /// Whether two files hold the same values. `LoadedFile` is not `Equatable`; its parts are compared
    /// by value where they are, and the rest by their encoding, which for arrays is deterministic
    /// (the anchors, a set, are compared as a set).
    static func same(_ a: LoadedFile?, _ b: LoadedFile?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        let entries: Bool
        switch (a.entry, b.entry) {
        case (.article(let x)?, .article(let y)?): entries = x == y
        case (.faq(let x)?, .faq(let y)?): entries = (try? CacheEncoder.encode(x)) == (try? CacheEncoder.encode(y))
        case (.policy(let x)?, .policy(let y)?): entries = (try? CacheEncoder.encode(x)) == (try? CacheEncoder.encode(y))
        default: return false
        }
        return entries && a.file.path == b.file.path && a.file.absolutePath == b.file.absolutePath
            && a.file.collection == b.file.collection && a.file.slug == b.file.slug && a.file.category == b.file.category
            && a.diagnostics == b.diagnostics && a.anchors == b.anchors
            && (try? CacheEncoder.encode(a.references)) == (try? CacheEncoder.encode(b.references))
            && (try? CacheEncoder.encode(a.pendingAnchors)) == (try? CacheEncoder.encode(b.pendingAnchors))
    }

    @Test func readsWhatSynthesizedEncodingWrote() throws {
        for value in try Self.samples() {
            let bytes = try CacheEncoder.encode(value)
            let read = try #require(Self.reader(bytes))
            #expect(Self.same(read, value))
            #expect(Self.same(read, Self.decodable(bytes)))
            #expect(Self.same(try CacheDecoder.decode(LoadedFile.self, from: bytes[...]), value))
        }
        // The comparison can fail: each sample differs from every other.
        let samples = try Self.samples()
        for (i, a) in samples.enumerated() {
            for (j, b) in samples.enumerated() where i != j { #expect(!Self.same(a, b), "\(i) \(j)") }
        }
    }

    /// Every single-byte change: the reader gives what `Decodable` gives, or nothing.
    @Test(arguments: ["article", "faq", "policy"]) func neverDisagreesWithDecodable(kind: String) throws {
        let sample = kind == "article" ? Self.article(full: true) : kind == "faq" ? Self.faq(full: true) : try Self.policy(full: true)
        let bytes = try CacheEncoder.encode(sample)
        var read = 0
        forEachByteFlip(of: bytes) { copy, label in
            guard let fast = Self.reader(copy) else { return }
            read += 1
            #expect(Self.same(fast, Self.decodable(copy)), "\(label)")
        }
        #expect(read > 0)
        for length in 0..<bytes.count { #expect(Self.reader(Array(bytes[..<length])) == nil) }
    }

    /// Other entries, and a file without one, are left to `Decodable`.
    @Test func leavesOtherEntriesToDecodable() throws {
        var faq = Self.article(full: false)
        faq.entry = .asset
        let bytes = try CacheEncoder.encode(faq)
        #expect(Self.reader(bytes) == nil)
        let decoded = try CacheDecoder.decode(LoadedFile.self, from: bytes[...])
        guard case .asset? = decoded.entry else { Issue.record("not an asset: \(String(describing: decoded.entry))"); return }

        var none = Self.article(full: false)
        none.entry = nil
        #expect(Self.reader(try CacheEncoder.encode(none)) == nil)
        #expect(try CacheDecoder.decode(LoadedFile.self, from: CacheEncoder.encode(none)[...]).entry == nil)
    }
}
