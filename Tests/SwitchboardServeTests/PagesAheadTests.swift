import Foundation
import Testing
import SwitchboardModel
@testable import SwitchboardServe

/// `PreviewSession` shows pages rendered ahead of a build while the build runs, tells open
/// pages at once, and tells them again only when the build made the page differently; a
/// failed build serves the last good build without them.
@Suite struct PagesAheadTests {
    static let now = Instant("2026-11-26T12:00:00Z")!
    static let page = "kb/a/index.html"

    /// A builder that answers from a script, and records what the site served while it built.
    final class ScriptedBuilder: PreviewBuilder, @unchecked Sendable {
        var ahead: [String: [UInt8]] = [:]
        var next: PreviewBuild
        var site: PreviewSite?
        var servedDuringBuild: [UInt8]?
        /// Builds to answer before `next`, in order.
        var queued: [PreviewBuild] = []
        /// When set, each build signals `entered` and waits for `gate`.
        var gate: DispatchSemaphore?
        let entered = DispatchSemaphore(value: 0)

        init(files: SiteFiles) {
            next = PreviewBuild(files: files, diagnostics: [], basePath: "", fileCount: 1)
        }

        func renderAhead(changedPaths: Set<String>, now: Instant) -> [String: [UInt8]] { ahead }

        func build(changedPaths: Set<String>, now: Instant, checkingEverything: Bool) -> PreviewBuild {
            servedDuringBuild = site?.state.files?[PagesAheadTests.page]
            if let gate {
                entered.signal()
                gate.wait()
            }
            return queued.isEmpty ? next : queued.removeFirst()
        }
    }

    static func site(_ text: String) -> SiteFiles {
        SiteFiles([page: Array(text.utf8), "index.html": Array("home".utf8), "404.html": Array("missing".utf8)])
    }

    /// Runs one rebuild after a first build of "old", and returns it with every message sent.
    private func rebuild(ahead: String?, final: SiteFiles?) async -> (PreviewSession.Outcome, [String], ScriptedBuilder) {
        let builder = ScriptedBuilder(files: Self.site("old"))
        let session = PreviewSession(builder: builder) { Self.now }
        builder.site = session.site
        session.rebuild()
        let (_, stream) = session.hub.connect()
        builder.ahead = ahead.map { [Self.page: Array($0.utf8)] } ?? [:]
        builder.next = PreviewBuild(files: final, diagnostics: final == nil ? [Diagnostic(file: "content/kb/a/a.md", id: "yaml-syntax", message: "broken")] : [],
                                    basePath: "", fileCount: 1)
        let outcome = session.rebuild(changedPaths: ["content/kb/a/a.md"])
        session.hub.closeAll()
        var sent: [String] = []
        for await message in stream { sent.append(message) }
        return (outcome, sent, builder)
    }

    @Test func aPageAheadIsServedDuringTheBuildAndNotReloadedTwice() async {
        let (outcome, sent, builder) = await rebuild(ahead: "new", final: Self.site("new"))
        #expect(builder.servedDuringBuild == Array("new".utf8))
        #expect(sent == [#"{"command":"reload","path":"/kb/a/","liveCSS":true,"pages":["/kb/a/"]}"#])
        #expect(outcome.pagesShownAhead == 1)
        #expect(outcome.messages.isEmpty)
    }

    @Test func aPageTheBuildMadeDifferentlyIsReloadedAgain() async {
        let (outcome, sent, builder) = await rebuild(ahead: "new", final: Self.site("newer"))
        #expect(builder.servedDuringBuild == Array("new".utf8))
        #expect(sent.count == 2)
        #expect(outcome.messages.first?.pages == ["/kb/a/"])
    }

    @Test func aFailedBuildServesTheLastGoodBuildWithoutThePageAhead() async {
        let (outcome, _, builder) = await rebuild(ahead: "new", final: nil)
        #expect(builder.servedDuringBuild == Array("new".utf8))
        #expect(outcome.overlayChanged)
        let site = try? #require(builder.site)
        #expect(site?.state.files?[Self.page] == Array("old".utf8))
        #expect(site?.state.overlay != nil)
    }

    @Test func withoutPagesAheadTheBuildAloneTells() async {
        let (outcome, sent, builder) = await rebuild(ahead: nil, final: Self.site("new"))
        #expect(builder.servedDuringBuild == Array("old".utf8))
        #expect(sent.count == 1)
        #expect(outcome.pagesShownAhead == 0)
        #expect(outcome.messages.first?.pages == ["/kb/a/"])
    }

    /// A save while the last one is being built shows at once; the build that was running (which
    /// may not have read it) leaves it shown, and the build after replaces it without a reload.
    @Test func aSaveDuringABuildIsShownAtOnceAndBuiltNext() {
        let builder = ScriptedBuilder(files: Self.site("old"))
        let session = PreviewSession(builder: builder) { Self.now }
        builder.site = session.site
        session.rebuild()
        let gate = DispatchSemaphore(value: 0)
        builder.gate = gate
        builder.queued = [PreviewBuild(files: Self.site("v1"), diagnostics: [], basePath: "", fileCount: 1)]
        builder.next = PreviewBuild(files: Self.site("v2"), diagnostics: [], basePath: "", fileCount: 1)
        let reported = DispatchSemaphore(value: 0)
        let outcomes = Outcomes()

        builder.ahead = [Self.page: Array("v1".utf8)]
        session.saved(["content/kb/a/a.md"]) { outcomes.append($0); reported.signal() }
        builder.entered.wait()
        builder.ahead = [Self.page: Array("v2".utf8)]
        session.saved(["content/kb/a/a.md"]) { outcomes.append($0); reported.signal() }
        #expect(session.site.state.files?[Self.page] == Array("v2".utf8), "shown while the first build runs")

        gate.signal()
        builder.entered.wait()
        #expect(session.site.state.files?[Self.page] == Array("v2".utf8), "the first build left the newer page shown")
        #expect(session.site.state.files?["index.html"] == Array("home".utf8))
        gate.signal()
        reported.wait()
        reported.wait()
        #expect(session.site.state.files?[Self.page] == Array("v2".utf8))
        #expect(!(session.site.state.files is PagesShownAhead), "the second build replaced the page shown ahead")
        let all = outcomes.all
        #expect(all.count == 2)
        #expect(all.first?.messages.isEmpty == true, "\(all.first?.messages ?? [])")
        #expect(all.last?.messages.isEmpty == true, "\(all.last?.messages ?? [])")
    }

    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var outcomes: [PreviewSession.Outcome] = []
        func append(_ outcome: PreviewSession.Outcome) { lock.lock(); outcomes.append(outcome); lock.unlock() }
        var all: [PreviewSession.Outcome] { lock.lock(); defer { lock.unlock() }; return outcomes }
    }

    @Test func nothingIsShownAheadOverTheOverlay() {
        let site = PreviewSite()
        #expect(!site.showAhead([Self.page: [1]]), "no good build yet")
        site.apply(PreviewBuild(files: Self.site("old"), diagnostics: [], basePath: "", fileCount: 1))
        site.apply(PreviewBuild(files: nil, diagnostics: [Diagnostic(file: "x", id: "y", message: "z")], basePath: nil, fileCount: 1))
        #expect(!site.showAhead([Self.page: [1]]), "the overlay shows")
        #expect(site.state.files?[Self.page] == Array("old".utf8))
    }
}
