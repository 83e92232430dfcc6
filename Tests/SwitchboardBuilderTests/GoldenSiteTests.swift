import Foundation
import Testing
import SwitchboardBuilder
import SwitchboardModel

/// Builds each site under Tests/Fixtures/sites/ with the bundled templates and a fixed
/// clock, and compares every output file with expected/. Re-record with SWITCHBOARD_RECORD=1.
@Suite struct GoldenSiteTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let templates = tests.deletingLastPathComponent().appendingPathComponent("templates")

    static func build(_ name: String) throws -> MemorySink {
        let folder = tests.appendingPathComponent("Fixtures/sites/\(name)")
        let result = SiteLoader(contentDirectory: folder.appendingPathComponent("content").path,
                                options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let (theme, themeDiagnostics) = TemplateSet.load(directory: templates.path)
        #expect(themeDiagnostics.isEmpty)
        let site = try #require(result.site)
        let output = SiteBuilder(site: site, templates: try #require(theme)).build()
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        let sink = MemorySink()
        try sink.write(output.files)
        return sink
    }

    /// Theme assets are left out: they are copies of templates/assets/ under hashed
    /// names, checked by `themeAssetsAreFingerprinted`. Their hashes in the pages are
    /// written `HASH`, so a change to the CSS does not churn every golden page.
    @Test func basicSiteMatchesGoldenFiles() throws {
        let built = try Self.build("basic").files.filter { !$0.key.hasPrefix("assets/") }.mapValues(Self.normalisingAssetHashes)
        let expected = Self.tests.appendingPathComponent("Fixtures/sites/basic/expected")
        let manager = FileManager.default
        func recorded() -> [String] {
            (manager.enumerator(atPath: expected.path)?.allObjects as? [String] ?? [])
                .filter { !((try? expected.appendingPathComponent($0).resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false) }
        }
        if ProcessInfo.processInfo.environment["SWITCHBOARD_RECORD"] == "1" {
            var rewritten: [String] = []
            for (path, bytes) in built.sorted(by: { $0.key < $1.key }) {
                let url = expected.appendingPathComponent(path)
                guard (try? Data(contentsOf: url)) != Data(bytes) else { continue }
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
                rewritten.append(path)
            }
            for path in recorded().sorted() where built[path] == nil {
                try manager.removeItem(at: expected.appendingPathComponent(path))
                rewritten.append("\(path) (removed)")
            }
            if !rewritten.isEmpty {
                Issue.record("recorded \(rewritten.count) golden files of Fixtures/sites/basic: \(rewritten.joined(separator: ", ")); check the diff and run again without SWITCHBOARD_RECORD")
            }
        }
        #expect(Set(recorded()) == Set(built.keys), "the set of output files changed")
        for (path, bytes) in built {
            let golden = try? Data(contentsOf: expected.appendingPathComponent(path))
            #expect(golden == Data(bytes), "\(path) differs from its golden file")
        }
    }

    /// `/assets/site.3f2a9c0d1e.css` → `/assets/site.HASH.css`.
    static func normalisingAssetHashes(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.replacing(/(assets\/[A-Za-z0-9_-]+)\.[0-9a-f]{10}\./) { "\($0.output.1).HASH." }.utf8)
    }

    @Test func goldenPagesDoNotChurnOnAssetChanges() {
        let page = Array("<link href=\"/docs/assets/site.3f2a9c0d1e.css\"><script src=\"/docs/assets/search-core.0123456789.js\">".utf8)
        #expect(String(decoding: Self.normalisingAssetHashes(page), as: UTF8.self)
            == "<link href=\"/docs/assets/site.HASH.css\"><script src=\"/docs/assets/search-core.HASH.js\">")
    }

    @Test func linksUseTheBasePathAndPageURLs() throws {
        let sink = try Self.build("basic")
        let principles = try #require(sink.text("policies/principles/index.html"))
        #expect(principles.contains("href=\"/docs/policies/escalation/#level-one\""))
        #expect(principles.contains("<del>old</del>"))
        #expect(!principles.contains("<div>raw html</div>"))
        let escalation = try #require(sink.text("policies/escalation/index.html"))
        #expect(escalation.contains("<h2 id=\"level-one\">") && escalation.contains("<h2 id=\"level-one-1\">"))
        #expect(escalation.contains("href=\"/docs/kb/returns/doa-return/\""))
        let faq = try #require(sink.text("faq/index.html"))
        #expect(faq.contains("href=\"/docs/kb/returns/doa-return/#before-you-call\""))
        #expect(faq.contains("\"@type\":\"FAQPage\""))
        let sitemap = try #require(sink.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://support.example.com/docs/policies/principles/</loc>"))
        #expect(sink.files["404.html"] != nil)
        #expect(sink.text("robots.txt")?.contains("Sitemap: https://support.example.com/docs/sitemap.xml") == true)
    }

    @Test func searchFiltersShowProductNames() throws {
        let manifest = try #require(try Self.build("basic").text("search/index.json"))
        #expect(manifest.contains("\"products\":[\"ipecs-cloud\"],\"productNames\":[\"iPECS Cloud\"]"))
    }

    @Test func themeAssetsAreFingerprinted() throws {
        let sink = try Self.build("basic")
        let css = try #require(sink.files.keys.first { $0.hasPrefix("assets/site.") && $0.hasSuffix(".css") })
        #expect(css.split(separator: ".").count == 3)
        #expect(sink.text("index.html")?.contains("href=\"/docs/\(css)\"") == true)
    }
}

