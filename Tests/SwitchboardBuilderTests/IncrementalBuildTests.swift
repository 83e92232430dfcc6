import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The differential test of incremental builds: a seeded random sequence of edits
/// to a copy of content/ and templates/; after every step, the output of a
/// long-lived session (in memory) and of a new session per step reading the cache
/// folder (as `switchboard build` does) must equal a clean build byte for byte.
/// A failing sequence is shrunk and printed; save it under
/// Tests/Fixtures/incremental/ and `recordedSequencesStayFixed` replays it for ever.
@Suite(.serialized) struct IncrementalBuildTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let start = Instant("2026-11-26T12:00:00Z")!

    @Test(arguments: [1, 2, 3])
    func incrementalOutputEqualsACleanBuild(seed: UInt64) throws {
        let steps = IncrementalWorkspace.randomSteps(seed: seed, count: 8)
        if let failure = try IncrementalWorkspace.firstMismatch(steps) {
            let shrunk = try IncrementalWorkspace.shrink(steps)
            Issue.record("""
                seed \(seed): \(failure)
                shrunk sequence (save as Tests/Fixtures/incremental/<name>.steps):
                \(shrunk.map(\.line).joined(separator: "\n"))
                """)
        }
    }

    /// Every sequence kept under Tests/Fixtures/incremental/ still builds incrementally as a clean build does.
    @Test func recordedSequencesStayFixed() throws {
        let folder = Self.repository.appendingPathComponent("Tests/Fixtures/incremental")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".steps") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let steps = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.compactMap { EditStep(line: String($0)) }
            #expect(!steps.isEmpty, "\(name) has no steps")
            if let failure = try IncrementalWorkspace.firstMismatch(steps) { Issue.record("\(name): \(failure)") }
        }
    }

    /// What each kind of edit re-renders: the work saved, not only the result.
    @Test func anEditRendersOnlyThePagesThatReadIt() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let session = workspace.session(sink: MemorySink())
        let first = session.build()
        #expect(first.succeeded, "\(first.diagnostics)")
        #expect(first.renderedPages == first.pageCount)

        let unchanged = session.build()
        #expect(unchanged.renderedPages == 0)
        #expect(unchanged.parsedFiles == 0)
        #expect(unchanged.changes.isEmpty)

        // A body edit: that article's page and the search index, no listing.
        let article = try #require(workspace.articles().first)
        try workspace.apply(.editBody(path: article, number: 1))
        let body = session.build()
        #expect(body.succeeded)
        #expect(body.renderedPages == 1)
        #expect(body.parsedFiles == 1, "only the edited file is parsed again")
        let pages = body.changes.written.filter { $0.hasSuffix(".html") }
        #expect(pages == [IncrementalWorkspace.outputPath(ofArticle: article)])
        #expect(body.changes.written.contains { $0.hasPrefix("search/") })

        // A title edit: the article, its category's listing and the pages that link to it by title.
        try workspace.apply(.editTitle(path: article, number: 2))
        let title = session.build()
        #expect(title.succeeded)
        let category = article.split(separator: "/")[1]
        #expect(title.changes.written.contains("kb/\(category)/index.html"))
        #expect(title.renderedPages > 1 && title.renderedPages < title.pageCount / 2)

        // A content template: only the pages that use it.
        try workspace.apply(.template(name: "faq", number: 3))
        let template = session.build()
        #expect(template.renderedPages == 1)
        #expect(template.changes.written == ["faq/index.html"])
    }

    /// `_headers` is kept only while the output paths are the last build's: a new file in a
    /// folder whose files cache differently (a content asset beside the theme's hashed ones)
    /// gets a rule of its own, in a session that keeps its memory and in one per build.
    @Test func aNewOutputPathMakesTheHeadersAgain() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let live = workspace.session(sink: MemorySink())
        let output = workspace.root.appendingPathComponent("public").path
        func buildOnce() -> BuildReport { workspace.buildOnce() }
        #expect(live.build().succeeded)
        #expect(buildOnce().succeeded)
        let assets = workspace.content.appendingPathComponent("assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try Data("a file of the site's own\n".utf8).write(to: assets.appendingPathComponent("extra.txt"))
        #expect(live.build().succeeded)
        #expect(buildOnce().succeeded)
        let expected = try #require(workspace.cleanBuild()["_headers"])
        #expect(String(decoding: expected, as: UTF8.self).contains("/assets/extra.txt"))
        #expect((live.sink as! MemorySink).files["_headers"] == expected)
        #expect(FileReader.read(output + "/_headers") == expected)
    }
    /// A renamed page leaves as many output files as before, one of them new: a kept page that
    /// links to the old address must still be read and its link reported, by a long-lived session
    /// and by one that builds once from the cache folder. (The rebuild once counted only the
    /// files, and took "as many as before" for "the same paths".)
    @Test func aKeptPageLinkingToARenamedPageIsABrokenLink() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        // A page of its own as the target: no entry names it, so only the output's link check can.
        let original = try #require(workspace.articles().first)
        try workspace.apply(.add(copyOf: original, slug: "link-target"))
        let target = (original as NSString).deletingLastPathComponent + "/link-target.md"
        let linking = try #require(workspace.articles().last)
        let targetURL = "/" + IncrementalWorkspace.outputPath(ofArticle: target).dropLast("index.html".count)
        let linkingFile = workspace.content.appendingPathComponent(linking)
        let text = try String(contentsOf: linkingFile, encoding: .utf8)
        try (text + "\nSee [the other article](\(targetURL)).\n").write(to: linkingFile, atomically: false, encoding: .utf8)
        let live = workspace.session(sink: MemorySink())
        func buildOnce() -> BuildReport { workspace.buildOnce() }
        let first = live.build()
        #expect(first.succeeded, "\(first.diagnostics)")
        #expect(buildOnce().succeeded)
        try workspace.apply(.rename(path: target, slug: "renamed-article"))
        let linkingOutput = IncrementalWorkspace.outputPath(ofArticle: linking)
        for report in [live.build(), buildOnce()] {
            #expect(!report.succeeded, "\(report.diagnostics)")
            #expect(report.diagnostics.contains { $0.id == "broken-reference" && $0.file.hasSuffix(linkingOutput) }, "\(report.diagnostics)")
        }
    }
}

