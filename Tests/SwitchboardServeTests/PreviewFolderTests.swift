import Foundation
import Testing
import SwitchboardModel
@testable import SwitchboardServe

/// `serve` with a cache folder builds into `<cache>/preview/site` and serves from there:
/// the same bytes as a preview in memory, a next server that renders nothing it need not,
/// one server per folder, and stylesheet swaps told from the tree the swap replaced.
@Suite(.serialized) struct PreviewFolderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let now = Instant("2026-11-26T12:00:00Z")!

    /// A copy of the bundled content and templates, and an empty cache folder beside them.
    final class Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-preview-folder-\(getpid())-\(UUID().uuidString)")
        var content: String { root.appendingPathComponent("content").path }
        var templates: String { root.appendingPathComponent("templates").path }
        var cache: String { root.appendingPathComponent("cache").path }

        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in ["content", "templates"] {
                try FileManager.default.copyItem(at: PreviewFolderTests.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
            }
        }

        func builder(cache: Bool = true, baseURL: String? = nil) -> SessionPreviewBuilder {
            SessionPreviewBuilder(contentDirectory: content, templatesDirectory: templates,
                                  loadOptions: LoadOptions(now: PreviewFolderTests.now, baseURL: baseURL), cacheDirectory: cache ? self.cache : nil)
        }

        func append(_ text: String, to path: String) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            try handle.close()
        }

        deinit { try? FileManager.default.removeItem(at: root) }
    }

    @Test func theFolderHoldsWhatMemoryWouldAndTheNextServerRendersNothingUnchanged() throws {
        let workspace = try Workspace()
        let inMemory = workspace.builder(cache: false).build(changedPaths: [], now: Self.now)
        let memoryFiles = try #require(inMemory.files as? SiteFiles)

        var first: SessionPreviewBuilder? = workspace.builder()
        let built = first!.build(changedPaths: [], now: Self.now)
        #expect(first!.outputDirectory == workspace.cache + "/preview/site")
        let folder = try #require(built.files)
        #expect(built.renderedPages > 50)
        #expect(built.outputCount == memoryFiles.count)
        for (path, bytes) in memoryFiles.contents {
            #expect(folder[path] == bytes, "\(path)")
        }
        #expect(folder["no/such/file.html"] == nil)
        first!.waitForCacheWrites()
        first = nil

        // The next server starts from the folder: nothing to render, the same site.
        let second = workspace.builder()
        let again = second.build(changedPaths: [], now: Self.now)
        #expect(again.carriedOver)
        #expect(again.renderedPages == 0)
        #expect(again.files?["index.html"] == memoryFiles["index.html"])
        // Warming up loads everything and changes nothing.
        let warm = second.build(changedPaths: [], now: Self.now, checkingEverything: true)
        #expect(!warm.carriedOver)
        #expect(warm.renderedPages == 0)
        #expect(warm.changedOutputs == [])

        // A body edit renders that page only, and the folder shows it.
        let article = workspace.content + "/kb/devices/ascom-i63-caveats.md"
        try workspace.append("\nA paragraph added by the test.\n", to: article)
        let edited = second.build(changedPaths: [article], now: Self.now)
        #expect(edited.renderedPages == 1)
        let page = try #require(edited.files?["kb/devices/ascom-i63-caveats/index.html"])
        #expect(String(decoding: page, as: UTF8.self).contains("A paragraph added by the test."))
    }

    @Test func aStartThatCarriesTheSiteOverKnowsItsBasePath() throws {
        let workspace = try Workspace()
        var first: SessionPreviewBuilder? = workspace.builder(baseURL: "https://example.com/docs/")
        #expect(first!.build(changedPaths: [], now: Self.now).basePath == "/docs")
        first!.waitForCacheWrites()
        first = nil
        let second = workspace.builder(baseURL: "https://example.com/docs/")
        let again = second.build(changedPaths: [], now: Self.now)
        #expect(again.carriedOver)
        #expect(again.basePath == "/docs")
    }

    @Test func aSecondServerOnTheSameCacheFolderKeepsItsSiteInMemory() throws {
        let workspace = try Workspace()
        let first = workspace.builder()
        #expect(first.outputDirectory != nil)
        let second = workspace.builder()
        #expect(second.outputDirectory == nil)
        let built = second.build(changedPaths: [], now: Self.now)
        #expect(built.files is SiteFiles)
        #expect(built.files?["index.html"] != nil)
        withExtendedLifetime(first) {}
    }

    @Test func stylesheetSwapsAndPageReloadsAreToldApartFromTheFolder() throws {
        let workspace = try Workspace()
        let session = PreviewSession(builder: workspace.builder()) { Self.now }
        session.rebuild()
        try workspace.append("\nmain h1 { color: rgb(1, 2, 3); }\n", to: workspace.templates + "/assets/site.css")
        let outcome = session.rebuild(changedPaths: [workspace.templates + "/assets/site.css"])
        // One message per stylesheet renamed, none naming pages: `site.css` changed name, and the
        // pages linking it changed only in that link.
        #expect(outcome.messages.count == 1)
        #expect(outcome.messages.allSatisfy { $0.isStylesheetSwap }, "\(outcome.messages)")

        // A stylesheet and a page's text in one rebuild: that page reloads. Telling this apart
        // needs the pages as they were before the swap, which the folder no longer has.
        let article = workspace.content + "/kb/devices/ascom-i63-caveats.md"
        try workspace.append("\nmain h2 { color: rgb(3, 2, 1); }\n", to: workspace.templates + "/assets/site.css")
        try workspace.append("\nA paragraph added by the test.\n", to: article)
        let both = session.rebuild(changedPaths: [workspace.templates + "/assets/site.css", article])
        #expect(both.messages.count == 1)
        #expect(both.messages.first?.isStylesheetSwap == false, "\(both.messages)")
        #expect(both.messages.first?.pages == ["/kb/devices/ascom-i63-caveats/"], "\(both.messages)")
    }

    @Test func folderPathsNeverLeaveTheFolder() {
        for path in ["../etc/passwd", "kb/../../x", "/etc/passwd", "kb//a", "./index.html", "", "kb/\u{0}/x"] {
            #expect(!FolderFiles.isInside(path), "\(path)")
        }
        for path in ["index.html", "kb/a/index.html", "assets/site.0a1b2c3d4e.css", "kb/a..b/index.html"] {
            #expect(FolderFiles.isInside(path), "\(path)")
        }
    }
}
