import Dispatch
import Testing
@testable import SwitchboardMarkdown

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer.shared

    @Test func gfmExtensionsAreOn() {
        let html = renderer.render("""
        | a | b |
        |---|---|
        | 1 | 2 |

        ~~gone~~ and www.example.com

        - [x] done
        """).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
    }

    @Test func smartPunctuation() {
        #expect(renderer.render("\"quoted\" -- dash").html.contains("“quoted” – dash"))
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let source = "<div class=\"x\">raw</div>\n\nText <span>inline</span>\n"
        let safe = renderer.render(source).html
        #expect(!safe.contains("<div"))
        #expect(!safe.contains("<span>"))
        #expect(safe.contains("raw HTML omitted"))
        let allowed = renderer.render(source, options: MarkdownOptions(allowRawHTML: true)).html
        #expect(allowed.contains("<div class=\"x\">raw</div>"))
    }

    @Test func tagfilterStillAppliesWhenRawHTMLIsAllowed() {
        let html = renderer.render("<script>alert(1)</script>\n", options: MarkdownOptions(allowRawHTML: true)).html
        #expect(!html.contains("<script>"))
    }

    @Test func headingIDsAreStableAndUnique() {
        let result = renderer.render("## Before you call\n\n## Before you call\n\n### SIP ALG & IPv6!\n")
        #expect(result.headings.map(\.id) == ["before-you-call", "before-you-call-1", "sip-alg--ipv6"])
        #expect(result.html.contains("<h2 id=\"before-you-call\">"))
        #expect(result.html.contains("<h2 id=\"before-you-call-1\">"))
        #expect(result.html.contains("<h3 id=\"sip-alg--ipv6\">"))
        #expect(result.tableOfContents.count == 3)
    }

    @Test func linksAreRewrittenAndReportedWithPositions() {
        let result = renderer.render("Intro\n\nSee [the policy](../policies/policy.md#escalation) now.\n") { link in
            link.destination.hasPrefix("../policies/policy.md") ? "/policies/policy/#escalation" : nil
        }
        #expect(result.html.contains("<a href=\"/policies/policy/#escalation\">the policy</a>"))
        #expect(result.links.count == 1)
        #expect(result.links[0].line == 3)
        #expect(result.links[0].column == 5)
    }

    @Test func sectionsSplitTextAtHeadings() {
        let result = renderer.render("Intro text.\n\n## Returns\n\nSend it back.\n")
        #expect(result.sections.count == 2)
        #expect(result.sections[0].heading == nil)
        #expect(result.sections[0].text == "Intro text.")
        #expect(result.sections[1].heading?.id == "returns")
        #expect(result.sections[1].text == "Send it back.")
    }

    /// cmark-gfm drops strikethrough and autolinks when two threads parse inlines at
    /// once; the renderer serialises that step (and only that one: block parsing, with
    /// tables and link reference definitions, runs in parallel), so every document comes
    /// out as it does when rendered alone.
    @Test func concurrentRenderingKeepsExtensions() {
        let sources = (0..<8).map { n in
            """
            ~~old \(n)~~ see https://example.com/\(n) and www.example.org, mail a\(n)@example.net

            | a | b |
            |---|:-:|
            | ~~c~~ | [ref][r\(n)] |

            - [x] done ~~struck~~
            - [ ] todo <b>raw</b>

            [r\(n)]: /target/\(n) "Title"
            """
        }
        let alone = sources.map { MarkdownRenderer.shared.render($0).html }
        #expect(alone[0].contains("<del>old 0</del>"))
        #expect(alone[0].contains("<a href=\"https://example.com/0\">"))
        #expect(alone[0].contains("<td><del>c</del></td>"))
        let count = 800
        nonisolated(unsafe) var results = [String](repeating: "", count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                out[index] = MarkdownRenderer.shared.render(sources[index % sources.count]).html
            }
        }
        for (index, html) in results.enumerated() {
            #expect(html == alone[index % sources.count])
        }
    }
}

extension MarkdownRendererTests {
    /// Inline nodes must not break words: cmark's inline node types also carry the
    /// block bit, and the text once read "payable . Credit".
    @Test func inlineMarkupDoesNotAddSpaces() {
        let result = renderer.render("The **invoices are payable**. See [the policy](x.md), `code`! *And* this.\n\nNext paragraph.")
        #expect(result.plainText == "The invoices are payable. See the policy, code! And this. Next paragraph.")
    }
}

@Suite struct HeadingSluggerTests {
    @Test func asciiAndUnicodeHeadingsSlugTheSameWay() {
        #expect(HeadingSlugger.slug("Before you contact support") == "before-you-contact-support")
        #expect(HeadingSlugger.slug("SIP ALG & IPv6!") == "sip-alg--ipv6")
        #expect(HeadingSlugger.slug("2.3 Escalation_path") == "23-escalation_path")
        #expect(HeadingSlugger.slug("Café résumé") == "café-résumé")
        #expect(HeadingSlugger.slug("!!!") == "section")
        var slugger = HeadingSlugger()
        #expect(["Returns", "Returns", "Returns"].map { slugger.uniqueSlug($0) } == ["returns", "returns-1", "returns-2"])
    }
}
