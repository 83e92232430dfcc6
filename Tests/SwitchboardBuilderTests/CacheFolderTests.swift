import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// Parsed files and search analyses kept in the cache folder: `switchboard build` run again (a new session,
/// as a new process is) parses only the file that changed, its output is a clean build's,
/// and a damaged cache file costs a full parse, never a wrong site.
@Suite struct CacheFolderTests {
    private func build(_ workspace: IncrementalWorkspace, cache: String) -> BuildReport {
        BuildSession(configuration: workspace.configuration(cache: cache), sink: MemorySink()).build()
    }

    @Test func aNewSessionParsesOnlyTheChangedFile() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let cache = workspace.root.appendingPathComponent("cache").path
        let first = build(workspace, cache: cache)
        #expect(first.succeeded)
        let fileCount = first.parsedFiles
        #expect(fileCount > 20)

        let article = workspace.articles()[0]
        try workspace.apply(.editBody(path: article, number: 1))
        let sink = MemorySink()
        let second = BuildSession(configuration: workspace.configuration(cache: cache), sink: sink).build()
        #expect(second.succeeded)
        #expect(second.parsedFiles == 1)
        #expect(second.analysedDocuments == 1)
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)
    }

    /// Parsing reads the clock's day and no more (a policy past its review date): a build later
    /// the same day parses nothing again, as `switchboard build` without `--now` (a clock of its
    /// own each run) had parsed every file; the next day every file is parsed again, and a
    /// policy due for review the day before is reported.
    @Test func aLaterClockOnTheSameDayParsesNothingAgain() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let cache = workspace.root.appendingPathComponent("cache").path
        let policy = workspace.content.appendingPathComponent("policies/policy.md")
        let text = try String(contentsOf: policy, encoding: .utf8)
        #expect(text.contains("review_by: 2027-03-01"))
        try text.replacingOccurrences(of: "review_by: 2027-03-01", with: "review_by: 2026-11-26")
            .write(to: policy, atomically: false, encoding: .utf8)
        // 2026-11-26T12:00:00Z: due today, not yet overdue.
        let first = build(workspace, cache: cache)
        #expect(first.succeeded)
        #expect(!first.diagnostics.contains { $0.id == "review-overdue" })

        workspace.now = Instant(secondsSinceEpoch: IncrementalBuildTests.start.secondsSinceEpoch + 5 * 3600)
        let sink = MemorySink()
        let later = BuildSession(configuration: workspace.configuration(cache: cache), sink: sink).build()
        #expect(later.succeeded)
        #expect(later.parsedFiles == 0)
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)

        workspace.now = Instant(secondsSinceEpoch: IncrementalBuildTests.start.secondsSinceEpoch + 24 * 3600)
        let nextDay = build(workspace, cache: cache)
        #expect(nextDay.parsedFiles == first.parsedFiles)
        #expect(nextDay.diagnostics.contains { $0.id == "review-overdue" && $0.file.hasSuffix("policies/policy.md") })
    }

    /// A file's parse is keyed by what its links found in the content map, not by every content
    /// path: a file added or renamed is parsed alone, and a file whose link names a path that
    /// comes or goes is parsed again (its broken link reported, then gone), by a new session as
    /// by a long-lived one. Keyed by every path, each of these steps had parsed every file.
    @Test func aFileAddedOrRemovedParsesOnlyTheFilesThatLinkToIt() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let cache = workspace.root.appendingPathComponent("cache").path
        let live = BuildSession(configuration: workspace.configuration(), sink: MemorySink())
        func builds() -> [BuildReport] { [build(workspace, cache: cache), live.build()] }
        let first = builds()
        #expect(first.allSatisfy { $0.succeeded })
        #expect(first[0].parsedFiles > 20)

        let articles = workspace.articles()
        let (original, linking) = (articles[0], articles[1])
        let folder = (original as NSString).deletingLastPathComponent
        try workspace.apply(.add(copyOf: original, slug: "link-target"))
        try workspace.apply(.add(copyOf: original, slug: "spare"))
        for report in builds() {
            #expect(report.succeeded)
            #expect(report.parsedFiles == 2)
        }
        // A link from another folder's article to the new one.
        let linkingFile = workspace.content.appendingPathComponent(linking)
        let relative = folder == (linking as NSString).deletingLastPathComponent ? "link-target.md"
            : "../\((folder as NSString).lastPathComponent)/link-target.md"
        let text = try String(contentsOf: linkingFile, encoding: .utf8)
        try (text + "\nSee [the new article](\(relative)).\n").write(to: linkingFile, atomically: false, encoding: .utf8)
        for report in builds() {
            #expect(report.succeeded)
            #expect(report.parsedFiles == 1)
        }
        // A file nothing names renamed: parsed under its new path, alone.
        try workspace.apply(.rename(path: "\(folder)/spare.md", slug: "renamed-spare"))
        for report in builds() {
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(report.parsedFiles == 1)
        }
        // The target gone: the linking file is parsed again, and its link is broken.
        try workspace.apply(.delete(path: "\(folder)/link-target.md"))
        for report in builds() {
            #expect(!report.succeeded)
            #expect(report.diagnostics.contains { $0.id == "broken-link" && $0.file.hasSuffix(linking) }, "\(report.diagnostics)")
        }
        // And back (with other words, or the last good build's site would be carried over
        // unparsed): parsed again, the link whole.
        try workspace.apply(.add(copyOf: original, slug: "link-target"))
        try workspace.apply(.editBody(path: "\(folder)/link-target.md", number: 1))
        for report in builds() {
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(report.parsedFiles == 2)
        }
    }

    /// A broken link's suggestion looks through every content path, so a file with one is parsed
    /// again when any path comes or goes, not only the one its link names.
    @Test func aBrokenLinksSuggestionFollowsTheFilesAdded() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let cache = workspace.root.appendingPathComponent("cache").path
        let live = BuildSession(configuration: workspace.configuration(), sink: MemorySink())
        let article = workspace.articles()[0]
        let file = workspace.content.appendingPathComponent(article)
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\nSee [the new article](brand-new-articel.md).\n").write(to: file, atomically: false, encoding: .utf8)
        for report in [build(workspace, cache: cache), live.build()] {
            #expect(report.diagnostics.contains { $0.id == "broken-link" && !$0.message.contains("brand-new-article.md") })
        }
        // Beside the article, so that its link would name it but for the typing mistake.
        let folder = (article as NSString).deletingLastPathComponent
        try FileManager.default.copyItem(at: workspace.content.appendingPathComponent(workspace.articles()[1]),
                                         to: workspace.content.appendingPathComponent("\(folder)/brand-new-article.md"))
        for report in [build(workspace, cache: cache), live.build()] {
            #expect(report.diagnostics.contains { $0.id == "broken-link" && $0.message.contains("brand-new-article.md") }, "\(report.diagnostics)")
        }
    }

    /// A session that builds once (`switchboard build`) writes the search analyses to the folder
    /// while its index is built and lets them go, and its parsed files once written. The folder
    /// then holds a base and no delta (an empty delta had been written after the write-through),
    /// and a later build of the same session reads them back: it parses and analyses only the edited page, and its output is a
    /// clean build's.
    @Test func analysesWrittenThroughAreReadBackByTheNextBuild() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let cache = workspace.root.appendingPathComponent("cache").path
        var configuration = workspace.configuration(cache: cache)
        configuration.buildsOnce = true
        let sink = MemorySink()
        let session = BuildSession(configuration: configuration, sink: sink)
        let first = session.build()
        #expect(first.succeeded)
        #expect(first.analysedDocuments ?? 0 > 20)
        #expect(FileReader.read("\(cache)/search.cache") != nil)
        #expect(FileReader.read("\(cache)/search.cache.delta") == nil)
        // The parsed files too are let go once written (they held every article's body).
        session.waitForCacheWrites()
        #expect(session.heldParsedFiles == 0)

        try workspace.apply(.editBody(path: workspace.articles()[0], number: 1))
        let second = session.build()
        #expect(second.succeeded)
        #expect(second.analysedDocuments == 1)
        #expect(second.parsedFiles == 1)
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)
    }

    /// Search analyses read from the folder are read entry by entry and not held encoded: a
    /// delta needs only the new ones, and a new base encodes the kept ones again from the
    /// numbered pieces. That base is whole: a new session with nothing changed analyses nothing,
    /// and builds a clean build's site.
    @Test func analysesReadFromTheFolderAreWrittenAgainWhole() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let cache = workspace.root.appendingPathComponent("cache").path
        var configuration = workspace.configuration(cache: cache)
        configuration.buildsOnce = true
        #expect(BuildSession(configuration: configuration, sink: MemorySink()).build().succeeded)
        let base = try #require(FileReader.read("\(cache)/search.cache"))

        // One edit: a delta beside the base.
        let articles = workspace.articles()
        try workspace.apply(.editBody(path: articles[0], number: 1))
        let one = BuildSession(configuration: configuration, sink: MemorySink()).build()
        #expect(one.analysedDocuments == 1)
        let unchanged = FileReader.read("\(cache)/search.cache") == base
        #expect(unchanged)
        #expect(FileReader.read("\(cache)/search.cache.delta") != nil)

        // Forty new articles: too many for a delta, so a new base, the kept analyses encoded again.
        for number in 0..<40 { try workspace.apply(.add(copyOf: articles[number % articles.count], slug: "copy-\(number)")) }
        let many = BuildSession(configuration: configuration, sink: MemorySink()).build()
        #expect(many.succeeded)
        #expect(many.analysedDocuments == 40)
        #expect(FileReader.read("\(cache)/search.cache.delta") == nil)
        let rewritten = FileReader.read("\(cache)/search.cache")
        #expect(rewritten != nil && rewritten != base)

        let sink = MemorySink()
        let again = BuildSession(configuration: configuration, sink: sink).build(carryingOver: false)
        #expect(again.succeeded)
        #expect(again.analysedDocuments == 0)
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)
    }

    /// An edit adds a small delta file beside the base, which stays as it was; once the delta
    /// would hold more than a tenth of the entries (at least 32), the base is written whole again.
    @Test func anEditWritesADeltaUntilTheBaseIsWorthRewriting() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let cache = workspace.root.appendingPathComponent("cache").path
        let base = "\(cache)/parsed.cache", delta = base + ".delta"
        #expect(build(workspace, cache: cache).succeeded)
        let first = try #require(FileReader.read(base))
        #expect(FileReader.read(delta) == nil)

        let articles = workspace.articles()
        try workspace.apply(.editBody(path: articles[0], number: 1))
        #expect(build(workspace, cache: cache).parsedFiles == 1)
        #expect(FileReader.read(base) == first)
        let small = try #require(FileReader.read(delta))
        #expect(small.count * 10 < first.count)

        // A damaged delta costs only its own entries.
        var damaged = small
        damaged.removeLast()
        try Data(damaged).write(to: URL(fileURLWithPath: delta))
        try workspace.apply(.editBody(path: articles[1], number: 2))
        #expect(build(workspace, cache: cache).parsedFiles == 2)

        // Files added: only they are parsed (no other file's links name them), into the delta.
        for number in 0..<3 { try workspace.apply(.add(copyOf: articles[0], slug: "added-\(number)")) }
        #expect(build(workspace, cache: cache).parsedFiles == 3)
        #expect(FileReader.read(base) == first)
        #expect(FileReader.read(delta) != nil)

        // A day later every file is parsed again (each key holds the clock's day): more than a
        // delta should hold, and the base is written whole again.
        workspace.now = Instant(secondsSinceEpoch: IncrementalBuildTests.start.secondsSinceEpoch + 24 * 3600)
        let sink = MemorySink()
        let report = BuildSession(configuration: workspace.configuration(cache: cache), sink: sink).build()
        #expect(report.succeeded)
        #expect(FileReader.read(delta) == nil)
        #expect(FileReader.read(base) != first)
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)
    }

    /// A session kept alive writes the cache folder again after each edit, though it lets go of
    /// the encoded entries after each write: the file stays whole.
    @Test func aLongLivedSessionKeepsTheFolderWhole() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let cache = workspace.root.appendingPathComponent("cache").path
        let live = BuildSession(configuration: workspace.configuration(cache: cache), sink: MemorySink())
        #expect(live.build().succeeded)
        let articles = workspace.articles()
        try workspace.apply(.editBody(path: articles[0], number: 1))
        #expect(live.build().parsedFiles == 1)
        try workspace.apply(.editBody(path: articles[1], number: 2))
        #expect(live.build().parsedFiles == 1)
        try workspace.apply(.editBody(path: articles[2], number: 3))
        live.waitForCacheWrites()
        let sink = MemorySink()
        let fresh = BuildSession(configuration: workspace.configuration(cache: cache), sink: sink).build()
        #expect(fresh.parsedFiles == 1)
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)
    }

    /// A new `switchboard` may write the same inputs differently (a new search index format, a
    /// fixed escape), and the hashes of pages and search documents cover inputs, not code: it
    /// renders every page and writes the index again instead of carrying over what the old one
    /// wrote. The same program with nothing changed renders nothing.
    @Test func anotherProgramBuildsEverythingAgain() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let cache = workspace.root.appendingPathComponent("cache").path
        let output = workspace.root.appendingPathComponent("public").path
        /// A new session, as `switchboard build` runs one.
        func build(by program: String) -> BuildReport {
            var configuration = workspace.configuration(cache: cache)
            configuration.programIdentity = program
            let sink = DiskSink(directory: output, manifestPath: BuildCache.outputManifestPath(in: cache, for: output))
            let session = BuildSession(configuration: configuration, sink: sink)
            defer { session.waitForCacheWrites() }
            return session.build()
        }
        let first = build(by: "switchboard one")
        #expect(first.succeeded && first.renderedPages == first.pageCount)
        let again = build(by: "switchboard one")
        #expect(again.carriedOver && again.renderedPages == 0)
        let upgraded = build(by: "switchboard two")
        #expect(upgraded.succeeded)
        #expect(!upgraded.carriedOver)
        #expect(upgraded.renderedPages == first.pageCount)
        #expect(upgraded.parsedFiles == first.parsedFiles, "the parse cache is the old program's too")
        #expect(upgraded.analysedDocuments != nil, "the search index is written again")
    }

    @Test(arguments: ["truncated", "flipped", "reworded", "foreign"])
    func aDamagedCacheFileIsParsedAgain(damage: String) throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let cache = workspace.root.appendingPathComponent("cache").path
        let fileCount = build(workspace, cache: cache).parsedFiles
        let path = "\(cache)/parsed.cache"
        var bytes = try #require(FileReader.read(path))
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "flipped":
            // Every 97th byte past the header: tags, lengths, keys and text alike.
            for index in stride(from: 40, to: bytes.count, by: 97) { bytes[index] ^= 0x5A }
        case "reworded":
            // Text changed inside rendered HTML, the structure intact: the entries still decode,
            // and only their hashes tell.
            let end = Array("</p>".utf8)
            var changed = 0
            for index in 1..<(bytes.count - end.count) where bytes[index..<index + end.count].elementsEqual(end)
                && bytes[index - 1] >= 0x21 && bytes[index - 1] < 0x7F && bytes[index - 1] != UInt8(ascii: ">") {
                bytes[index - 1] = UInt8(ascii: "#")
                changed += 1
            }
            #expect(changed > 10)
        default: bytes = Array("switchboard parsed files 3\n".utf8) + [3] + Array("xyz".utf8) + bytes.dropFirst(27)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        try workspace.apply(.editBody(path: workspace.articles()[1], number: 2))
        let sink = MemorySink()
        let report = BuildSession(configuration: workspace.configuration(cache: cache), sink: sink).build()
        #expect(report.succeeded)
        #expect(IncrementalWorkspace.difference(sink.files, workspace.cleanBuild()) == nil)
        if damage != "flipped" && damage != "reworded" { #expect(report.parsedFiles == fileCount) }
    }
}
