import Foundation
import Testing
@testable import SwitchboardModel

/// Each folder under Tests/Fixtures/invalid/ is a content tree with mistakes; its
/// expected.txt lists every diagnostic by position and id, in one run and in order.
/// Re-record with SWITCHBOARD_RECORD=1 (which fails, naming what it rewrote; run again without it).
@Suite struct InvalidFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/invalid")
    static let now = Instant("2026-11-26T12:00:00Z")!

    static func diagnostics(for name: String, as format: DiagnosticFormat = .human) -> String {
        let folder = fixtures.appendingPathComponent(name)
        let result = SiteLoader(contentDirectory: folder.appendingPathComponent("content").path, displayPath: "content",
                                options: LoadOptions(now: now)).load()
        #expect(result.site == nil)
        return DiagnosticFormatter.format(result.diagnostics, as: format)
    }

    static func compare(_ actual: String, toGolden file: URL) throws {
        if ProcessInfo.processInfo.environment["SWITCHBOARD_RECORD"] == "1",
           (try? String(contentsOf: file, encoding: .utf8)) != actual {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            // Record mode records and fails, so that a recording is never mistaken for a pass.
            Issue.record("recorded \(file.path); check the diff and run again without SWITCHBOARD_RECORD")
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "differs from \(file.lastPathComponent)")
    }

    @Test(arguments: ["many-errors", "bad-files", "more-rules", "publishing", "limits"])
    func reportsEveryProblemInOrder(name: String) throws {
        try Self.compare(Self.diagnostics(for: name), toGolden: Self.fixtures.appendingPathComponent("\(name)/expected.txt"))
    }

    @Test(arguments: [DiagnosticFormat.json, .github])
    func machineFormatsMatchTheirGoldenFiles(format: DiagnosticFormat) throws {
        let file = Self.fixtures.appendingPathComponent("many-errors/expected.\(format.rawValue)")
        try Self.compare(Self.diagnostics(for: "many-errors", as: format), toGolden: file)
    }

    @Test func fixturesCoverEveryRuleID() {
        let all = ["many-errors", "bad-files", "more-rules", "publishing", "limits"].map { Self.diagnostics(for: $0) }.joined()
        let ids = Set(all.split(separator: "\n").compactMap { line in
            line.split(separator: "[").last.map { String($0.dropLast()) }
        })
        for id in ["unknown-key", "invalid-enum", "invalid-date", "unknown-reference", "broken-link", "missing-anchor",
                   "duplicate-licence-id", "duplicate-device", "duplicate-slug", "approved-date-missing", "resolved-before-started",
                   "updates-out-of-order", "maintenance-ends-before-start", "invalid-money", "invalid-phone", "invalid-email",
                   "invalid-duration", "invalid-url", "invalid-currency", "invalid-time-zone", "invalid-opening-times",
                   "missing-key", "too-long", "review-overdue", "contact-channel-missing", "levels-out-of-order",
                   "resolved-update-missing", "duplicate-id", "too-few-items", "invalid-int", "invalid-bool",
                   "tested-and-not-tested", "duplicate-level", "missing-value", "wrong-type", "resolved-time-missing",
                   "update-before-start", "missing-file", "byte-order-mark", "duplicate-key", "empty-file", "not-a-file",
                   "invalid-utf8", "front-matter-missing", "front-matter-unclosed", "unexpected-file", "invalid-slug", "yaml-syntax",
                   "placeholder-not-unconfirmed", "placeholder-note-missing",
                   "alias-collision", "invalid-alias", "changes-out-of-order", "changes-version-mismatch", "replaces-itself",
                   "yaml-alias", "yaml-too-deep"] {
            #expect(ids.contains(id), "no fixture triggers \(id)")
        }
    }

    @Test func symlinkOutsideContentIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-symlink-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("faq"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "title: T\nbase_url: https://x.example.com/\nlanguage: en\ntime_zone: UTC\norganisation: O\n"
            .write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "---\nquestion: outside?\n---\nsecret\n".write(to: root.appendingPathComponent("outside.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("faq/leak.md").path,
                                                   withDestinationPath: root.appendingPathComponent("outside.md").path)
        let result = SiteLoader(contentDirectory: content.path, displayPath: "content", options: LoadOptions(now: Self.now)).load()
        #expect(result.diagnostics.map(\.id) == ["symlink-outside"])
        #expect(result.diagnostics.first?.file == "content/faq/leak.md")
    }
}
