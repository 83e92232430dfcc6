import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// `/sw.js`: what it keeps for offline reading, its cache version, and the pages' link to it.
@Suite struct ServiceWorkerTests {
    static func precacheList(_ worker: String) -> [String] {
        guard let start = worker.range(of: "\"precache\":["), let end = worker.range(of: "]};", range: start.upperBound..<worker.endIndex) else { return [] }
        return worker[start.upperBound..<end.lowerBound].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }

    @Test func keepsTheOutagePagesAndTheAssetsUnderTheBasePath() throws {
        let sink = try GoldenSiteTests.build("basic")
        let worker = try #require(sink.text("sw.js"))
        #expect(worker.hasPrefix("// Written by `switchboard build`"))
        #expect(worker.contains("\"base\":\"/docs\""))
        let kept = Self.precacheList(worker)
        #expect(kept.contains("/docs/"))
        #expect(kept.contains("/docs/policies/principles/"))
        #expect(kept.contains("/docs/policies/escalation/"))
        #expect(kept.contains("/docs/support/"))
        #expect(kept.contains { $0.hasPrefix("/docs/assets/site.") && $0.hasSuffix(".css") })
        #expect(!kept.contains("/docs/faq/"), "pages outside the outage set are kept only once read")
        #expect(!kept.contains("/docs/kb/returns/doa-return/"))
        // Every file it fetches at install exists in the build.
        for url in kept {
            #expect(url.hasPrefix("/docs/"))
            var path = String(url.dropFirst("/docs/".count))
            if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
            #expect(sink.files[path] != nil, "\(url) is kept but not built")
        }
    }

    @Test func everyPageNamesTheWorker() throws {
        let sink = try GoldenSiteTests.build("basic")
        for page in ["index.html", "faq/index.html", "404.html"] {
            #expect(sink.text(page)?.contains("<meta name=\"switchboard-service-worker\" content=\"/docs/sw.js\">") == true, "\(page)")
        }
    }

    @Test func theVersionFollowsTheKeptPagesOnly() throws {
        let loaded = SiteLoader(contentDirectory: GoldenSiteTests.tests.appendingPathComponent("Fixtures/sites/basic/content").path,
                                options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
        let site = try #require(loaded.site)
        let templates = try #require(TemplateSet.load(directory: GoldenSiteTests.templates.path).0)
        let pages = [PageSpec(url: "/", template: "home", title: "Home"), PageSpec(url: "/support/", template: "support", title: "Support"),
                     PageSpec(url: "/faq/", template: "faq", title: "FAQ")]
        func version(_ home: String, _ support: String, _ faq: String) throws -> String {
            let rendered = [OutputFile(path: "index.html", text: home), OutputFile(path: "support/index.html", text: support),
                            OutputFile(path: "faq/index.html", text: faq)]
            let worker = try #require(ServiceWorker.file(pages: pages, outputDigests: Dictionary(uniqueKeysWithValues: rendered.map { ($0.path, ContentDigest($0.bytes)) }),
                                                            templates: templates, site: site))
            let text = String(decoding: worker.bytes, as: UTF8.self)
            let start = try #require(text.range(of: "\"version\":\""))
            return String(text[start.upperBound...].prefix(12))
        }
        let first = try version("home", "hours 9-5", "faq")
        #expect(first.count == 12 && first.allSatisfy(\.isHexDigit))
        #expect(try version("home", "hours 9-5", "faq") == first, "the same build, the same version")
        #expect(try version("home", "hours 8-6", "faq") != first, "a changed support page must replace the saved copies")
        #expect(try version("home", "hours 9-5", "faq changed") == first, "pages kept once read are refreshed from the network")
    }

    @Test func aThemeWithoutAWorkerPublishesNone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-no-worker-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try String(contentsOf: GoldenSiteTests.templates.appendingPathComponent("head.mustache"), encoding: .utf8)
        try head.write(to: folder.appendingPathComponent("head.mustache"), atomically: true, encoding: .utf8)
        try "<head>{{{chrome.head}}}</head>{{{content}}}\n".write(to: folder.appendingPathComponent("layout.mustache"), atomically: true, encoding: .utf8)
        try "home\n".write(to: folder.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        let templates = try #require(TemplateSet.load(directory: folder.path).0)
        #expect(templates.serviceWorker == nil)
        let loaded = SiteLoader(contentDirectory: GoldenSiteTests.tests.appendingPathComponent("Fixtures/sites/basic/content").path,
                                options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
        let output = SiteBuilder(site: try #require(loaded.site), templates: templates).build()
        #expect(!output.files.contains { $0.path == "sw.js" })
        let home = try #require(output.files.first { $0.path == "index.html" })
        #expect(!String(decoding: home.bytes, as: UTF8.self).contains("switchboard-service-worker"))
    }
}
