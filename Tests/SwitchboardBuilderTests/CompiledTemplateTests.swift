import Foundation
import Mustache
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The compiled renderer prints exactly what swift-mustache prints.
@Suite struct CompiledTemplateTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every page of the bundled site and of the fixture sites, rendered both ways.
    @Test(arguments: ["content", "Tests/Fixtures/sites/basic/content", "Tests/Fixtures/status-incidents/content"])
    func everyPageRendersAsSwiftMustacheRendersIt(content: String) throws {
        let folder = Self.repository.appendingPathComponent(content).path
        guard FileManager.default.fileExists(atPath: folder) else { return }
        let loaded = SiteLoader(contentDirectory: folder, options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
        guard let site = loaded.site else { return }
        let (theme, _) = TemplateSet.load(directory: Self.repository.appendingPathComponent("templates").path)
        let templates = try #require(theme)
        #expect(templates.compiled["article"] != nil && templates.compiled["layout"] != nil, "the busiest templates are compiled")
        let builder = SiteBuilder(site: site, templates: templates)
        let plan = builder.plan()
        let compiled = builder.renderer(compiles: true), mustache = builder.renderer(compiles: false)
        #expect(plan.pages.count > 3)
        for page in plan.pages {
            let fast = compiled.render(page), reference = mustache.render(page)
            #expect(fast.bytes == reference.bytes, "\(page.outputPath) (\(page.template)) renders differently")
        }
    }

    @Test func tricky() throws {
        let template = """
            <ul>
              {{#items}}
              <li>{{name}}{{#flag}} *{{/flag}} {{outer}}</li>
              {{/items}}
            </ul>
            {{^items}}none{{/items}}{{! a comment }}
            {{#has_items}}[{{count}}] {{{raw}}} {{&raw}} {{nested.inner.value}}{{/has_items}}
            {{#text}}({{.}}){{/text}}{{#zero}}{{.}}{{/zero}}{{#missing}}x{{/missing}}{{^flag}}no flag{{/flag}}
              {{! standalone comment }}
            end
            """
        let context: TemplateContext = [
            "items": [["name": "a<b", "flag": true], ["name": "c&d", "outer": "shadow"]] as [TemplateContext],
            "outer": "out", "count": 2, "raw": "<em>x</em>", "text": "t\"", "zero": 0,
            "nested": ["inner": ["value": "deep"] as TemplateContext] as TemplateContext,
        ]
        let compiled = try #require(CompiledTemplate(template))
        _ = HTMLEscaping.registered
        let reference = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n" + template)
        #expect(compiled.render(TemplateFields(context)) == reference.render(context.templateObject()))
    }

    @Test func delimitersAndStandalonePartialsAreLeftToSwiftMustache() {
        #expect(CompiledTemplate("{{=<% %>=}}") == nil)
        #expect(CompiledTemplate("{{#a}}unclosed") == nil)
        #expect(CompiledTemplate("a\n  {{> other}}\nb") == nil, "swift-mustache indents a standalone partial")
        #expect(CompiledTemplate("a\n{{> other}}\nb") != nil, "a standalone partial without blanks before it is not indented")
        #expect(CompiledTemplate("{{>*dynamic}}") == nil)
        #expect(CompiledTemplate("{{< parent}}{{/parent}}") == nil)
        #expect(CompiledTemplate("a {{> other}} b") != nil)
    }

    /// Partials within a line, spliced in by `linked`, render as swift-mustache renders them:
    /// nested, inside sections, missing from the theme; and a partial that is not compiled, or
    /// one that includes itself, leaves its includer to swift-mustache.
    @Test func partialsWithinALineRenderAsSwiftMustacheRendersThem() throws {
        let sources = [
            "page": "<p>{{> name}}{{#items}} [{{> item}}]{{/items}} {{> missing}}.</p>\n{{^items}}{{> name}}{{/items}}\n",
            "name": "<b>{{title}}</b>{{> detail}}",
            "detail": " ({{#note}}{{.}}{{/note}})",
            "item": "{{label}}{{#flag}}*{{/flag}}",
            "odd": "x {{> delimited}} y",
            "delimited": "{{=<% %>=}}<%title%>",
            "loop": "a {{> loop}}",
            "lines": "<ul>\n{{> row}}\n{{#items}}\n{{> row}}  \n{{/items}}\n</ul>\n{{> name}}",
            "row": "<li>{{label}}</li>\n",
        ]
        let unlinked = sources.compactMapValues(CompiledTemplate.init)
        #expect(unlinked["delimited"] == nil)
        let linked = unlinked.compactMapValues { $0.linked(unlinked, known: Set(sources.keys)) }
        #expect(linked.keys.sorted() == ["detail", "item", "lines", "name", "page", "row"])
        _ = HTMLEscaping.registered
        let pragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n"
        let library = MustacheLibrary(templates: try sources.mapValues { try MustacheTemplate(string: pragma + $0) })
        for context: TemplateContext in [
            ["title": "T<1>", "note": "n&m", "items": [["label": "a", "flag": true], ["label": "b<"]] as [TemplateContext]],
            ["title": "T2", "items": [] as [TemplateContext]],
        ] {
            for template in ["page", "lines"] {
                let compiled = try #require(linked[template]).render(TemplateFields(context))
                #expect(compiled == library.render(context.templateObject(), withTemplate: template), "\(template)")
            }
        }
    }

    /// A template the compiled renderer accepts is one swift-mustache parses: `TemplateSet`
    /// leaves such templates to it alone, and swift-mustache would otherwise have been the one
    /// to report a syntax error in them. Seeded random templates made of tag fragments.
    @Test(arguments: [UInt64(1), 2, 3])
    func aCompiledTemplateIsOneSwiftMustacheParses(seed: UInt64) {
        let fragments = ["{{", "}}", "{{{", "}}}", "#", "^", "/", "!", "&", ">", "<", "=", "a", "b.c", " ", "\n", "(", ")", "+", "x-y",
                         "?", "*", "é", "\t", "{{#a}}", "{{/a}}", "{{^b.c}}", "{{/b.c}}", "{{> p}}", "{{a}}", "{{!c}}", "%", "$"]
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        _ = HTMLEscaping.registered
        var accepted = 0
        for _ in 0..<3_000 {
            let text = (0..<(1 + next(12))).map { _ in fragments[next(fragments.count)] }.joined()
            guard CompiledTemplate(text) != nil else { continue }
            accepted += 1
            #expect(throws: Never.self, "compiled but rejected by swift-mustache: \(text.debugDescription)") {
                try MustacheTemplate(string: "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n" + text)
            }
        }
        #expect(accepted > 300, "the generator makes templates the compiled renderer accepts")
    }
}
