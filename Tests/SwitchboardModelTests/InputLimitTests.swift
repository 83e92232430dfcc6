import Testing
@testable import SwitchboardModel

/// Each limit of `InputLimits`, exceeded with its default, gives its diagnostic at its place.
/// The alias, depth and syntax cases are fixture files under Tests/Fixtures/invalid/limits/;
/// the size and node-count cases are generated here (a megabyte is no file to commit).
@Suite struct InputLimitTests {
    func diagnostics(_ text: String, as path: String = "faq/q.md") -> [String] {
        (ContentProbe.decode(Array(text.utf8), as: path) ?? []).map { "\($0.position) \($0.id)" }
    }

    @Test func aFileOverAMegabyteIsRefusedBeforeItIsParsed() {
        let text = "---\nquestion: Big?\n---\n" + String(repeating: "word ", count: InputLimits.standard.maxFileBytes / 5 + 1)
        #expect(diagnostics(text) == ["1:1 file-too-large"])
    }

    @Test func moreNodesThanTheLimitStopAtTheFirstOneOver() {
        let count = InputLimits.standard.maxYAMLNodes
        // The root mapping, the key and the list are three nodes; the list's items follow.
        let text = "---\nquestion: [" + String(repeating: "1,", count: count) + "1]\n---\nBody.\n"
        // Item k (from 0) stands at column 12 + 2k; the first item over the limit is item count - 3.
        #expect(diagnostics(text) == ["2:\(12 + 2 * (count - 3)) yaml-too-many-nodes"])
    }

    @Test func anAliasIsRefusedWhereItStands() {
        #expect(diagnostics("---\nquestion: &q Why?\nanswer: *q\n---\nBody.\n") == ["3:9 yaml-alias"])
    }

    @Test func depthIsCountedFromTheRoot() {
        let limit = InputLimits.standard.maxYAMLDepth
        // The root mapping is level 1: a list nested limit - 1 deep under it is allowed, one more is not.
        let allowed = "---\nquestion: Q\nx: " + String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit - 1) + "\n---\n"
        #expect(!diagnostics(allowed).contains { $0.hasSuffix("yaml-too-deep") })
        let over = "---\nquestion: Q\nx: " + String(repeating: "[", count: limit) + String(repeating: "]", count: limit) + "\n---\n"
        #expect(diagnostics(over) == ["3:\(3 + limit) yaml-too-deep"])
    }

    @Test func bracketsBeyondLibyamlsOwnLimitAreTooDeepToo() {
        // libyaml scans a run of flow brackets ahead and stops at 1,000 levels itself.
        let text = "---\nquestion: Q\nx: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n---\n"
        #expect(diagnostics(text).map { $0.split(separator: " ").last.map(String.init) ?? "" } == ["yaml-too-deep"])
    }

    @Test func aSyntaxErrorPointsAtTheConstructLeftOpenWithANoteWhereParsingStopped() throws {
        let found = try #require(ContentProbe.decode(Array("---\nquestion: [this list is never closed\n---\nBody.\n".utf8), as: "faq/q.md"))
        #expect(found.map(\.id) == ["yaml-syntax"])
        #expect(found.first?.position == SourcePosition(line: 2, column: 11))
        #expect(found.first?.note?.position == SourcePosition(line: 3, column: 1))
    }
}
