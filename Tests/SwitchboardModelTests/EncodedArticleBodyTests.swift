import Foundation
import Testing
import SwitchboardMarkdown
@testable import SwitchboardModel

/// An unchanged article taken from the parse cache by a load that keeps bodies in a store: its
/// body goes to the store as the cache encoded it, with the hashes kept in the entry, and reads
/// back as the parsed body; a body with links, or a load without a store, decodes it as before.
@Suite struct EncodedArticleBodyTests {
    private static func article(links: Bool) -> (LoadedFile, RenderedMarkdown) {
        let heading = MarkdownHeading(level: 2, text: "Before you call", id: "before-you-call", line: 3)
        let rendered = RenderedMarkdown(
            html: "<p>Réseau — 電话 £1,000</p>\n<h2 id=\"before-you-call\">Before you call</h2>\n",
            headings: [heading], links: links ? [MarkdownLink(kind: .link, destination: "/kb/x/", line: 5, column: 2)] : [],
            sections: [MarkdownSection(heading: nil, text: "Lead."), MarkdownSection(heading: heading, text: "Have the serial number ready.")])
        let article = Article(info: EntryInfo(path: "kb/returns/doa.md", slug: "doa", url: "/kb/returns/doa/"), category: "returns",
                              title: "Dead on arrival", summary: "What to do.", products: ["ucm"], tags: [], updated: nil, draft: false,
                              related: [], promoted: false, body: MarkdownText(source: "", rendered: rendered))
        let file = LoadedFile(file: DiscoveredFile(path: "kb/returns/doa.md", absolutePath: "/c/kb/returns/doa.md", collection: .articles,
                                                   slug: "doa", category: "returns"),
                              entry: .article(article), diagnostics: [], references: [], pendingAnchors: [], anchors: ["before-you-call"])
        return (file, rendered)
    }

    private static func entry(_ file: LoadedFile) throws -> CacheBlob {
        CacheBlob(try #require(ParseCache.encoded(file, reads: ContentMapReads())))
    }

    @Test func aBodyGoesToTheStoreUndecodedAndReadsBackAsParsed() throws {
        let (file, rendered) = Self.article(links: false)
        let blob = try Self.entry(file)
        let kept = try #require(ParseCache.decoded(blob, keepingBodyEncoded: true))
        guard case .article(let article)? = kept.entry else { Issue.record("not an article"); return }
        let encoded = try #require(article.encodedBody)
        #expect(article.body.rendered.html.isEmpty)
        // The hashes are the parsed body's, as a store that took the body decoded makes them.
        #expect(encoded.pageDigest == ContentHasher.pageBodyDigest(rendered))
        #expect(encoded.sectionsDigest == ContentHasher.sectionsDigest(rendered.sections.map { ($0.heading?.id, $0.heading?.text, $0.text) }))
        #expect(article.pageBodyDigest == ContentHasher.pageBodyDigest(rendered))

        let store = try #require(ArticleBodyStore())
        let stored = article.storingBody(in: store)
        #expect(stored.encodedBody == nil)
        let reference = try #require(stored.storedBody)
        var page = rendered
        page.sections = []
        #expect(stored.pageBody == page)
        #expect(stored.bodySections == rendered.sections)
        #expect(reference.pageDigest == encoded.pageDigest)
        #expect(reference.sectionsDigest == encoded.sectionsDigest)
        // Written to the parse cache again, it is the entry it came from.
        let again = try #require(ParseCache.encoded(kept.storingBody(in: store), reads: ContentMapReads()))
        #expect(again == Array(blob.bytes))
        #expect(!store.readFailed)

        // Without a store the same entry decodes whole, as the parsed file.
        #expect(LoadedFileReaderTests.same(ParseCache.decoded(blob), file))
    }

    /// An entry read from a cache file left on disk names its body's place in that file: the
    /// store reads the body from there, copying nothing into its own file, and still reads it
    /// once a new cache file has been renamed over the old one.
    @Test func aBodyInACacheFileIsReadFromThere() throws {
        let (file, rendered) = Self.article(links: false)
        let other = LoadedFile(file: DiscoveredFile(path: "kb/a.md", absolutePath: "/c/kb/a.md", collection: .articles, slug: "a", category: "x"),
                               entry: nil, diagnostics: [], references: [], pendingAnchors: [], anchors: [])
        let entries = [CacheEntryFile.Entry(name: "kb/a.md", key: ContentDigest([1]), blob: CacheBlob(try #require(ParseCache.encoded(other, reads: ContentMapReads())))),
                       CacheEntryFile.Entry(name: "kb/returns/doa.md", key: ContentDigest([2]), blob: try Self.entry(file))]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bodies-\(getpid())-\(UUID().uuidString)").path
        defer { unlink(path) }
        try Data(CacheEntryFile.serialize(header: "test\n", identity: "me", entries: entries)).write(to: URL(fileURLWithPath: path))
        let index = try #require(CacheEntryIndex(path: path, header: "test\n", identity: "me"))
        let kept = try #require(ParseCache.Stored.file(index, index.entries[1]).decoded(keepingBodyEncoded: true))
        guard case .article(let article)? = kept.entry else { Issue.record("not an article"); return }
        let encoded = try #require(article.encodedBody)
        #expect(encoded.place != nil)
        #expect(encoded.bytes.isEmpty)

        let store = try #require(ArticleBodyStore())
        let stored = article.storingBody(in: store)
        // Nothing of it is in the store's own file: emptied, it still reads back.
        store.truncateForTesting()
        try Data([9, 9, 9]).write(to: URL(fileURLWithPath: path + ".new"))
        #expect(rename(path + ".new", path) == 0)
        var page = rendered
        page.sections = []
        #expect(stored.pageBody == page)
        #expect(stored.bodySections == rendered.sections)
        #expect(!store.readFailed)
        #expect(ParseCache.encoded(kept.storingBody(in: store), reads: ContentMapReads()) == Array(entries[1].blob.bytes))
    }

    /// A store keeps no links: a body with some is decoded and stays in memory.
    @Test func aBodyWithLinksIsDecoded() throws {
        let (file, _) = Self.article(links: true)
        let kept = try #require(ParseCache.decoded(try Self.entry(file), keepingBodyEncoded: true))
        #expect(LoadedFileReaderTests.same(kept, file))
    }

    /// Bytes kept in the store that are not a body fail the build rather than show an empty page.
    @Test func anUnreadableEncodedBodyIsReported() throws {
        let store = try #require(ArticleBodyStore())
        let reference = try #require(store.put(encoded: EncodedArticleBody(bytes: [7, 7, 7], pageDigest: ContentDigest([1]),
                                                                           sectionsDigest: ContentDigest([2]))))
        #expect(store.page(reference) == nil)
        #expect(store.readFailed)
    }
}
