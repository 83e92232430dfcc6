import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// `BuildSession.pagesAhead` renders an edited article's page before the build, byte for byte
/// as the build then renders it, and renders nothing when the edit could reach the page
/// through other files (or the page cannot be told from the last good build).
@Suite struct RenderAheadTests {
    static let article = "kb/devices/ascom-i63-caveats.md"

    /// A workspace built once, with its session and sink.
    private func built() throws -> (IncrementalWorkspace, BuildSession, MemorySink) {
        let workspace = try IncrementalWorkspace()
        let sink = MemorySink()
        let session = workspace.session(sink: sink)
        #expect(session.build().succeeded)
        return (workspace, session, sink)
    }

    private func watched(_ workspace: IncrementalWorkspace, _ path: String) -> String {
        workspace.content.appendingPathComponent(path).path
    }

    private func replace(_ old: String, with new: String, in path: String, _ workspace: IncrementalWorkspace) throws {
        let url = workspace.content.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "the fixture has \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test(arguments: [EditStep.editBody(path: article, number: 1), .editTitle(path: article, number: 2)])
    func aBodyOrTitleEditIsRenderedAheadAsTheBuildRendersIt(step: EditStep) throws {
        let (workspace, session, sink) = try built()
        defer { workspace.remove() }
        try workspace.apply(step)
        let ahead = session.renderAhead(changedPaths: [watched(workspace, Self.article)])
        let page = IncrementalWorkspace.outputPath(ofArticle: Self.article)
        #expect(ahead.map(\.path) == [page])
        let text = String(decoding: ahead.first?.bytes ?? [], as: UTF8.self)
        #expect(text.contains("number 1") || text.contains("Ascom i63 caveats (2)"), "the page ahead shows the edit")

        #expect(session.build().succeeded)
        let same = ahead.first?.bytes == sink.files[page]
        #expect(same, "the build renders the same bytes")
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)
    }

    @Test func anEditThatOtherFilesShapeWaitsForTheBuild() throws {
        let (workspace, session, _) = try built()
        defer { workspace.remove() }
        let path = watched(workspace, Self.article)

        // A tag moves the article in the related lists: its own related links may change.
        try replace("tags: [ascom, wifi, sip-devices]", with: "tags: [ascom, sip-devices]", in: Self.article, workspace)
        #expect(session.renderAhead(changedPaths: [path]).map(\.path) == [])
        #expect(session.build().succeeded)

        // An error in a file that still makes an article: a link to a file that does not exist.
        try replace("Two caveats matter.", with: "Two caveats matter, [see](no-such-article.md).", in: Self.article, workspace)
        #expect(session.renderAhead(changedPaths: [path]).map(\.path) == [])
        try replace("Two caveats matter, [see](no-such-article.md).", with: "Two caveats matter.", in: Self.article, workspace)

        // A front matter error: the page is not shown, the build reports it.
        try replace("tags: [ascom, sip-devices]", with: "tags: [ascom, sip-devices", in: Self.article, workspace)
        #expect(session.renderAhead(changedPaths: [path]).map(\.path) == [])
        #expect(!session.build().succeeded)
        // After a failed build nothing is rendered ahead, even for a good edit: the overlay waits for the build.
        try replace("tags: [ascom, sip-devices", with: "tags: [ascom, sip-devices]", in: Self.article, workspace)
        #expect(session.renderAhead(changedPaths: [path]).map(\.path) == [])
        #expect(session.build().succeeded)

        // A template beside the article, a category, a file that is not yet part of the site.
        try workspace.apply(.editBody(path: Self.article, number: 3))
        try workspace.apply(.template(name: "article", number: 4))
        #expect(session.renderAhead(changedPaths: [path, workspace.templates.appendingPathComponent("article.mustache").path]).map(\.path) == [])
        #expect(session.renderAhead(changedPaths: [path, watched(workspace, "kb/devices/_category.yml")]).map(\.path) == [])
        try workspace.apply(.add(copyOf: Self.article, slug: "a-new-article"))
        #expect(session.renderAhead(changedPaths: [watched(workspace, "kb/devices/a-new-article.md")]).map(\.path) == [])
        #expect(session.renderAhead(changedPaths: []).map(\.path) == [])
        #expect(session.build().succeeded)

        // The clock moved since the last build: a page may read it.
        try workspace.apply(.editBody(path: Self.article, number: 5))
        session.configuration.loadOptions.now = Instant(secondsSinceEpoch: workspace.now.secondsSinceEpoch + 3600)
        #expect(session.renderAhead(changedPaths: [path]).map(\.path) == [])
        session.configuration.loadOptions.now = workspace.now
        #expect(session.renderAhead(changedPaths: [path]).count == 1)
    }

    @Test func anArticleDatedByItsLastCommitKeepsThatDateAhead() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        try replace("updated: 2026-09-20\n", with: "", in: Self.article, workspace)
        var configuration = workspace.configuration()
        configuration.loadOptions.commitDates = [Self.article: Day(year: 2025, month: 3, day: 14)]
        let sink = MemorySink()
        let session = BuildSession(configuration: configuration, sink: sink)
        #expect(session.build().succeeded)
        try workspace.apply(.editBody(path: Self.article, number: 6))
        let ahead = session.renderAhead(changedPaths: [watched(workspace, Self.article)])
        let text = String(decoding: ahead.first?.bytes ?? [], as: UTF8.self)
        #expect(text.contains("14 March 2025"))
        #expect(session.build().succeeded)
        let same = ahead.first?.bytes == sink.files[IncrementalWorkspace.outputPath(ofArticle: Self.article)]
        #expect(same, "the build renders the same bytes")
    }

    /// `sed -i` writes `sedXXXXXX` beside the file and renames it over: the watcher reports both.
    /// The scratch file came and went without being part of the site, so the page is still shown.
    @Test func aToolsScratchFileThatCameAndWentIsNotAChange() throws {
        let (workspace, session, _) = try built()
        defer { workspace.remove() }
        let article = workspace.content.appendingPathComponent(Self.article)
        let scratch = article.deletingLastPathComponent().appendingPathComponent("sedAb12Cd")
        let text = try String(contentsOf: article, encoding: .utf8)
        try (text + "\nAn added paragraph.\n").write(to: scratch, atomically: false, encoding: .utf8)
        #expect(rename(scratch.path, article.path) == 0)
        #expect(!FileManager.default.fileExists(atPath: scratch.path))
        #expect(session.renderAhead(changedPaths: [article.path, scratch.path]).map(\.path) == [IncrementalWorkspace.outputPath(ofArticle: Self.article)])

        // A new file that stays is a change that waits for the build.
        try "a new file".write(to: scratch, atomically: false, encoding: .utf8)
        #expect(session.renderAhead(changedPaths: [article.path, scratch.path]).map(\.path) == [])
    }

    @Test func nothingIsRenderedAheadBeforeTheFirstBuild() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let session = workspace.session(sink: MemorySink())
        #expect(session.renderAhead(changedPaths: [watched(workspace, Self.article)]).map(\.path) == [])
    }
}

extension BuildSession {
    /// The last build's pages ahead at the session's clock, as `serve` asks for them.
    func renderAhead(changedPaths: Set<String>) -> [OutputFile] {
        pagesAhead?.render(changedPaths: changedPaths, now: configuration.loadOptions.now) ?? []
    }
}
