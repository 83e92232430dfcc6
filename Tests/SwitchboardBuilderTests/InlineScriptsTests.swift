import Testing
@testable import SwitchboardBuilder

/// Which `<script>` elements the Content-Security-Policy must allow by hash.
@Suite struct InlineScriptsTests {
    func scripts(_ html: String) -> [String] {
        InlineScripts.scripts(in: Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func plainAndModuleScriptsRun() {
        #expect(scripts("<p><script>a()</script><SCRIPT type=module>b()</SCRIPT>") == ["a()", "b()"])
        #expect(scripts(#"<script type="text/javascript">c()</script>"#) == ["c()"])
        #expect(scripts(#"<script type = 'Application/JavaScript' defer>d()</script>"#) == ["d()"])
        #expect(scripts(#"<script type="">e()</script>"#) == ["e()"])
        #expect(scripts("<script\ttype=\" module \">f()</script>") == ["f()"])
    }

    @Test func externalScriptsAndDataBlocksDoNotRun() {
        #expect(scripts(#"<script src="/a.js"></script>"#) == [])
        #expect(scripts(#"<script defer SRC = "/a.js"></script>"#) == [])
        #expect(scripts(#"<script type="application/ld+json">{}</script>"#) == [])
        #expect(scripts(#"<script type=text/template>x</script>"#) == [])
    }

    @Test func lookalikesAreNotScriptsOrSources() {
        // `data-src` is not `src`, and an attribute named inside a quoted value is no attribute.
        #expect(scripts(#"<script data-src="/a.js">g()</script>"#) == ["g()"])
        #expect(scripts(#"<script data-note="src=/a.js type=x">h()</script>"#) == ["h()"])
        // The first `type` counts, as in a browser.
        #expect(scripts(#"<script type="module" type="text/plain">i()</script>"#) == ["i()"])
        #expect(scripts("<scripts>j()</script>") == [])
    }

    @Test func hashSourcesAreDistinctAndSorted() {
        let sources = InlineScripts.hashSources(in: Array("<script>a()</script><script>a()</script><script>b()</script>".utf8))
        // SHA-256 of "a()" and "b()", base64 (from `printf 'a()' | openssl dgst -sha256 -binary | base64`).
        #expect(sources == ["'sha256-cf242PFc/kb7xD0Qzhsmd9vvRkc+cWFmbi+k+YvtdKc='",
                            "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"])
    }
}
