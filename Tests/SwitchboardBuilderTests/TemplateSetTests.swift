import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

@Suite struct TemplateSetTests {
    @Test func escapingMatchesMustacheHTMLEscaping() {
        #expect(HTMLEscaping.escape("plain text") == "plain text")
        #expect(HTMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscaping.escape("café & naïve") == "café &amp; naïve")
        // Escapes first, last, side by side and alone; runs between them copied whole.
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("<") == "&lt;")
        #expect(HTMLEscaping.escape("&&") == "&amp;&amp;")
        #expect(HTMLEscaping.escape("'a'") == "&#39;a&#39;")
        #expect(HTMLEscaping.escape("x<>\"y") == "x&lt;&gt;&quot;y")
        #expect(HTMLEscaping.escape("電話 <SIP> ok") == "電話 &lt;SIP&gt; ok")
    }

    @Test func variablesAreEscapedAndTripleBracesAreNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-templates-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{! a comment line }}\n<p>{{text}}</p>{{{html}}}\n".write(to: folder.appendingPathComponent("layout.mustache"), atomically: true, encoding: .utf8)
        let (set, diagnostics) = TemplateSet.load(directory: folder.path)
        #expect(diagnostics.isEmpty)
        let rendered = try #require(set).render(["text": "<b>", "html": "<i>x</i>"].templateObject(), with: "layout")
        #expect(rendered == "<p>&lt;b&gt;</p><i>x</i>\n")
    }

    @Test func aBrokenTemplateIsADiagnosticAtItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-broken-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "ok\n{{/nothing}}\n".write(to: folder.appendingPathComponent("layout.mustache"), atomically: true, encoding: .utf8)
        let (set, diagnostics) = TemplateSet.load(directory: folder.path, displayPath: "templates")
        #expect(set == nil)
        #expect(diagnostics.map(\.id) == ["template-syntax"])
        #expect(diagnostics.first?.file == "templates/layout.mustache")
        #expect(diagnostics.first?.line == 2)
    }
}
