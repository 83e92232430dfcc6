import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The link check of a rebuild reads pages carried over from the last build only when
/// what they name may have changed: an output path that an output named went, or a page that
/// was there changed its ids. Otherwise they are not read, except a page a new fragment points into.
@Suite(.serialized) struct KeptPageLinkCheckTests {
    /// A memory sink that counts how many kept files the build reads back.
    final class CountingSink: OutputSink, @unchecked Sendable {
        let inner = MemorySink()
        private let lock = NSLock()
        private var readCount = 0
        var reads: Int { lock.withLock { readCount } }
        func resetReads() { lock.withLock { readCount = 0 } }

        func begin() throws { try inner.begin() }
        func put(_ file: OutputFile, digest: ContentDigest) throws { try inner.put(file, digest: digest) }
        func keep(_ path: String, digest: ContentDigest) throws -> Bool { try inner.keep(path, digest: digest) }
        func commit() throws -> OutputChanges { try inner.commit() }
        func discard() { inner.discard() }
        func keptBytes(_ path: String) -> [UInt8]? {
            lock.withLock { readCount += 1 }
            return inner.keptBytes(path)
        }
    }

    @Test func keptPagesAreReadOnlyWhenWhatTheyNameMayHaveChanged() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let sink = CountingSink()
        let session = workspace.session(sink: sink)
        #expect(session.build().succeeded)

        // A body edit: one page written, no path or id changed. Of the kept pages only those the
        // written page's fragments point into are read (for their ids), not the other fifty.
        let article = try #require(workspace.articles().first)
        try workspace.apply(.editBody(path: article, number: 1))
        sink.resetReads()
        let body = session.build()
        #expect(body.succeeded)
        #expect(body.renderedPages == 1)
        #expect(sink.reads <= 3)

        // A word that only this edit had is gone, and with it the search index's files for it:
        // paths are gone, but nothing named them, so kept pages are not read.
        let articleURL = workspace.content.appendingPathComponent(article)
        let before = try String(contentsOf: articleURL, encoding: .utf8)
        try (before + "\nZqxvbjk qzwpfyr.\n").write(to: articleURL, atomically: false, encoding: .utf8)
        #expect(session.build().succeeded)
        try before.write(to: articleURL, atomically: false, encoding: .utf8)
        sink.resetReads()
        let unnamed = session.build()
        #expect(unnamed.succeeded)
        #expect(unnamed.changes.removed.contains { $0.hasPrefix("search/") }, "\(unnamed.changes.removed)")
        #expect(!unnamed.changes.removed.contains { $0.hasSuffix(".html") })
        #expect(sink.reads <= 3)

        // A new heading gives the page a new id: every kept page is read and checked again.
        let url = workspace.content.appendingPathComponent(article)
        try (String(contentsOf: url, encoding: .utf8) + "\n## A heading added by the test\n\nText.\n").write(to: url, atomically: false, encoding: .utf8)
        sink.resetReads()
        let heading = session.build()
        #expect(heading.succeeded)
        #expect(sink.reads > heading.pageCount / 2)

        // A new article: paths are only added, which cannot break a link, so kept pages are not read.
        try workspace.apply(.add(copyOf: article, slug: "added-by-the-test"))
        sink.resetReads()
        let added = session.build()
        #expect(added.succeeded, "\(added.diagnostics)")
        #expect(added.renderedPages > 1)
        #expect(sink.reads < added.pageCount / 4) // the new page's fragment targets only

