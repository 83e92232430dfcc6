import Foundation
import Testing
@testable import SwitchboardModel

/// Random bytes and random YAML must end in diagnostics or success, never a crash.
@Suite struct LoaderFuzzTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = ["---\n", "title: ", "question: ", "\"", "'", "[", "]", "{", "}", ": ", "- ", "\n", "  ", "\t", "#", "&a ", "*a",
                            "2026-13-40", "85.001", "é", "\u{FEFF}", "\r\n", "|\n  ", ">-\n", "products: [", "updates:\n  - at: ",
                            "~", "null", "!!binary ", "%YAML 1.2\n", "...\n", "[link](../x.md#y)", "<script>", "\u{0}"]

    @Test func randomInputNeverCrashes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-fuzz-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        let faq = root.appendingPathComponent("faq")
        try FileManager.default.createDirectory(at: faq, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var random = SplitMix(state: 0x5EED)
        for round in 0..<150 {
            var bytes: [UInt8]
            if round % 3 == 0 {
                bytes = (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                var text = ""
                for _ in 0..<Int.random(in: 0...60, using: &random) { text += Self.fragments.randomElement(using: &random)! }
                bytes = Array(text.utf8)
            }
            try Data(bytes).write(to: faq.appendingPathComponent("q.md"))
            try Data(bytes).write(to: root.appendingPathComponent("site.yml"))
            let result = SiteLoader(contentDirectory: root.path, options: LoadOptions(now: Instant(secondsSinceEpoch: 0))).load()
            #expect(result.site != nil || result.diagnostics.hasErrors)
            for diagnostic in result.diagnostics {
                #expect(diagnostic.line >= 1 && diagnostic.column >= 1)
            }
        }
    }
}