/// One edit of the differential test, written as one line in a fixture.
enum EditStep: Equatable {
    case add(copyOf: String, slug: String)
    case editBody(path: String, number: Int)
    case editTitle(path: String, number: Int)
    case rename(path: String, slug: String)
    case delete(path: String)
    case template(name: String, number: Int)
    case siteTitle(number: Int)
    case clock(hours: Int)

    var line: String {
        switch self {
        case .add(let path, let slug): return "add \(path) \(slug)"
        case .editBody(let path, let n): return "edit-body \(path) \(n)"
        case .editTitle(let path, let n): return "edit-title \(path) \(n)"
        case .rename(let path, let slug): return "rename \(path) \(slug)"
        case .delete(let path): return "delete \(path)"
        case .template(let name, let n): return "template \(name) \(n)"
        case .siteTitle(let n): return "site-title \(n)"
        case .clock(let hours): return "clock \(hours)"
        }
    }

    init?(line: String) {
        let f = line.split(separator: " ").map(String.init)
        switch (f.first, f.count) {
        case ("add", 3): self = .add(copyOf: f[1], slug: f[2])
        case ("edit-body", 3): self = .editBody(path: f[1], number: Int(f[2]) ?? 0)
        case ("edit-title", 3): self = .editTitle(path: f[1], number: Int(f[2]) ?? 0)
        case ("rename", 3): self = .rename(path: f[1], slug: f[2])
        case ("delete", 2): self = .delete(path: f[1])
        case ("template", 3): self = .template(name: f[1], number: Int(f[2]) ?? 0)
        case ("site-title", 2): self = .siteTitle(number: Int(f[1]) ?? 0)
        case ("clock", 2): self = .clock(hours: Int(f[1]) ?? 0)
        default: return nil
        }
    }
}

