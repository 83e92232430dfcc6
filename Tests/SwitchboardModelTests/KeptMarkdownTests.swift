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

    @Test func aMarkdownFieldKeepsItsSource() {
        var linker = PageLinker(map: ContentMap(files: [], basePath: ""), path: "status/incidents/x.yml", options: MarkdownOptions())
        var diagnostics = DiagnosticCollector(file: "x")
        let field = linker.render("Calls *fail* to connect.", lineOffset: 0, diagnostics: &diagnostics)
        #expect(field.source == "Calls *fail* to connect.")
        let body = linker.render("Calls *fail* to connect.", lineOffset: 0, keepingSource: false, diagnostics: &diagnostics)
        #expect(body.source.isEmpty && body.html == field.html)
    }
}
