import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The build cache's two files read back exactly what was written, and anything cut
/// short or altered is refused (the build then starts from nothing, never from half).
@Suite struct CacheFileFormatTests {
    func temporary(_ name: String) -> String {
        NSTemporaryDirectory() + "switchboard-cacheformat-\(getpid())-\(name)"
    }

    static func digest(_ text: String) -> ContentDigest { ContentDigest(Array(text.utf8)) }

    static func sample() -> BuildMemory {
        var memory = BuildMemory()
        memory.fingerprint = digest("inputs")
        memory.outputs = ["index.html": digest("home"), "kb/a b/index.html": digest("a b"), "search/s/0.json": digest("s0")]
        memory.pages = ["index.html": (digest("home inputs"), digest("home")), "kb/a b/index.html": (digest("ab inputs"), digest("a b"))]
        memory.scripts = ["index.html": ["'sha256-AAA='", "'sha256-BBB='"]]
        memory.ids = ["index.html": digest("ids of home"), "kb/a b/index.html": digest("ids of a b")]
        memory.search = (digest("documents"), ["search/s/0.json": digest("s0")])
        memory.basePath = "/docs with space"
        memory.headers = (digest("headers inputs"), digest("headers"))
        memory.named = ["kb/a b/index.html", "end", "- odd"]
        return memory
    }

    @Test func theSessionMemoryRoundTrips() throws {
        let path = temporary("memory")
        defer { unlink(path) }
        let written = Self.sample()
        written.write(to: path, program: "switchboard 1:2:3")
        let read = try #require(BuildMemory.read(path, program: "switchboard 1:2:3"))
        #expect(read.fingerprint == written.fingerprint)
        #expect(read.outputs == written.outputs)
        #expect(read.pages.mapValues { [$0.inputs, $0.output] } == written.pages.mapValues { [$0.inputs, $0.output] })
        #expect(read.scripts == written.scripts)
        #expect(read.ids == written.ids)
        #expect(read.search?.inputs == written.search?.inputs)
        #expect(read.search?.files == written.search?.files)
        #expect(read.basePath == "/docs with space")
        #expect(read.headers?.inputs == Self.digest("headers inputs"))
        #expect(read.headers?.output == Self.digest("headers"))
        #expect(read.named == written.named)
    }

