import Foundation
import Testing

/// `switchboard new` as a user runs it: the file it prints, and exit status 1
/// with a message (and the file untouched) when the file exists.
@Suite(.serialized) struct NewCommandTests {
    @Test func createsOnceThenRefusesToOverwrite() throws {
        let content = BuildCommandTests.temporary("new")
        defer { try? FileManager.default.removeItem(at: content) }
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try "title: T\nbase_url: https://support.example.com/\nlanguage: en-GB\ntime_zone: Europe/London\norganisation: O\n"
            .write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let arguments = ["new", "kb", "diagnostics/check-dhcp", "--title", "Check DHCP", "--content", content.path, "--now", "2026-12-01T12:00:00Z"]
        let first = try BuildCommandTests.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "Created \(content.path)/kb/diagnostics/_category.yml\nCreated \(content.path)/kb/diagnostics/check-dhcp.md\n")
        let file = content.appendingPathComponent("kb/diagnostics/check-dhcp.md")
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains("title: \"Check DHCP\"") && written.contains("\ndraft: true"))

        let check = try BuildCommandTests.run(["check", "--content", content.path, "--now", "2026-12-01T12:00:00Z"])
        #expect(check.status == 0, "\(check.stderr)")

        try (written + "Edited by hand.\n").write(to: file, atomically: true, encoding: .utf8)
        let second = try BuildCommandTests.run(arguments)
        #expect(second.status == 1)
        #expect(second.stderr.contains("check-dhcp.md already exists; nothing was written"))
        #expect(second.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == written + "Edited by hand.\n")

        let unknown = try BuildCommandTests.run(["new", "blog", "x", "--content", content.path])
        #expect(unknown.status != 0 && unknown.stderr.contains("policy, kb, faq"))
    }
}
