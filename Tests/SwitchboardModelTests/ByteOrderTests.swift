import Testing
import SwitchboardModel

/// Byte order of UTF-8, not Swift's Unicode-aware `<`: canonically equal strings with
/// different bytes are ordered, and a prefix comes first.
@Suite struct ByteOrderTests {
    @Test func ordersByUTF8Bytes() {
        let sorted = ["b", "é", "a", "", "ab", "Z", "z", "e\u{301}"].sorted(by: ByteOrder.precedes)
        #expect(sorted == ["", "Z", "a", "ab", "b", "e\u{301}", "z", "é"])
        #expect(!ByteOrder.precedes("a", "a"))
        #expect(ByteOrder.precedes("e\u{301}", "\u{e9}"))
        #expect(!ByteOrder.precedes("\u{e9}", "e\u{301}"))
    }
}
