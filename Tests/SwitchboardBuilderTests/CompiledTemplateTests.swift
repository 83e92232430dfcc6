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

    @Test func partialsAndDelimitersAreLeftToSwiftMustache() {
        #expect(CompiledTemplate("a {{> other}} b") == nil)
        #expect(CompiledTemplate("{{=<% %>=}}") == nil)
        #expect(CompiledTemplate("{{#a}}unclosed") == nil)
    }
}
