import Foundation
import Testing
import SwitchboardBuilder
import SwitchboardModel

/// `switchboard new` for every kind: the file passes the checks as written, is a
/// draft that is not published, and an existing file is never overwritten.
@Suite(.serialized) struct NewEntryTests {
    static let now = Instant("2026-12-01T12:00:00Z")!

    /// A small site with products and status components for references to use.
    static func site(_ name: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-new-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("status"), withIntermediateDirectories: true)
        try "title: T\nbase_url: https://support.example.com/\nlanguage: en-GB\ntime_zone: Europe/London\norganisation: O\n"
            .write(to: root.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "- {id: ipecs-cloud, name: iPECS Cloud}\n".write(to: root.appendingPathComponent("products.yml"), atomically: true, encoding: .utf8)
        try "components:\n  - {id: cloud-voice, name: Cloud voice}\n"
            .write(to: root.appendingPathComponent("status/components.yml"), atomically: true, encoding: .utf8)
        return root
    }

    static let cases: [(EntryKind, String, String)] = [
        (.policy, "new-section", "policies/new-section/index.html"),
        (.kb, "diagnostics/check-dhcp", "kb/diagnostics/check-dhcp/index.html"),
        (.faq, "is-this-new", "faq/index.html"),
        (.device, "yealink-t54w", "devices/yealink-t54w/index.html"),
        (.escalation, "new-matrix", "escalation/new-matrix/index.html"),
        (.vendor, "acme", "vendors/acme/index.html"),
        (.checklist, "before-calling", "support/checklists/before-calling/index.html"),
        (.incident, "2026-12-01-sip-trunk-outage", "status/incidents/2026-12-01-sip-trunk-outage/index.html"),
        (.maintenance, "2026-12-05-upgrade", "status/maintenance/2026-12-05-upgrade/index.html"),
    ]

    static func build(_ content: URL) throws -> ([Diagnostic], MemorySink) {
        let result = SiteLoader(contentDirectory: content.path, options: LoadOptions(now: now)).load()
        guard let site = result.site else { return (result.diagnostics, MemorySink()) }
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let output = SiteBuilder(site: site, templates: try #require(TemplateSet.load(directory: templates.path).0)).build()
        let sink = MemorySink()
        try sink.write(output.files)
        return (result.diagnostics + output.diagnostics, sink)
    }

    @Test(arguments: cases.indices)
    func aNewEntryPassesCheckAndStaysUnpublishedWhileADraft(index: Int) throws {
        let (kind, path, page) = Self.cases[index]
        let content = try Self.site(kind.rawValue)
        defer { try? FileManager.default.removeItem(at: content) }
        let template = EntryTemplate(kind: kind, path: path, title: "Check \"quoted\" title: yes", now: Self.now, contentDirectory: content.path)
        let written = try template.write()
        #expect(written.last?.hasSuffix(path + (kind.collection.isMarkdown ? ".md" : ".yml")) == true)
        if kind == .kb { #expect(written.first?.hasSuffix("kb/diagnostics/_category.yml") == true) }

        let (diagnostics, sink) = try Self.build(content)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let file = try #require(written.last)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\ndraft: true"))
        #expect(!(sink.text(page)?.contains("quoted") ?? false), "a draft is not published")

        // The same file without its draft line is published: the check above looks in the right place.
        try text.replacingOccurrences(of: "\ndraft: true", with: "\n# draft").write(toFile: file, atomically: true, encoding: .utf8)
        let (published, sinkPublished) = try Self.build(content)
        #expect(published.isEmpty, "\(published)")
        #expect(sinkPublished.text(page)?.contains("quoted") == true, "\(page) once published")
    }

    @Test func anExistingFileIsLeftUntouched() throws {
        let content = try Self.site("exists")
        defer { try? FileManager.default.removeItem(at: content) }
        try FileManager.default.createDirectory(at: content.appendingPathComponent("faq"), withIntermediateDirectories: true)
        let existing = content.appendingPathComponent("faq/mine.md")
        try "---\nquestion: Mine?\n---\nMy answer.\n".write(to: existing, atomically: true, encoding: .utf8)
        let template = EntryTemplate(kind: .faq, path: "mine", title: nil, now: Self.now, contentDirectory: content.path)
        #expect(throws: NewEntryError.exists("\(content.path)/faq/mine.md")) { try template.write() }
        #expect(try String(contentsOf: existing, encoding: .utf8) == "---\nquestion: Mine?\n---\nMy answer.\n")
    }

    @Test func pathsAreCheckedBeforeAnythingIsWritten() throws {
        let content = try Self.site("paths")
        defer { try? FileManager.default.removeItem(at: content) }
        for (kind, path) in [(EntryKind.kb, "check-dhcp"), (.faq, "a/b"), (.policy, "Bad_Name"), (.device, "x.yml")] {
            let template = EntryTemplate(kind: kind, path: path, title: nil, now: Self.now, contentDirectory: content.path)
            #expect(throws: NewEntryError.self) { try template.write() }
        }
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("kb").path))
    }
}
