import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// A long-lived session makes an article's page spec again only when something it reads
/// changed: its file, or another article's title that it lists as related.
@Suite struct ArticlePageMemoTests {
    @Test func onlyArticlesThatReadWhatChangedAreMadeAgain() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let sink = MemorySink()
        let session = workspace.session(sink: sink)
        #expect(session.build().succeeded)
        let articleCount = workspace.articles().count
        #expect(session.articlePagesMade == articleCount)

        // A body edit: that article alone.
        let edited = "kb/devices/ascom-i63-caveats.md"
        try workspace.apply(.editBody(path: edited, number: 1))
        #expect(session.build().succeeded)
        #expect(session.articlePagesMade == 1)
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)

        // A title edit: the article, and every article listing it as related.
        let listed = "kb/devices/request-testing-of-a-new-device.md"
        try workspace.apply(.editTitle(path: listed, number: 2))
        let report = session.build()
        #expect(report.succeeded)
        #expect(session.articlePagesMade > 1)
        #expect(session.articlePagesMade < articleCount / 2)
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)
        let lister = try #require(sink.text("kb/devices/approved-device-list-and-licences/index.html"))
        #expect(lister.contains("(2)"), "the related link shows the new title")
    }
}
