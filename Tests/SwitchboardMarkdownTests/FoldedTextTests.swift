import Testing
@testable import SwitchboardMarkdown

/// The text a document's search sections are made of: white space folded to one space, the
/// ends trimmed, word breaks kept between nodes.
@Suite struct FoldedTextTests {
    static func folded(_ parts: [String?]) -> String {
        var text = FoldedText()
        for part in parts {
            if let part {
                part.withCString { text.append($0) }
            } else {
                text.space()
            }
        }
        return text.string
    }

    @Test func foldsRunsOfWhiteSpaceAndTrimsTheEnds() {
        #expect(Self.folded(["  SIP\t\ttrunk \r\n registration  "]) == "SIP trunk registration")
        #expect(Self.folded(["a", "b"]) == "ab")
        #expect(Self.folded(["a", nil, "b"]) == "a b")
        #expect(Self.folded(["a ", " b"]) == "a b")
        #expect(Self.folded([nil, " ", "x", nil, nil]) == "x")
        #expect(Self.folded(["", "   ", ""]) == "")
        #expect(Self.folded(["Réseau — 電話\n\nfin"]) == "Réseau — 電話 fin")
        #expect(Self.folded(["one", " ", "two"]) == "one two")
    }
}
