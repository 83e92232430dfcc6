import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel
import SwitchboardMarkdown

/// Without a memo to keep them in (`switchboard build`), the knowledge base's article pages are
/// planned without their contexts, which each render batch makes for its own pages: a build
/// then holds the contexts of the pages it is rendering, not every article's. A page made late
/// is the page made early: the same digest, the same bytes.
@Suite struct LateContextTests {
    private static func builder() throws -> SiteBuilder {
        let folder = CompiledTemplateTests.repository.appendingPathComponent("content").path
        let loaded = SiteLoader(contentDirectory: folder, options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
        let site = try #require(loaded.site, "\(loaded.diagnostics)")
        let (theme, _) = TemplateSet.load(directory: CompiledTemplateTests.repository.appendingPathComponent("templates").path)
        return SiteBuilder(site: site, templates: try #require(theme))
    }

    @Test func articlePagesArePlannedWithoutTheirContexts() throws {
        let builder = try Self.builder()
        let articles = builder.plan().pages.filter { $0.template == "article" }
        #expect(articles.count > 10)
        #expect(articles.allSatisfy { $0.context.isEmpty && $0.lateContext != nil })

        var withMemo = builder
        withMemo.articleMemo = ArticlePageMemo()
        let early = withMemo.plan().pages.filter { $0.template == "article" }
        #expect(early.allSatisfy { !$0.context.isEmpty && $0.lateContext == nil }, "a memo keeps finished specs")

        let renderer = builder.renderer()
        #expect(articles.map(\.url) == early.map(\.url))
        for (late, made) in zip(articles, early) {
            #expect(renderer.digest(late) == renderer.digest(made), "\(late.url)")
            let sameBytes = renderer.render(late).bytes == renderer.render(made).bytes
            #expect(sameBytes, "\(late.url)")
            #expect(late.finished().lateContext == nil && !late.finished().context.isEmpty)
        }
    }

    /// An article page's digest is the hash of its inputs (`ArticlePageMemo.Inputs.pageDigest`),
    /// which must cover every field the page could read. These counts fail when `Article` or the
    /// inputs gain a field: add it to `pageDigest`, then here.
    @Test func thePageDigestCoversEveryInput() throws {
        let builder = try Self.builder()
        let article = try #require(builder.site.articles.first)
        #expect(Mirror(reflecting: article).children.map { $0.label ?? "" }
                == ["info", "category", "title", "summary", "products", "tags", "updated", "draft", "related", "promoted", "body", "storedBody", "encodedBody"])
        #expect(Mirror(reflecting: article.info).children.map { $0.label ?? "" } == ["path", "slug", "url", "draft", "aliases"])
        let inputs = ArticlePageMemo.Inputs(article: article, categoryTitle: "Returns", related: [], productNames: [], basePath: "",
                                            repositoryURL: nil)
        #expect(Mirror(reflecting: inputs).children.map { $0.label ?? "" }
                == ["article", "categoryTitle", "related", "productNames", "basePath", "repositoryURL"])
        // And each kind of input moves it.
        var changed: [ArticlePageMemo.Inputs] = []
        for change in 0..<6 {
            var other = inputs
            switch change {
            case 0: other.article.title += "!"
            case 1: other.article.body.rendered.html += "<p>more</p>"
            case 2: other.article.body.rendered.headings.append(MarkdownHeading(level: 2, text: "New", id: "new", line: 9))
            case 3: other.related = [EntryIndex.Linked(title: "A", url: "/a/", type: "Article")]
            case 4: other.categoryTitle = "Devices"
            default: other.article.tags.append("new-tag")
            }
            changed.append(other)
        }
        let digests = Set(([inputs] + changed).map(\.pageDigest))
        #expect(digests.count == 7)
    }

    /// A session's pages keep their digests whichever way their contexts were made: `serve`
    /// (a memo, contexts made early) after `switchboard build` (late) renders nothing again.
    @Test func aPageMadeLateKeepsItsDigest() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        var configuration = workspace.configuration()
        configuration.buildsOnce = true
        let session = BuildSession(configuration: configuration, sink: MemorySink())
        #expect(session.build().renderedPages > 20)
        session.configuration.buildsOnce = false
        let again = session.build(carryingOver: false)
        #expect(again.succeeded)
        #expect(again.renderedPages == 0)
    }
}