/// A copy of content/ and templates/ in a temporary folder, and the edits on it.
final class IncrementalWorkspace {
    let root: URL
    var now = IncrementalBuildTests.start
    var content: URL { root.appendingPathComponent("content") }
    var templates: URL { root.appendingPathComponent("templates") }
    private static let counter = Counter()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-incremental-\(getpid())-\(Self.counter.next())")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: IncrementalBuildTests.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func configuration(cache: String? = nil) -> BuildConfiguration {
        BuildConfiguration(contentDirectory: content.path, templatesDirectory: templates.path,
                           loadOptions: LoadOptions(now: now), cacheDirectory: cache)
    }

    /// A new session building once into `public/` with the cache folder `cache/`, as `switchboard build` does.
    func buildOnce() -> BuildReport {
        let cache = root.appendingPathComponent("cache").path, output = root.appendingPathComponent("public").path
        var once = configuration(cache: cache)
        once.buildsOnce = true
        return BuildSession(configuration: once, sink: DiskSink(directory: output, manifestPath: BuildCache.outputManifestPath(in: cache, for: output))).build()
    }

    func session(sink: any OutputSink, cache: String? = nil) -> BuildSession {
        BuildSession(configuration: configuration(cache: cache), sink: sink)
    }

    /// A clean build of the workspace as it is now, in memory, with no cache.
    func cleanBuild() -> [String: [UInt8]] {
        let sink = MemorySink()
        #expect(session(sink: sink).build().succeeded)
        return sink.files
    }

    /// Article paths inside content/, sorted.
    func articles() -> [String] {
        let kb = content.appendingPathComponent("kb")
        var result: [String] = []
        for category in ((try? FileManager.default.contentsOfDirectory(atPath: kb.path)) ?? []).sorted() {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: kb.appendingPathComponent(category).path)) ?? []).sorted()
            where name.hasSuffix(".md") {
                result.append("kb/\(category)/\(name)")
            }
        }
        return result
    }

    static func outputPath(ofArticle path: String) -> String {
        let parts = path.split(separator: "/")
        return "kb/\(parts[1])/\(parts[2].dropLast(3))/index.html"
    }

    func apply(_ step: EditStep) throws {
        func file(_ path: String) -> URL { content.appendingPathComponent(path) }
        func edit(_ path: String, _ change: (String) -> String) throws {
            guard let text = try? String(contentsOf: file(path), encoding: .utf8) else { return }
            try change(text).write(to: file(path), atomically: false, encoding: .utf8)
        }
        switch step {
        case .add(let path, let slug):
            let target = file(path).deletingLastPathComponent().appendingPathComponent("\(slug).md")
            guard FileManager.default.fileExists(atPath: file(path).path), !FileManager.default.fileExists(atPath: target.path) else { return }
            try FileManager.default.copyItem(at: file(path), to: target)
        case .editBody(let path, let n):
            try edit(path) { $0 + "\nAn added paragraph, number \(n), about SIP trunks.\n" }
        case .editTitle(let path, let n):
            try edit(path) { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    line.hasPrefix("title: ") || line.hasPrefix("question: ") ? "\(line) (\(n))" : String(line)
                }.joined(separator: "\n")
            }
        case .rename(let path, let slug):
            let target = file(path).deletingLastPathComponent().appendingPathComponent("\(slug).md")
            guard FileManager.default.fileExists(atPath: file(path).path), !FileManager.default.fileExists(atPath: target.path) else { return }
            try FileManager.default.moveItem(at: file(path), to: target)
        case .delete(let path):
            try? FileManager.default.removeItem(at: file(path))
        case .template(let name, let n):
            let url = templates.appendingPathComponent("\(name).mustache")
            let text = try String(contentsOf: url, encoding: .utf8)
            try (text + "<!-- edit \(n) -->\n").write(to: url, atomically: false, encoding: .utf8)
        case .siteTitle(let n):
            try edit("site.yml") { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    line.hasPrefix("title: ") ? "\(line) \(n)" : String(line)
                }.joined(separator: "\n")
            }
        case .clock(let hours):
            now = Instant(secondsSinceEpoch: now.secondsSinceEpoch + hours * 3600)
        }
    }

    /// A seeded sequence; renames and deletions mostly touch articles the sequence added,
    /// so that most steps build (a rename of a linked article fails, which is tested too).
    static func randomSteps(seed: UInt64, count: Int) -> [EditStep] {
        var random = SplitMix(seed: seed)
        let workspace = try? IncrementalWorkspace()
        defer { workspace?.remove() }
        let originals = workspace?.articles() ?? []
        var added: [String] = []
        var steps: [EditStep] = []
        for n in 1...count {
            let live = originals + added
            let pick = { (list: [String]) in list[Int(random.next() % UInt64(list.count))] }
            switch random.next() % 10 {
            case 0, 1:
                let source = pick(originals)
                let slug = "added-\(seed)-\(n)"
                added.append(source.split(separator: "/").dropLast().joined(separator: "/") + "/\(slug).md")
                steps.append(.add(copyOf: source, slug: slug))
            case 2, 3: steps.append(.editBody(path: pick(live), number: n))
            case 4: steps.append(.editTitle(path: pick(live), number: n))
            case 5:
                let useAdded = !added.isEmpty && random.next() % 5 != 0
                let path = useAdded ? pick(added) : pick(originals)
                let slug = "renamed-\(seed)-\(n)"
                if let index = added.firstIndex(of: path) {
                    added[index] = path.split(separator: "/").dropLast().joined(separator: "/") + "/\(slug).md"
                }
                steps.append(.rename(path: path, slug: slug))
            case 6:
                guard !added.isEmpty else { steps.append(.clock(hours: 30)); continue }
                let path = pick(added)
                added.removeAll { $0 == path }
                steps.append(.delete(path: path))
            case 7: steps.append(.template(name: ["article", "layout", "kb-category", "header"][Int(random.next() % 4)], number: n))
            case 8: steps.append(.siteTitle(number: n))
            default: steps.append(.clock(hours: Int(random.next() % 24 * 20) + 1))
            }
        }
        return steps
    }

    /// Runs the steps; the first difference between incremental and clean builds, or nil.
    static func firstMismatch(_ steps: [EditStep]) throws -> String? {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let memorySink = MemorySink()
        let live = workspace.session(sink: memorySink)
        // As `switchboard serve` runs it: search analyses are reused between steps.
        live.searchAnalyses = SearchAnalysisCache()
        let cache = workspace.root.appendingPathComponent("cache").path
        let output = workspace.root.appendingPathComponent("public").path
        var lastGood: [String: [UInt8]] = [:]
        for (index, step) in [nil as EditStep?].appending(steps).enumerated() {
            if let step { try workspace.apply(step) }
            let label = index == 0 ? "the first build" : "step \(index) (\(step!.line))"
            let clean = BuildSession(configuration: workspace.configuration(), sink: MemorySink())
            let expected = clean.build()
            live.configuration = workspace.configuration()
            let incremental = live.build()
            // As `switchboard build` runs it: a new session each time, which builds once (and so
            // keeps the search index's numbered pieces and scored entries in the cache folder).
            var once = workspace.configuration(cache: cache)
            once.buildsOnce = true
            let fromCache = BuildSession(configuration: once, sink: DiskSink(directory: output, manifestPath: BuildCache.outputManifestPath(in: cache, for: output))).build()
            for (name, report) in [("in memory", incremental), ("from the cache", fromCache)] {
                if report.succeeded != expected.succeeded || report.diagnostics != expected.diagnostics {
                    return "\(label): the incremental build (\(name)) \(report.succeeded ? "succeeded" : "failed") with \(report.diagnostics.map(\.id)), the clean build \(expected.succeeded ? "succeeded" : "failed") with \(expected.diagnostics.map(\.id))"
                }
            }
            if expected.succeeded { lastGood = (clean.sink as! MemorySink).files }
            if let difference = difference(memorySink.files, lastGood) { return "\(label), in memory: \(difference)" }
            if let difference = difference(tree(output), lastGood) { return "\(label), from the cache: \(difference)" }
        }
        return nil
    }

    /// Drops steps one at a time while the sequence still fails.
    static func shrink(_ steps: [EditStep]) throws -> [EditStep] {
        var steps = steps
        var index = 0
        while index < steps.count {
            var shorter = steps
            shorter.remove(at: index)
            if try firstMismatch(shorter) != nil { steps = shorter } else { index += 1 }
        }
        return steps
    }

    static func difference(_ actual: [String: [UInt8]], _ expected: [String: [UInt8]]) -> String? {
        for path in Set(actual.keys).union(expected.keys).sorted() where actual[path] != expected[path] {
            if actual[path] == nil { return "\(path) is missing" }
            if expected[path] == nil { return "\(path) should not be there" }
            return "\(path) differs"
        }
        return nil
    }

    /// The files of an output folder, without its marker.
    static func tree(_ folder: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            guard path != DiskSink.markerName, DiskSink.isDirectory("\(folder)/\(path)") == false,
                  let bytes = FileReader.read("\(folder)/\(path)") else { continue }
            files[path] = bytes
        }
        return files
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int { lock.withLock { value += 1; return value } }
    }
}

/// A small seeded generator (SplitMix64): the same seed, the same sequence, on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array {
    func appending(_ other: [Element]) -> [Element] { self + other }
}
