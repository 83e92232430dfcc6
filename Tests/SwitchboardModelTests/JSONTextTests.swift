import Testing
import SwitchboardModel

/// JSON string literals, written out by hand: every escape, and everything else (multi-byte
/// text included) copied as it is.
@Suite struct JSONTextTests {
    @Test(arguments: [
        ("", #""""#),
        ("plain text", #""plain text""#),
        ("say \"hi\" \\ now", #""say \"hi\" \\ now""#),
        ("a\nb\rc\td", #""a\nb\rc\td""#),
        ("<script></script>", #""\u003cscript>\u003c/script>""#),
        ("\u{0}\u{1}\u{1b}\u{1f} ", #""\u0000\u0001\u001b\u001f ""#),
        ("line\u{2028}para\u{2029}end", #""line\u2028para\u2029end""#),
        ("Réseau — 電話 ☎ 😀 \u{2027}\u{202a}", "\"Réseau — 電話 ☎ 😀 \u{2027}\u{202a}\""),
        ("e\u{301}", "\"e\u{301}\""),
    ])
    func quotes(input: String, expected: String) {
        #expect(JSONText.quote(input) == expected)
    }
}
