import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// Related articles: explicit ones first, then shared tags before shared products, and
/// spread over the whole knowledge base rather than drawn from its first articles.
@Suite struct EntryIndexTests {
    /// A knowledge base of `count` articles in one category, all about one product; every
    /// tenth article also has the tag `routing`.
    static func site(articles count: Int) throws -> (Site, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-related-\(getpid())-\(count)")
        try? FileManager.default.removeItem(at: root)
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: IncrementalBuildTests.repository.appendingPathComponent("content"), to: content)
        let folder = content.appendingPathComponent("kb/generated")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "title: Generated\nsummary: Articles made by the test.\n".write(to: folder.appendingPathComponent("_category.yml"), atomically: false, encoding: .utf8)
        for n in 0..<count {
            let tags = n % 10 == 0 ? "\ntags: [routing]" : ""
            let text = "---\ntitle: Generated article \(n)\nsummary: Made by the test.\nproducts: [ipecs-cloud]\(tags)\n---\nText.\n"
            try text.write(to: folder.appendingPathComponent(String(format: "generated-%04d.md", n)), atomically: false, encoding: .utf8)
        }
        let loaded = SiteLoader(contentDirectory: content.path, options: LoadOptions(now: Instant(secondsSinceEpoch: 0))).load()
        return (try #require(loaded.site, "\(loaded.diagnostics)"), root)
    }

    @Test func relatedArticlesAreSpreadOverTheWholeKnowledgeBase() throws {
        let (site, root) = try Self.site(articles: 400)
        defer { try? FileManager.default.removeItem(at: root) }
        let index = EntryIndex(site)
        var listedBy: [String: Int] = [:]
        let generated = site.articles.filter { $0.category == "generated" }
        for article in generated {
            let related = index.relatedEntries(to: article)
            #expect(related.count == 5, "\(article.info.slug)")
            for entry in related { listedBy[entry.url, default: 0] += 1 }
        }
        // Five links from each of 400 articles: reading every product's list from its start
        // gave the first articles hundreds of inbound links and most of the rest none.
        let most = listedBy.values.max() ?? 0
        #expect(most <= 15, "one article is listed as related by \(most) others")
        #expect(listedBy.count > generated.count / 2, "only \(listedBy.count) articles are ever listed")
    }

    @Test func sharedTagsComeBeforeSharedProductsAndNeighboursBeforeTheRest() throws {
        let (site, root) = try Self.site(articles: 60)
        defer { try? FileManager.default.removeItem(at: root) }
        let index = EntryIndex(site)
        let article = try #require(site.articles.first { $0.info.slug == "generated-0030" })
        let urls = index.relatedEntries(to: article).map(\.url)
        // 0030 has the tag: the other tagged articles nearest to it first, then its neighbours.
        #expect(urls == ["/kb/generated/generated-0020/", "/kb/generated/generated-0040/",
                         "/kb/generated/generated-0010/", "/kb/generated/generated-0050/",
                         "/kb/generated/generated-0000/"])
        let untagged = try #require(site.articles.first { $0.info.slug == "generated-0033" })
        #expect(index.relatedEntries(to: untagged).map(\.url).prefix(2) ==
                ["/kb/generated/generated-0032/", "/kb/generated/generated-0034/"])
    }
}