    /// A line break in any path, in any section, leaves the memory unstored (the site is then
    /// simply not cached) rather than written as lines it would be read back wrong from.
    @Test func aMemoryWithALineBreakInAPathIsNotStored() {
        #expect(Self.sample().encoded(program: "one") != nil)
        var output = Self.sample()
        output.outputs["kb/a\nb/index.html"] = Self.digest("x")
        var named = Self.sample()
        named.named.insert("kb/a\nb/")
        var base = Self.sample()
        base.basePath = "/docs\n"
        for memory in [output, named, base] { #expect(memory.encoded(program: "one") == nil) }
        #expect(Self.sample().encoded(program: "one\ntwo") == nil)
    }

    @Test func aDamagedSessionMemoryIsRefused() throws {
        let path = temporary("damaged")
        defer { unlink(path) }
        Self.sample().write(to: path, program: "one")
        #expect(BuildMemory.read(path, program: "one") != nil)
        #expect(BuildMemory.read(path, program: "two") == nil, "another program's memory")
        let whole = try #require(FileReader.read(path))
        let text = String(decoding: whole, as: UTF8.self)
        for damaged in [
            String(text.dropLast(4)),                                  // cut before "end"
            text + "\n",                                               // something after "end"
            text.replacingOccurrences(of: "pages 2\n", with: "pages 2\nnot a line\n"),
            text.replacingOccurrences(of: "switchboard build memory 8", with: "switchboard build memory 7"),
            // A section with more or fewer lines than it names, or no count, or a count beyond reason.
            text.replacingOccurrences(of: "pages 2\n", with: "pages 3\n"),
            text.replacingOccurrences(of: "outputs 3\n", with: "outputs 2\n"),
            text.replacingOccurrences(of: "ids 2\n", with: "ids\n"),
            text.replacingOccurrences(of: "named 3\n", with: "named 99999999999999\n"),
            text.replacingOccurrences(of: "named 3\n", with: "named -1\n"),
            text.replacingOccurrences(of: "headers \(Self.digest("headers inputs")) ", with: "headers "),
            text.replacingOccurrences(of: "named 3\n", with: "named 3\nnot a line\n"),
            text.replacingOccurrences(of: "program one\n", with: ""),
        ] {
            try Data(damaged.utf8).write(to: URL(fileURLWithPath: path))
            #expect(BuildMemory.read(path, program: "one") == nil, "\(damaged.prefix(40))")
        }
    }

    /// A build keeps pages and search files without asking whether they were outputs, and counts
    /// on that to tell whether any path is new: a memory that breaks it is not trusted.
    @Test func aSessionMemoryWhosePagesOrSearchFilesAreNotOutputsIsRefused() {
        let path = temporary("inconsistent")
        defer { unlink(path) }
        var page = Self.sample()
        page.pages["kb/gone/index.html"] = (Self.digest("gone inputs"), Self.digest("gone"))
        var search = Self.sample()
        search.search?.files["search/s/1.json"] = Self.digest("s1")
        for memory in [page, search] {
            memory.write(to: path, program: "one")
            #expect(BuildMemory.read(path, program: "one") == nil)
        }
    }

    @Test func aTreeWithAnEarlierTreesPathsTakesItsOrderOrIsNil() {
        let earlier = OutputManifest.Tree(files: ["b.html": Self.digest("1"), "a/index.html": Self.digest("2")])
        let changed = ["b.html": Self.digest("3"), "a/index.html": Self.digest("2")]
        let same = OutputManifest.Tree(files: changed, pathsOf: earlier)
        #expect(same?.paths == ["a/index.html", "b.html"])
        #expect(same?.digest == OutputManifest.Tree(files: changed).digest)
        // As many files, one of them another path; or fewer: not the earlier tree's paths.
        #expect(OutputManifest.Tree(files: ["c.html": Self.digest("3"), "a/index.html": Self.digest("2")], pathsOf: earlier) == nil)
        #expect(OutputManifest.Tree(files: ["a/index.html": Self.digest("2")], pathsOf: earlier) == nil)
    }

    @Test func aTreeKeepsAnEarlierTreesOrderAndSortsNewPathsIn() {
        let earlier = OutputManifest.Tree(files: ["b.html": Self.digest("1"), "a/index.html": Self.digest("2"), "c.xml": Self.digest("3")])
        #expect(earlier.paths == ["a/index.html", "b.html", "c.xml"])
        // The same paths with a changed file: the earlier order, and the digest a sort gives.
        let changed = ["c.xml": Self.digest("4"), "b.html": Self.digest("1"), "a/index.html": Self.digest("2")]
        let reordered = OutputManifest.Tree(files: changed, orderedLike: earlier)
        #expect(reordered.paths == ["a/index.html", "b.html", "c.xml"])
        #expect(reordered.digest == OutputManifest.Tree(files: changed).digest)
        // As many paths, one of them new: sorted in, not the earlier order.
        let renamed = ["0.html": Self.digest("4"), "b.html": Self.digest("1"), "a/index.html": Self.digest("2")]
        let sorted = OutputManifest.Tree(files: renamed, orderedLike: earlier)
        #expect(sorted.paths == ["0.html", "a/index.html", "b.html"])
        #expect(sorted.digest == OutputManifest.Tree(files: renamed).digest)
        // Paths added before, between and after the earlier ones, and one gone.
        let grown = ["0.html": Self.digest("5"), "a/index.html": Self.digest("2"), "a/z.html": Self.digest("6"),
                     "c.xml": Self.digest("3"), "d/e.json": Self.digest("7"), "c.xmm": Self.digest("8")]
        let merged = OutputManifest.Tree(files: grown, orderedLike: earlier)
        #expect(merged.paths == ["0.html", "a/index.html", "a/z.html", "c.xml", "c.xmm", "d/e.json"])
        #expect(merged.digest == OutputManifest.Tree(files: grown).digest)
        #expect(OutputManifest.Tree(files: ["x": Self.digest("1")], orderedLike: nil).paths == ["x"])
    }

    @Test func theOutputManifestRoundTripsAndDropsAlteredTrees() throws {
        let path = temporary("manifest")
        defer { unlink(path) }
        let manifest = OutputManifest(published: .init(files: ["index.html": Self.digest("a"), "kb/x/index.html": Self.digest("x")]),
                                      staging: .init(files: ["index.html": Self.digest("b")]))
        manifest.write(to: path)
        let read = try #require(OutputManifest.read(path))
        #expect(read.published?.files == manifest.published?.files)
        #expect(read.published?.digest == manifest.published?.digest)
        #expect(read.staging?.files == manifest.staging?.files)

        // A file's digest altered: that tree no longer matches its own hash and is dropped.
        let text = String(decoding: try #require(FileReader.read(path)), as: UTF8.self)
        let altered = text.replacingOccurrences(of: "\(Self.digest("b")) index.html", with: "\(Self.digest("c")) index.html")
        try Data(altered.utf8).write(to: URL(fileURLWithPath: path))
        let dropped = try #require(OutputManifest.read(path))
        #expect(dropped.published != nil)
        #expect(dropped.staging == nil)
        try Data("published zz\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(OutputManifest.read(path) == nil)

        // Paths are written in byte order; a tree whose lines are out of that order (or name a
        // path twice) is dropped, even though its files would hash the same once sorted.
        let first = "\(Self.digest("a")) index.html", second = "\(Self.digest("x")) kb/x/index.html"
        #expect(text.contains("\(first)\n\(second)\n"))
        let swapped = text.replacingOccurrences(of: "\(first)\n\(second)\n", with: "\(second)\n\(first)\n")
        try Data(swapped.utf8).write(to: URL(fileURLWithPath: path))
        let unordered = try #require(OutputManifest.read(path))
        #expect(unordered.published == nil)
        #expect(unordered.staging?.files == manifest.staging?.files)
        let twice = text.replacingOccurrences(of: "\(second)\n", with: "\(second)\n\(second)\n")
        try Data(twice.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try #require(OutputManifest.read(path)).published == nil)
    }
}
