import Testing
@testable import SwitchboardModel

@Suite struct DiagnosticFormatterTests {
    let diagnostics = [
        Diagnostic(file: "content/a,b.md", position: SourcePosition(line: 3, column: 7), id: "unknown-key", message: "100% wrong:\nsee here"),
        Diagnostic(file: "content/b.md", severity: .warning, id: "too-long", message: "say \"less\""),
    ]

    @Test func human() {
        #expect(DiagnosticFormatter.format(diagnostics, as: .human) ==
            "content/a,b.md:3:7: error: 100% wrong:\nsee here [unknown-key]\ncontent/b.md:1:1: warning: say \"less\" [too-long]\n")
        #expect(DiagnosticFormatter.summary(diagnostics, files: 1) == "1 error, 1 warning in 1 file")
    }

    @Test func githubEscapesPropertiesAndData() {
        #expect(DiagnosticFormatter.github(diagnostics[0]) ==
            "::error file=content/a%2Cb.md,line=3,col=7,title=unknown-key::100%25 wrong:%0Asee here")
        #expect(DiagnosticFormatter.github(diagnostics[1]).hasPrefix("::warning file=content/b.md,line=1,col=1,"))
    }

    @Test func json() {
        #expect(DiagnosticFormatter.format(diagnostics, as: .json) == """
        [
          {"file": "content/a,b.md", "line": 3, "column": 7, "severity": "error", "id": "unknown-key", "message": "100% wrong:\\nsee here"},
          {"file": "content/b.md", "line": 1, "column": 1, "severity": "warning", "id": "too-long", "message": "say \\"less\\""}
        ]

        """)
    }
}
