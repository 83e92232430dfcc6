import Foundation
import Mustache
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
        let theme = try #require(set)
        let context: TemplateContext = ["text": "<b>", "html": "<i>x</i>"]
        let compiled = try #require(theme.compiled["layout"]).render(TemplateFields(context))
        let reference = theme.everyTemplateLibrary().render(context.templateObject(), withTemplate: "layout")
        #expect(compiled == "<p>&lt;b&gt;</p><i>x</i>\n")
        #expect(reference == compiled)
    }

    /// swift-mustache parses only what renders through it: templates the compiled renderer does
    /// not accept and what they include. The others are not in its library.
    @Test func onlyTemplatesLeftToSwiftMustacheAreParsedByIt() throws {
        let (set, diagnostics) = try Self.load([
            "layout": "<main>{{{page.content}}}</main>\n",
            "plain": "<p>{{a}} {{> note}}</p>\n",
            "note": "<i>{{b}}</i>",
            "indented": "<ul>\n  {{> item}}\n</ul>\n",
            "item": "<li>{{c}}</li>\n",
        ])
        #expect(diagnostics.isEmpty)
        let theme = try #require(set)
        #expect(theme.compiled.keys.sorted() == ["item", "layout", "note", "plain"], "an indented partial on a line of its own is left to swift-mustache")
        // A partial on a line of its own is indented by swift-mustache, which renders it.
        let context: TemplateContext = ["a": "A", "b": "<B>", "c": "C"]
        #expect(theme.library.render(context.templateObject(), withTemplate: "indented") == "<ul>\n  <li>C</li>\n</ul>\n")
        #expect(theme.library.render(context.templateObject(), withTemplate: "plain") == nil)
        #expect(theme.compiled["plain"]?.render(TemplateFields(context)) == "<p>A <i>&lt;B&gt;</i></p>\n")
    }

    /// The templates `text` includes, as the theme reads them; nil when the scan gives up.
    static func included(_ text: String) -> [String]? {
        TemplateIncludes(["t": text]).tags["t"]!.map { $0.map(\.name) }
    }

    @Test func includedTemplatesAreFoundOrTheScanGivesUp() {
        #expect(Self.included("a {{> one}} {{>two }} {{< parent}}{{$block}}x{{/block}}{{/parent}} {{name}}") == ["one", "two", "parent"])
        #expect(Self.included("no tags, {{ > spaced}} is a variable, {{! {{> commented}} }}") == [])
        #expect(Self.included("{{=<% %>=}}<%> moved%> {{> old}} <%={{ }}=%>{{> back}}") == ["moved", "back"])
        #expect(Self.included("{{=<% %>}}") == nil, "a delimiter change swift-mustache refuses")
        #expect(Self.included("{{>*dynamic}}") == nil)
        #expect(Self.included("{{< *dynamic}}{{/ *dynamic}}") == nil)
        let text = "line one\n  é {{> p}}"
        #expect(TemplateIncludes.read(text).tags.map { TemplateIncludes.position(of: $0.offset, in: text) } == [SourcePosition(line: 2, column: 5)])
    }

    /// A template that includes itself, directly or through others, is an error at each tag
    /// that closes the circle: swift-mustache would follow it until the stack overflowed.
    @Test func aTemplateThatIncludesItselfIsADiagnosticAtItsTag() throws {
        let (set, diagnostics) = try Self.load([
            "layout": "<main>{{{page.content}}}</main>\n",
            "self": "x\n{{#a}}{{> self}}{{/a}}",
            "one": "{{> two}}",
            "two": "{{=<% %>=}}\n  <%> one%>",
            "fine": "{{> one}} {{> missing}}",
        ])
        #expect(set == nil)
        let found = diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.id)" }.sorted()
        #expect(found == ["templates/one.mustache:1:1 template-cycle", "templates/self.mustache:2:7 template-cycle",
                          "templates/two.mustache:2:3 template-cycle"])
    }

    /// swift-mustache's parser recursed once per nested section and crashed at a few thousand;
    /// rendering slows with each level. A template is refused past 32, counting what it includes.
    @Test func sectionsNestedTooDeepAreADiagnosticAtTheSectionOrTheInclusion() throws {
        let (set, diagnostics) = try Self.load([
            "layout": "<main>{{{page.content}}}</main>\n",
            "own": "x" + String(repeating: "{{#a}}", count: 40) + String(repeating: "{{/a}}", count: 40),
            "outer": String(repeating: "{{#a}}", count: 20) + "{{> inner}}" + String(repeating: "{{/a}}", count: 20),
            "inner": String(repeating: "{{^b}}", count: 20) + String(repeating: "{{/b}}", count: 20),
            "shallow": String(repeating: "{{#a}}", count: 32) + String(repeating: "{{/a}}", count: 32),
        ])
        #expect(set == nil)
        let found = diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.id)" }.sorted()
        // The 33rd section of `own` starts after "x" and 32 tags of 6 characters; `outer`
        // includes `inner` after 20 of them.
        #expect(found == ["templates/outer.mustache:1:121 template-too-deep", "templates/own.mustache:1:194 template-too-deep"])
    }

    @Test func aTemplateOverSixtyFourKilobytesIsRefused() throws {
        let (set, diagnostics) = try Self.load([
            "layout": "<main>{{{page.content}}}</main>\n",
            "big": String(repeating: "<p>{{text}}</p>\n", count: 5_000),
        ])
        #expect(set == nil)
        #expect(diagnostics.map { "\($0.file) \($0.id)" } == ["templates/big.mustache template-too-large"])
    }

    @Test func aPartialNamedByAValueIsRefused() throws {
        let (set, diagnostics) = try Self.load(["layout": "<main>{{>*which}}</main>\n"])
        #expect(set == nil)
        #expect(diagnostics.map(\.id) == ["template-dynamic-partial"])
    }

    /// A page's template digest covers the templates it includes, parents (`{{< parent}}`) as
    /// well as partials, so a change to either renders the page again.
    @Test func aTemplateDigestCoversItsPartialsAndParents() {
        let sources = ["child": "{{< parent}}{{$body}}mine{{/body}}{{/parent}}", "parent": "<main>{{$body}}default{{/body}}</main>",
                       "page": "{{> part}}", "part": "x", "alone": "y"]
        let before = TemplateSet.partialClosureDigests(sources, includes: TemplateIncludes(sources))
        var edited = sources
        edited["parent"] = "<main class=\"new\">{{$body}}default{{/body}}</main>"
        edited["part"] = "z"
        let after = TemplateSet.partialClosureDigests(edited, includes: TemplateIncludes(edited))
        #expect(before["child"] != after["child"], "a parent's change must change its child's digest")
        #expect(before["page"] != after["page"])
        #expect(before["alone"] == after["alone"])
    }

    /// The theme of a template file per entry of `templates`, loaded from a new folder (shown
    /// as `templates`) that is removed after.
    static func load(_ templates: [String: String]) throws -> (TemplateSet?, [Diagnostic]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-theme-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in templates { try text.write(to: folder.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8) }
        return TemplateSet.load(directory: folder.path, displayPath: "templates")
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
