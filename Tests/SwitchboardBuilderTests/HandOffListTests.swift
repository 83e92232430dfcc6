import Testing
@testable import SwitchboardBuilder

/// A build's page specs are let go once their batch has taken them, and its search documents
/// once analysed; a session that builds once keeps no article specs for a next build: nothing
/// else holds them to the end.
@Suite struct HandOffListTests {
    /// A value in a spec's context that tells whether anything still holds it.
    private final class Marker: Sendable {}

    @Test func aTakenSpecIsNoLongerHeld() {
        weak var first: Marker?
        weak var last: Marker?
        let queue: HandOffList<PageSpec> = {
            let a = Marker(), b = Marker()
            first = a
            last = b
            return HandOffList([PageSpec(url: "/a/", template: "page", title: "A", context: ["marker": a]),
                              PageSpec(url: "/b/", template: "page", title: "B", context: ["marker": b])])
        }()
        #expect(first != nil && last != nil)
        do {
            let taken = queue.take(0..<1)
            #expect(taken.map(\.url) == ["/a/"])
        }
        #expect(first == nil, "the queue let go of the spec it handed out")
        #expect(last != nil, "a spec not yet taken is kept")
        #expect(queue.take(1..<2).map(\.url) == ["/b/"])
    }

    @Test func aTakenElementIsNoLongerHeld() {
        weak var marker: Marker?
        let list: HandOffList<[Marker]> = {
            let held = Marker()
            marker = held
            return HandOffList([[held], []])
        }()
        #expect(list.remaining == 2)
        #expect(list.all().count == 2, "reading every element takes none")
        #expect(marker != nil)
        _ = list.take(0)
        #expect(marker == nil, "the list let go of the element it handed out")
        #expect(list.remaining == 1)
    }

    /// The search index takes every document out of its list as it analyses it, whether the
    /// analysis is made or comes from the cache: the list is their only holder in a build, and a
    /// document left in it is held to the end of the build.
    @Test func theSearchIndexTakesEveryDocument() {
        let documents = SearchIndexWriterTests.documents()
        let digests = SearchAnalysisCacheTests.digests(documents)
        let cache = SearchAnalysisCache()
        for round in ["made", "from the cache"] {
            let list = HandOffList(documents)
            let files = SearchIndexWriter.files(taking: list, basePath: "", digests: digests, cache: cache)
            #expect(list.remaining == 0, "analyses \(round)")
            #expect(files.map(\.path) == SearchIndexWriter.files(for: documents, basePath: "").map(\.path))
        }
        #expect(cache.count == documents.count)
    }

    @Test func aSessionThatBuildsOnceKeepsNoArticleSpecs() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        var configuration = workspace.configuration()
        let kept = BuildSession(configuration: configuration, sink: MemorySink())
        #expect(kept.build().succeeded)
        #expect(kept.articlePagesMade > 0)

        configuration.buildsOnce = true
        let once = BuildSession(configuration: configuration, sink: MemorySink())
        #expect(once.build().succeeded)
        #expect(once.articlePagesMade == 0)
    }
}
