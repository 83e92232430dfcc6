import Testing
import SwitchboardModel
@testable import SwitchboardServe

@Suite struct PreviewResponderTests {
    static let article = "<!DOCTYPE html>\n<html><head><title>A</title></head><body><h1>A</h1></body></html>\n"
    static let files = SiteFiles([
        "index.html": Array("<!DOCTYPE html><html><HEAD></HEAD><body>home</body></html>".utf8),
        "kb/a/index.html": Array(article.utf8),
        "404.html": Array("<!DOCTYPE html><html><head></head><body>missing</body></html>".utf8),
        "assets/site.0a1b2c3d4e.css": Array("h1{}".utf8),
        "kb/feed.atom": Array("<feed/>".utf8),
        "sw.js": Array("self.x=1".utf8),
        "kb/only-assets/image.png": [0x89, 0x50],
    ])

    func responder(basePath: String = "", diagnostics: [Diagnostic]? = nil) -> PreviewResponder {
        let site = PreviewSite()
        site.apply(PreviewBuild(files: Self.files, diagnostics: [], basePath: basePath, fileCount: 1))
        if let diagnostics { site.apply(PreviewBuild(files: nil, diagnostics: diagnostics, basePath: basePath, fileCount: 1)) }
        return PreviewResponder(site: site)
    }

    func text(_ response: PreviewResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test func pagesAreTheBuiltBytesPlusOnlyThePreviewTags() {
        let response = responder().respond(method: "GET", rawPath: "/kb/a/")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        let tags = PreviewInjection.headTags(pageURL: "/kb/a/")
        #expect(tags.contains("<meta name=\"switchboard-preview\" content=\"1\">"))
        #expect(text(response) == Self.article.replacingOccurrences(of: "</head>", with: tags + "</head>"))
        // Upper-case tags too.
        #expect(text(responder().respond(method: "GET", rawPath: "/")).contains("<meta name=\"switchboard-preview\" content=\"1\"><script"))
    }

    @Test func otherOutputsAreServedAsBuiltWithTheirTypes() {
        let css = responder().respond(method: "GET", rawPath: "/assets/site.0a1b2c3d4e.css")
        #expect(css.body == Array("h1{}".utf8))
        #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        #expect(responder().respond(method: "GET", rawPath: "/kb/feed.atom").header("Content-Type") == "application/atom+xml; charset=utf-8")
        #expect(responder().respond(method: "GET", rawPath: "/kb/only-assets/image.png").header("Content-Type") == "image/png")
        #expect(responder().respond(method: "HEAD", rawPath: "/kb/a/").body.isEmpty)
        #expect(responder().respond(method: "POST", rawPath: "/kb/a/").status == 405)
    }

    @Test func missingPathsAnswer404WithTheSites404Page() {
        for path in ["/nope/", "/kb/only-assets/", "/kb/", "/sw.js"] {
            let response = responder().respond(method: "GET", rawPath: path)
            #expect(response.status == 404, "\(path)")
            #expect(text(response).contains("missing"), "\(path)")
            #expect(text(response).contains("switchboard-preview"), "\(path)")
        }
        #expect(responder(basePath: "/docs").respond(method: "GET", rawPath: "/elsewhere/").status == 404)
    }

    @Test func foldersWithoutTheSlashRedirect() {
        let response = responder().respond(method: "GET", rawPath: "/kb/a")
        #expect(response.status == 301)
        #expect(response.header("Location") == "/kb/a/")
        #expect(responder(basePath: "/docs").respond(method: "GET", rawPath: "/").header("Location") == "/docs/")
        #expect(responder(basePath: "/docs").respond(method: "GET", rawPath: "/docs/kb/a/").status == 200)
    }

    @Test func traversalIsABadRequest() {
        #expect(responder().respond(method: "GET", rawPath: "/%2e%2e/%2e%2e/etc/passwd").status == 400)
        #expect(responder().respond(method: "GET", rawPath: "/../etc/passwd").status == 400)
    }

    @Test func theOverlayShowsEscapedDiagnosticsOverTheLastGoodBuild() {
        let diagnostic = Diagnostic(file: "content/kb/a.md", position: SourcePosition(line: 3, column: 7), id: "yaml-syntax",
                                    message: "expected <key>: \"value\" & more")
        let response = responder(diagnostics: [diagnostic]).respond(method: "GET", rawPath: "/kb/a/")
        let page = text(response)
        #expect(page.contains("<h1>A</h1>"))
        #expect(page.contains("id=\"switchboard-overlay\""))
        #expect(page.contains("content/kb/a.md:3:7"))
        #expect(page.contains("expected &lt;key&gt;: &quot;value&quot; &amp; more"))
        #expect(page.contains("[yaml-syntax]"))
        #expect(!page.contains("<key>"))
        #expect(page.range(of: "switchboard-overlay")!.lowerBound > page.range(of: "<h1>A</h1>")!.lowerBound)
        // Not in stylesheets.
        #expect(responder(diagnostics: [diagnostic]).respond(method: "GET", rawPath: "/assets/site.0a1b2c3d4e.css").body == Array("h1{}".utf8))
    }

    @Test func theScriptIsServed() {
        let response = responder().respond(method: "GET", rawPath: PreviewInjection.scriptPath)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(text(response).contains("liveCSS"))
    }
}
