import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The link check on hand-made outputs: each kind of reference, broken and sound.
@Suite struct OutputLinkCheckTests {
    static let base = "https://support.example.com/docs/"

    func check(_ files: [String: String]) -> [String] {
        let outputs = files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value) }
        return OutputLinkCheck.check(outputs, baseURL: Self.base, displayRoot: "public").map { "\($0.file):\($0.position) \($0.id)" }
    }

    let sound: [String: String] = [
        "index.html": "<a href=\"/docs/kb/\">KB</a> <a href=\"#top\">up</a><h2 id=\"top\">T</h2><img src=\"/docs/a.png\" srcset=\"/docs/a.png 1x, /docs/a@2x.png 2x\">"
            + "<a href='kb/x/#step'>x</a><a href=https://elsewhere.example.com/nothing>out</a><a href=\"mailto:a@b.example\">m</a>",
        "kb/index.html": "<p style=\"background: url('/docs/a.png')\">KB</p>",
        "kb/x/index.html": "<h2 id=\"step\">Step</h2><a href=\"../\">up</a><a href=\"/docs/kb\">KB without slash</a>",
        "a.png": "png", "a@2x.png": "png",
        "site.css": "body { background: url(a.png) } /* url(commented-out.png) */",
        "kb/feed.atom": "<feed><link href=\"https://support.example.com/docs/kb/\"/><entry><link href=\"https://support.example.com/docs/kb/x/\"/></entry></feed>",
        "sitemap.xml": "<urlset><url><loc>https://support.example.com/docs/kb/x/</loc></url></urlset>",
        "status/api/v2/summary.json": "{\"shortlink\": \"https://support.example.com/docs/kb/x/\"}",
        "search.js": "fetch('/docs/nothing-checked-in-scripts.json')",
    ]

    @Test func aSoundSiteHasNoDiagnostics() {
        #expect(check(sound) == [])
    }

    @Test func eachKindOfBrokenReferenceIsFoundAtItsPlace() {
        var files = sound
        files["index.html"]! += "\n<img src=\"/docs/gone.png\">"                              // src
        files["kb/index.html"]! += "\n<img srcset=\"/docs/a.png 1x, /docs/gone@2x.png 2x\">"   // srcset
        files["site.css"]! += "\n.x { background: url(\"gone.svg\") }"                      // url()
        files["kb/feed.atom"] = "<feed>\n<link href=\"https://support.example.com/docs/kb/gone/\"/></feed>" // a feed link
        files["status/api/v2/summary.json"] = "{\n\"shortlink\": \"https://support.example.com/docs/status/gone/\"}" // status API
        files["sitemap.xml"] = "<urlset><url>\n<loc>https://support.example.com/docs/missing/</loc></url></urlset>"
        files["kb/x/index.html"]! += "\n<a href=\"/docs/#nowhere\">fragment</a>"           // fragment
        files["kb/x/index.html"]! += "\n<a href=\"/elsewhere/\">outside the base path</a>"
        #expect(check(files) == [
            "public/index.html:2:11 broken-reference",
            "public/kb/feed.atom:2:13 broken-reference",
            "public/kb/index.html:2:14 broken-reference",
            "public/kb/x/index.html:2:10 missing-fragment",
            "public/kb/x/index.html:3:10 broken-reference",
            "public/site.css:2:23 broken-reference",
            "public/sitemap.xml:2:6 broken-reference",
            "public/status/api/v2/summary.json:2:15 broken-reference",
        ])
    }

    @Test func aTargetBrokenOnEveryPageIsOneDiagnostic() {
        var files: [String: String] = [:]
        for page in 0..<50 { files["p\(page)/index.html"] = "<a href=\"/docs/gone/\">x</a>" }
        let found = OutputLinkCheck.check(files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value) },
                                          baseURL: Self.base, displayRoot: "public")
        #expect(found.count == 1)
        #expect(found.first?.message.hasSuffix("(and 49 other places)") == true)
    }
}
