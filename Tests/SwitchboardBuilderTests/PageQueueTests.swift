import Testing
@testable import SwitchboardBuilder

/// A build's page specs are let go once their batch has taken them, and a session that builds
/// once keeps no article specs for a next build: nothing else holds the specs to the end.
@Suite struct PageQueueTests {
    /// A value in a spec's context that tells whether anything still holds it.
    private final class Marker: Sendable {}

    @Test func aTakenSpecIsNoLongerHeld() {
        weak var first: Marker?
        weak var last: Marker?
        let queue: PageQueue = {
            let a = Marker(), b = Marker()
            first = a
            last = b
            return PageQueue([PageSpec(url: "/a/", template: "page", title: "A", context: ["marker": a]),
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
