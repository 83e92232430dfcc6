import Foundation
import Testing
@testable import SwitchboardModel

@Suite struct ScalarTests {
    @Test func days() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2023-02-29") == nil)
        #expect(Day("2023-13-01") == nil)
        #expect(Day("2023-1-01") == nil)
        #expect(Day(daysSinceEpoch: Day("2026-11-26")!.daysSinceEpoch) == Day("2026-11-26"))
        #expect(Day("2026-11-26")!.weekdayFromMonday == 3) // a Thursday
    }

    @Test func instants() {
        #expect(Instant("2026-03-02T09:15:00Z")?.description == "2026-03-02T09:15:00Z")
        #expect(Instant("2026-03-02T10:15:00+01:00") == Instant("2026-03-02T09:15:00Z"))
        #expect(Instant("2026-03-02T09:15:00") == nil, "an offset is required")
        #expect(Instant("2026-03-02T25:15:00Z") == nil)
    }

    @Test func durations() {
        #expect(Duration("30m")?.seconds == 1800)
        #expect(Duration("1h30m")?.seconds == 5400)
        #expect(Duration("4h")?.spoken == "4 hours")
        #expect(Duration("1h")?.spoken == "1 hour")
        #expect(Duration("5d")?.spoken == "5 days")
        #expect(Duration("30") == nil)
        #expect(Duration("m") == nil)
        #expect(Duration("0m") == nil)
    }

    @Test func moneyIsExact() {
        #expect(Money("85.00")?.minorUnits == 8500)
        #expect(Money("1050")?.minorUnits == 105_000)
        #expect(Money("0.1")?.minorUnits == 10)
        #expect(Money("85.001") == nil)
        #expect(Money("1,050.00") == nil)
        #expect(Money("-5") == nil)
        #expect(Money("1050.00")?.formatted(currency: "GBP") == "£1,050.00")
        #expect(Money("800")?.formatted(currency: "CHF") == "800.00 CHF")
    }

    @Test func formats() {
        #expect(Formats.isPhone("01903 927100"))
        #expect(Formats.isPhone("+441903927100"))
        #expect(!Formats.isPhone("927100"))
        #expect(!Formats.isPhone("01903-927100"))
        #expect(Formats.isEmail("escalations@wearepragma.co.uk"))
        #expect(!Formats.isEmail("escalations@wearepragma"))
        #expect(Formats.isURL("https://help.wearepragma.co.uk/x"))
        #expect(Formats.isURL("/support/"))
        #expect(!Formats.isURL("http://example.com"))
        #expect(!Formats.isURL("//example.com"))
        #expect(Formats.isSlug("doa-process"))
        #expect(!Formats.isSlug("DOA_process"))
    }

    @Test(arguments: [("a", true), ("9", true), ("a-b-c", true), ("sip-2", true), ("", false), ("-", false), ("-a", false),
                      ("a-", false), ("a--b", false), ("a b", false), ("caf\u{e9}", false), ("a/b", false), ("A", false), ("a.md", false)])
    func slugs(text: String, isSlug: Bool) {
        #expect(Formats.isSlug(text) == isSlug)
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "titel", in: ["title", "summary"]) == "title")
        #expect(Suggestion.closest(to: "aproved", in: ["approved", "testing", "withdrawn"]) == "approved")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["title", "summary"]) == nil)
    }
}

/// docs/content.md lists every field of every schema, so the docs cannot fall behind the code.
@Suite struct ContentDocsTests {
    @Test func everySchemaFieldIsDocumented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/content.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        func walk(_ type: FieldType) {
            switch type {
            case .object(let schema):
                for field in schema.fields {
                    #expect(text.contains("| `\(field.name)` |"), "docs/content.md does not document \(schema.name).\(field.name)")
                    if field.placeholder {
                        let row = text.split(separator: "\n").first { $0.hasPrefix("| `\(field.name)` |") && $0.contains("or a placeholder") }
                        #expect(row != nil, "docs/content.md does not say \(schema.name).\(field.name) may hold a placeholder")
                    }
                    walk(field.type)
                }
            case .list(let element, _): walk(element)
            default: break
            }
        }
        for collection in ContentCollection.allCases { if let type = collection.rootType { walk(type) } }
        walk(.object(Schemas.placeholder))
    }
}

@Suite struct GitDatesTests {
    @Test func newestCommitWinsPerPath() {
        let log = "\u{0}2026-10-02\n\nkb/a.md\nfaq/b.md\n\u{0}2026-09-01\n\nkb/a.md\npolicies/c.md\n"
        let dates = GitDates.parse(log)
        #expect(dates["kb/a.md"] == Day("2026-10-02"))
        #expect(dates["faq/b.md"] == Day("2026-10-02"))
        #expect(dates["policies/c.md"] == Day("2026-09-01"))
    }

    @Test func aFolderOutsideGitHasNoDates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-nogit-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(GitDates.read(folder.path).isEmpty)
    }
}
