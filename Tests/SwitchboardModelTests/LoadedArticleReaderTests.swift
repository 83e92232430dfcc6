import Testing
import SwitchboardMarkdown
@testable import SwitchboardModel

/// The parse cache reads parsed articles without `Decodable` (`LoadedArticleReader`). It must give
/// exactly what `Decodable` gives from the same bytes, and give nothing (leaving the bytes to
/// `Decodable`) rather than a wrong value when they are in another form.
@Suite struct LoadedArticleReaderTests {
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

    static func decodable(_ bytes: [UInt8]) -> LoadedFile? {
        try? LoadedFile(from: ValueDecoder(source: CacheSource(bytes), offset: 0))
    }

    static func reader(_ bytes: [UInt8]) -> LoadedFile? {
        (try? LoadedArticleReader(source: CacheSource(bytes)).read(at: 0)) ?? nil
    }

    /// Whether two files hold the same values. `LoadedFile` is not `Equatable`; its parts are compared
    /// by value where they are, and the rest by their encoding, which for arrays is deterministic.
    static func same(_ a: LoadedFile?, _ b: LoadedFile?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard case .article(let x)? = a.entry, case .article(let y)? = b.entry else { return false }
        return x == y && a.file.path == b.file.path && a.file.absolutePath == b.file.absolutePath
            && a.file.collection == b.file.collection && a.file.slug == b.file.slug && a.file.category == b.file.category
            && a.diagnostics == b.diagnostics && a.anchors == b.anchors
            && (try? CacheEncoder.encode(a.references)) == (try? CacheEncoder.encode(b.references))
            && (try? CacheEncoder.encode(a.pendingAnchors)) == (try? CacheEncoder.encode(b.pendingAnchors))
    }

    @Test func readsWhatSynthesizedEncodingWrote() throws {
        for full in [true, false] {
            let value = Self.article(full: full)
            let bytes = try CacheEncoder.encode(value)
            let read = try #require(Self.reader(bytes))
            #expect(Self.same(read, value))
            #expect(Self.same(read, Self.decodable(bytes)))
            #expect(Self.same(try CacheDecoder.decode(LoadedFile.self, from: bytes[...]), value))
        }
        // The fixture is not trivially equal to itself whatever the reader does: another article differs.
        #expect(!Self.same(Self.article(full: true), Self.article(full: false)))
    }

    /// Every single-byte change: the reader gives what `Decodable` gives, or nothing.
    @Test func neverDisagreesWithDecodable() throws {
        let bytes = try CacheEncoder.encode(Self.article(full: true))
        var read = 0
        for index in bytes.indices {
            for flip: UInt8 in [0x01, 0x20, 0x80, 0xFF] {
                var copy = bytes
                copy[index] ^= flip
                guard let fast = Self.reader(copy) else { continue }
                read += 1
                #expect(Self.same(fast, Self.decodable(copy)), "byte \(index) ^ \(flip)")
            }
        }
        #expect(read > 0)
        for length in 0..<bytes.count { #expect(Self.reader(Array(bytes[..<length])) == nil) }
    }

    /// Files that are not articles, and articles in another form, are left to `Decodable`.
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