        // An article deleted: a path is gone, so every kept page is read and checked again.
        try workspace.apply(.delete(path: "kb/\(article.split(separator: "/")[1])/added-by-the-test.md"))
        sink.resetReads()
        let deleted = session.build()
        #expect(deleted.succeeded, "\(deleted.diagnostics)")
        #expect(sink.reads > deleted.pageCount / 2)
    }

    /// A kept page that links to a page deleted in this build is reported, though the kept page
    /// itself was not rendered again.
    @Test func aLinkFromAKeptPageToADeletedPageIsReported() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let articles = workspace.articles()
        let linking = articles[0]
        let category = linking.split(separator: "/")[1]
        // A target nothing else names, so only the link check of the output can see it go.
        try workspace.apply(.add(copyOf: articles[1], slug: "link-target"))
        let target = "kb/\(category)/link-target.md"
        let url = workspace.content.appendingPathComponent(linking)
        let targetURL = "/" + IncrementalWorkspace.outputPath(ofArticle: target).dropLast("index.html".count)
        try (String(contentsOf: url, encoding: .utf8) + "\nSee [the other article](\(targetURL)).\n").write(to: url, atomically: false, encoding: .utf8)
        let session = workspace.session(sink: CountingSink())
        let first = session.build()
        #expect(first.succeeded, "\(first.diagnostics)")
        try workspace.apply(.delete(path: target))
        let report = session.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.file.hasSuffix(IncrementalWorkspace.outputPath(ofArticle: linking)) }, "\(report.diagnostics)")
    }

    /// A file that only the output's link check can see go (a search index file, named in a
    /// page's text), after a build that kept the naming page without reading it: the files named
    /// by what was not read are remembered from the build before, so the file's going still has
    /// every kept page read, and the broken link is reported.
    @Test func aLinkFromAPageKeptUnreadIsReportedWhenItsTargetGoes() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let articles = workspace.articles()
        let linking = workspace.content.appendingPathComponent(articles[0])
        let holding = workspace.content.appendingPathComponent(articles[1])
        let held = try String(contentsOf: holding, encoding: .utf8)
        // The typo vocabulary file of words beginning "zq" exists while the holding article has one.
        try (held + "\nZqxvbjk.\n").write(to: holding, atomically: false, encoding: .utf8)
        try (String(contentsOf: linking, encoding: .utf8) + "\nSee [the words](/search/v/zq.json).\n").write(to: linking, atomically: false, encoding: .utf8)
        let sink = CountingSink()
        let session = workspace.session(sink: sink)
        let first = session.build()
        #expect(first.succeeded, "\(first.diagnostics)")
        // An unrelated edit: the linking page is kept, not read.
        try workspace.apply(.editBody(path: articles[2], number: 1))
        sink.resetReads()
        let edit = session.build()
        #expect(edit.succeeded && edit.renderedPages == 1)
        #expect(sink.reads <= 3)
        // The word goes, and the file with it; the linking page is kept again.
        try held.write(to: holding, atomically: false, encoding: .utf8)
        let report = session.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.file.hasSuffix(IncrementalWorkspace.outputPath(ofArticle: articles[0])) && $0.id == "broken-reference" },
                "\(report.diagnostics)")
    }

    @Test func aFragmentIntoAnUnreadPageIsCheckedByReadingThatPage() {
        var check = OutputLinkCheck(baseURL: "https://support.example.com/", displayRoot: "public")
        check.addUnread(path: "kept/index.html", readable: true)
        check.addUnread(path: "other/index.html", readable: true)
        check.add(path: "new/index.html", bytes: Array("<a href=\"/kept/#present\">a</a>\n<a href=\"/kept/#absent\">b</a>".utf8))
        var asked: [String] = []
        let found = check.finish(readingIDs: { path in
            asked.append(path)
            return path == "kept/index.html" ? ["present"] : nil
        })
        #expect(found.map { "\($0.file):\($0.position) \($0.id)" } == ["public/new/index.html:2:10 missing-fragment"])
        // Only the page a fragment names is read, once.
        #expect(asked == ["kept/index.html"])
    }

    @Test func theFirstPlaceOfABrokenTargetDoesNotDependOnOrder() {
        let files = [
            OutputFile(path: "b/index.html", text: "<a href=\"/gone/\">x</a>"),
            OutputFile(path: "a/index.html", text: "\n<a href=\"/gone/\">x</a>"),
        ]
        let forwards = OutputLinkCheck.check(files, baseURL: "https://support.example.com/", displayRoot: "public")
        let backwards = OutputLinkCheck.check(files.reversed(), baseURL: "https://support.example.com/", displayRoot: "public")
        #expect(forwards.map { "\($0.file):\($0.position)" } == ["public/a/index.html:2:10"])
        #expect(backwards.map { "\($0.file):\($0.position)" } == ["public/a/index.html:2:10"])
    }
}
