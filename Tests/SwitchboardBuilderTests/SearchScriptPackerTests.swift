import Testing
@testable import SwitchboardBuilder

@Suite struct SearchScriptPackerTests {
    @Test func dropsWholeLineCommentsIndentationAndBlankLines() {
        let source = """
        /* A block comment
           over two lines. */
        (function () {
          // a line comment
          var url = 'https://example.com/*not a comment*/'; // kept: not a whole line

          /* one line */
          return /^[a-z]+$/.test(url);
        })();
        """
        let packed = String(decoding: SearchScriptPacker.pack(Array(source.utf8)), as: UTF8.self)
        #expect(packed == """
        (function () {
        var url = 'https://example.com/*not a comment*/'; // kept: not a whole line
        return /^[a-z]+$/.test(url);
        })();

        """)
    }
}
