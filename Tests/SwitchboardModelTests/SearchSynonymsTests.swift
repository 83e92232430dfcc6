import Foundation
import Testing
@testable import SwitchboardModel

/// content/search/synonyms.yml: loaded into the Site, and its mistakes reported by position.
@Suite struct SearchSynonymsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A content tree of the bundled site.yml and products.yml plus `synonyms`.
    static func load(_ synonyms: String) throws -> LoadResult {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-synonyms-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("search"), withIntermediateDirectories: true)
        for name in ["site.yml", "products.yml"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent("content/\(name)"), to: root.appendingPathComponent(name))
        }
        try synonyms.write(to: root.appendingPathComponent("search/synonyms.yml"), atomically: true, encoding: .utf8)
        return SiteLoader(contentDirectory: root.path, displayPath: "content",
                          options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
    }

    @Test func groupsReachTheSite() throws {
        let result = try Self.load("groups:\n  - words: [DOA, dead on arrival, RMA]\n    note: Section 5.\n  - words: [OOH, out of hours]\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let groups = try #require(result.site?.synonyms?.groups)
        #expect(groups.map(\.words) == [["DOA", "dead on arrival", "RMA"], ["OOH", "out of hours"]])
    }

    @Test func mistakesAreReportedWhereTheyStand() throws {
        let result = try Self.load("""
        groups:
          - words: [DOA, RMA, doa]
          - words: [RMA, return]
          - words: ["--", OOH]
          - words: [alone]
          - word: [typo]
        """)
        let found = result.diagnostics.map { "\($0.line) \($0.id)" }
        #expect(found.contains("2 synonym-duplicate"), "\(found)")     // doa twice in a group
        #expect(found.contains("3 synonym-duplicate"), "\(found)")     // RMA in two groups
        #expect(found.contains("4 synonym-empty-word"), "\(found)")
        #expect(found.contains("5 too-few-items"), "\(found)")
        #expect(found.contains { $0.hasPrefix("6 ") && $0.hasSuffix("unknown-key") }, "\(found)")
    }
}
