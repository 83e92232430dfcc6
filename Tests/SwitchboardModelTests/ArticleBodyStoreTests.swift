import Foundation
import Testing
@testable import SwitchboardModel
import SwitchboardMarkdown

/// Articles' bodies kept in a temporary file by a build that runs once: each reads back as it
/// was put, from any thread; the file leaves nothing behind; a body it cannot read back is
/// reported, and the parse cache still writes the bodies themselves.
@Suite struct ArticleBodyStoreTests {
    private static let now = Instant("2026-11-26T12:00:00Z")!

    private static func body(_ n: Int) -> RenderedMarkdown {
        let first = MarkdownHeading(level: 2, text: "Before you call \(n)", id: "before-you-call-\(n)", line: 3 + n)
        let second = MarkdownHeading(level: 3, text: "Wi‑Fi « handsets » \(n)", id: "wi-fi-handsets", line: 40_000 + n)
        return RenderedMarkdown(html: "<p>Body \(n) — £1,000 per hour</p>\n" + String(repeating: "x", count: n * 37),
                                headings: [first, second], links: [],
                                sections: [MarkdownSection(heading: nil, text: "Lead \(n)."),
                                           MarkdownSection(heading: first, text: "Have the serial number ready. \(n)"),
                                           MarkdownSection(heading: second, text: "")])
    }

    @Test func aBodyReadsBackAsItWasPut() throws {
        let store = try #require(ArticleBodyStore())
        let bodies = (0..<300).map(Self.body)
        // Put from many threads at once: each body keeps its own place.
        let references = bodies.parallelMap { store.put($0) }
        for (body, reference) in zip(bodies, references) {
            let reference = try #require(reference)
            var page = body
            page.sections = []
            #expect(store.page(reference) == page)
            #expect(store.sections(reference) == body.sections)
            #expect(reference.sectionsDigest == ContentHasher.sectionsDigest(body.sections.map { ($0.heading?.id, $0.heading?.text, $0.text) }))
        }
        #expect(references[0] != references[1])
        #expect(!store.readFailed)
    }

    @Test func aBodyWithLinksStaysInMemory() throws {
        let store = try #require(ArticleBodyStore())
        var body = Self.body(1)
        body.links = [MarkdownLink(kind: .link, destination: "/kb/", line: 1, column: 1)]
        #expect(store.put(body) == nil)
    }

    @Test func theFileLeavesNothingBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("body-store-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try #require(ArticleBodyStore(directory: folder.path))
        #expect(store.put(Self.body(2)) != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(ArticleBodyStore(directory: folder.path + "/missing") == nil)
    }

    @Test func aBodyThatCannotBeReadBackIsReported() throws {
        let store = try #require(ArticleBodyStore())
        let reference = try #require(store.put(Self.body(3)))
        store.truncateForTesting()
        #expect(store.page(reference) == nil)
        #expect(store.readFailed)
        var article = try Self.articles(bodies: nil).first!
        article.storedBody = reference
        #expect(article.withBodyLoaded() == nil)
        #expect(article.pageBody.html.isEmpty)
    }

    private static func articles(bodies: ArticleBodyStore?, cache: ParseCache? = nil) throws -> [Article] {
        let result = SiteLoader(contentDirectory: PlaceholderTests.content, displayPath: "content", options: LoadOptions(now: now))
            .load(reusing: cache, bodies: bodies)
        return try #require(result.site, "\(result.diagnostics)").articles
    }

    /// A load with a store keeps each article's body there, whether parsed or decoded from the
    /// cache file, and reads it back whole; the parse cache writes the bodies themselves, not
    /// their places in this process's store.
    @Test func aLoadKeepsArticleBodiesInTheStoreAndTheCacheWritesThem() throws {
        let inMemory = try Self.articles(bodies: nil)
        let store = try #require(ArticleBodyStore())
        let cache = ParseCache()
        let stored = try Self.articles(bodies: store, cache: cache)
        #expect(stored.count == inMemory.count && stored.count > 5)
        for (kept, article) in zip(stored, inMemory) {
            #expect(kept.storedBody != nil && kept.body == .empty)
            #expect(kept.pageBody.html == article.body.html && kept.pageBody.headings == article.body.rendered.headings)
            #expect(kept.bodySections == article.body.rendered.sections)
            #expect(kept.withBodyLoaded() == article)
        }

        var written: [UInt8] = []
        _ = cache.write(identity: "test") { written += $0 }
        let restored = ParseCache()
        restored.restore(base: written, delta: nil, identity: "test")
        let reloaded = try Self.articles(bodies: nil, cache: restored)
        #expect(restored.lastDecodedCount > 5, "the articles came from the cache file")
        #expect(reloaded == inMemory)

        // Articles decoded from the cache file keep their bodies in a store too.
        let again = ParseCache()
        again.restore(base: written, delta: nil, identity: "test")
        let decoded = try Self.articles(bodies: try #require(ArticleBodyStore()), cache: again)
        #expect(again.lastDecodedCount > 5)
        #expect(decoded.allSatisfy { $0.storedBody != nil && $0.body == .empty })
        #expect(decoded.map { $0.withBodyLoaded() } == inMemory)
    }
}
