import Testing
@testable import SwitchboardBuilder

@Suite struct XMLTextTests {
    @Test(arguments: [
        ("https://help.example.com/kb/sip/", "https://help.example.com/kb/sip/"),
        ("a & b", "a &amp; b"),
        ("<p class=\"x\">it's</p>", "&lt;p class=&quot;x&quot;&gt;it&apos;s&lt;/p&gt;"),
        ("tab\there\nline\rend", "tab\there\nline\rend"),
        ("bell\u{7}gone", "bellgone"),
        ("\u{0}", ""),
        ("x\u{FFFE}y\u{FFFF}z", "xyz"),
        // Characters whose UTF-8 starts as U+FFFE's does are kept.
        ("\u{FF21}\u{FFFD}\u{E9}", "\u{FF21}\u{FFFD}\u{E9}"),
        ("", ""),
    ])
    func escapes(text: String, escaped: String) {
        #expect(XMLText.escape(text) == escaped)
    }
}
