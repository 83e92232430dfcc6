import Foundation
import Testing
@testable import SwitchboardModel
import SwitchboardMarkdown

/// A file's body keeps only what was rendered: not its Markdown source, not the list of links
/// (both were read only while rendering, and a long-lived `serve` kept them for every article).
@Suite struct KeptMarkdownTests {
    @Test func aFilesBodyKeepsItsHTMLAndSectionsOnly() throws {
        let result = SiteLoader(contentDirectory: PlaceholderTests.content, displayPath: "content",
                                options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
        let site = try #require(result.site, "\(result.diagnostics)")
        let article = try #require(site.articles.first { $0.info.slug == "ascom-i63-caveats" })
        #expect(article.body.source.isEmpty)
        #expect(article.body.rendered.links.isEmpty)
        #expect(article.body.html.contains("<a href=\"/policies/third-party-sip-devices/#ascom-i63\">"), "links were rewritten")
        #expect(!article.body.rendered.sections.isEmpty && !article.body.rendered.headings.isEmpty)
    }

    /// What a build that runs once hands on after planning its pages: the articles without their
    /// bodies, everything else as it was.
    @Test func aSiteWithoutArticleBodiesKeepsEverythingElse() throws {
        let result = SiteLoader(contentDirectory: PlaceholderTests.content, displayPath: "content",
                                options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
        let site = try #require(result.site, "\(result.diagnostics)")
        #expect(site.articles.contains { !$0.body.html.isEmpty })
        let lean = site.withoutArticleBodies()
        #expect(lean.articles.count == site.articles.count)
        #expect(lean.articles.allSatisfy { $0.body == .empty })
        for (kept, full) in zip(lean.articles, site.articles) {
            var bodiless = full
            bodiless.body = .empty
            #expect(kept == bodiless)
        }
        #expect(lean.policies.map(\.body) == site.policies.map(\.body), "only articles lose their bodies")
        #expect(lean.basePath == site.basePath && lean.faqs.count == site.faqs.count)
    }

    @Test func aMarkdownFieldKeepsItsSource() {
        var linker = PageLinker(map: ContentMap(files: [], basePath: ""), path: "status/incidents/x.yml", options: MarkdownOptions())
        var diagnostics = DiagnosticCollector(file: "x")
        let field = linker.render("Calls *fail* to connect.", lineOffset: 0, diagnostics: &diagnostics)
        #expect(field.source == "Calls *fail* to connect.")
        let body = linker.render("Calls *fail* to connect.", lineOffset: 0, keepingSource: false, diagnostics: &diagnostics)
        #expect(body.source.isEmpty && body.html == field.html)
    }
}