extension GoldenSiteTests {
    @Test func theKnowledgeBaseIndexListsTwelvePerCategory() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-kbindex-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let category = root.appendingPathComponent("kb/returns")
        try FileManager.default.createDirectory(at: category, withIntermediateDirectories: true)
        try "title: T\nbase_url: https://x.example.com/\nlanguage: en\ntime_zone: UTC\norganisation: O\n"
            .write(to: root.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "title: Returns\nsummary: Sending things back.\n".write(to: category.appendingPathComponent("_category.yml"), atomically: true, encoding: .utf8)
        for i in 10..<25 {
            try "---\ntitle: Article \(i)\nsummary: S\(i).\n---\nBody.\n".write(to: category.appendingPathComponent("a\(i).md"), atomically: true, encoding: .utf8)
        }
        let site = try #require(SiteLoader(contentDirectory: root.path, options: LoadOptions(now: Instant(secondsSinceEpoch: 0))).load().site)
        let (theme, _) = TemplateSet.load(directory: Self.templates.path)
        let output = SiteBuilder(site: site, templates: try #require(theme)).build()
        let index = try #require(output.files.first { $0.path == "kb/index.html" }).bytes
        let html = String(decoding: index, as: UTF8.self)
        #expect(html.components(separatedBy: "<span class=\"meta\">S").count - 1 == 12)
        #expect(html.contains(">All 15 articles in Returns</a>"))
        let categoryPage = String(decoding: try #require(output.files.first { $0.path == "kb/returns/index.html" }).bytes, as: UTF8.self)
        #expect(categoryPage.components(separatedBy: "<h2><a href=").count - 1 == 15)
    }
}

extension GoldenSiteTests {
    /// Tests/Fixtures/sites/broken-links: an image that is not there (`src`) and a stylesheet in
    /// content/assets/ whose `url()` names a missing file. The build reports both, at their place
    /// in the output; the site's own links (feeds, sitemap, assets) are all sound.
    @Test func theLinkCheckFindsABrokenSrcAndABrokenCSSURL() throws {
        let folder = Self.tests.appendingPathComponent("Fixtures/sites/broken-links/content")
        let site = try #require(SiteLoader(contentDirectory: folder.path, options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load().site)
        let (theme, _) = TemplateSet.load(directory: Self.templates.path)
        let output = SiteBuilder(site: site, templates: try #require(theme)).build()
        let found = output.diagnostics.map { "\($0.file):\($0.position) [\($0.id)] \($0.message)" }
        #expect(found == [
            "public/assets/print.css:3:20 [broken-reference] url() \"missing-background.png\" leads to no file of the site",
            "public/faq/index.html:\(try Self.position(ofAttribute: "src=\"/docs/assets/missing-diagram.png\"", in: output, "faq/index.html")) [broken-reference] src \"/docs/assets/missing-diagram.png\" leads to no file of the site",
        ], "\(found)")
    }

    /// Line and column of the value of the first `name="value"` written exactly so in an output
    /// file (found by the test's own text search, not by the scanner under test).
    static func position(ofAttribute attribute: String, in output: SiteBuilder.Output, _ path: String) throws -> String {
        let text = String(decoding: try #require(output.files.first { $0.path == path }).bytes, as: UTF8.self)
        let lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(attribute) })
        let nameLength = attribute.prefix { $0 != "\"" }.count + 1
        return "\(index + 1):\(lines[index].components(separatedBy: attribute)[0].count + nameLength + 1)"
    }
}

/// A theme without a page family's template: those pages are left out with a diagnostic
/// against the missing file, and every other page is built.
@Suite struct MissingTemplateTests {
    @Test func pagesWithoutTheirTemplateAreReported() throws {
        let manager = FileManager.default
        let theme = manager.temporaryDirectory.appendingPathComponent("switchboard-theme-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: theme) }
        try manager.copyItem(at: GoldenSiteTests.templates, to: theme)
        try manager.removeItem(at: theme.appendingPathComponent("faq.mustache"))
        let folder = GoldenSiteTests.tests.appendingPathComponent("Fixtures/sites/basic")
        let result = SiteLoader(contentDirectory: folder.appendingPathComponent("content").path,
                                options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
        let (templates, _) = TemplateSet.load(directory: theme.path)
        let output = SiteBuilder(site: try #require(result.site), templates: try #require(templates)).build()
        #expect(output.diagnostics.map(\.id) == ["missing-template"])
        #expect(output.diagnostics.first?.file == "templates/faq.mustache")
        #expect(output.diagnostics.first?.message == "the page /faq/ needs the template 'faq'")
        let paths = Set(output.files.map(\.path))
        #expect(!paths.contains("faq/index.html"))
        #expect(paths.contains("index.html"))
        #expect(paths.contains("kb/index.html"))
    }
}
