import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

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
