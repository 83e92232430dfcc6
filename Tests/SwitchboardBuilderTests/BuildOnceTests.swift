import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// A session that builds once (`switchboard build`) lets go early of what a long-lived one keeps:
/// the articles' bodies wait in a temporary file (`ArticleBodyStore`), the page specs and search
/// documents are handed off as they are used, and article contexts are made late. Its output is
/// a long-lived session's, byte for byte.
@Suite struct BuildOnceTests {
    @Test(arguments: [false, true])
    func aBuildOnceIsTheSameSite(withCacheFolder: Bool) throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        var configuration = workspace.configuration(cache: withCacheFolder ? workspace.root.appendingPathComponent("cache").path : nil)
        configuration.buildsOnce = true
        let sink = MemorySink()
        let report = BuildSession(configuration: configuration, sink: sink).build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.renderedPages > 20)
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)
    }
}
