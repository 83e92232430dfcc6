import Testing
@testable import SwitchboardModel

/// What a parse read of the content map, as the parse cache keeps and keys it.
@Suite struct ContentMapReadsTests {
    @Test func pathsAreKeptInByteOrderOnce() {
        let reads = ContentMapReads(paths: Set(["kb/b.md", "kb/a.md", "assets/x.png", "kb/a.md", "kb/B.md"]), everyPath: false)
        #expect(reads.paths == ["assets/x.png", "kb/B.md", "kb/a.md", "kb/b.md"])
        #expect(!reads.everyPath)
    }

    @Test func writtenReadsReadBackAndOthersAreRefused() {
        let reads = ContentMapReads(paths: ["kb/é.md", "kb/a.md"], everyPath: true)
        var writer = ByteWriter()
        reads.write(to: &writer)
        var reader = ByteReader(writer.bytes)
        #expect(ContentMapReads.read(from: &reader) == reads)
        #expect(reader.isAtEnd)
        // Out of order, repeated, cut short: not what `write` writes.
        for paths in [["kb/b.md", "kb/a.md"], ["kb/a.md", "kb/a.md"]] {
            var other = ByteWriter()
            other.write(paths.count)
            for path in paths { other.write(path) }
            other.write(false)
            var otherReader = ByteReader(other.bytes)
            #expect(ContentMapReads.read(from: &otherReader) == nil)
        }
        var cut = ByteReader(Array(writer.bytes.dropLast()))
        #expect(ContentMapReads.read(from: &cut) == nil)
    }

    /// The key covers what each path is in the map, and every path only when the parse read them all.
    @Test func theKeyFollowsWhatThePathsAreInTheMap() {
        func file(_ path: String, _ collection: ContentCollection, slug: String, category: String? = nil) -> DiscoveredFile {
            DiscoveredFile(path: path, absolutePath: "/c/" + path, collection: collection, slug: slug, category: category)
        }
        let article = file("kb/voip/a.md", .articles, slug: "a", category: "voip")
        let other = file("kb/voip/b.md", .articles, slug: "b", category: "voip")
        let asset = file("assets/x.png", .asset, slug: "x")
        func digest(_ reads: ContentMapReads, _ files: [DiscoveredFile]) -> ContentDigest {
            let map = ContentMap(files: files, basePath: "")
            var hasher = ContentHasher()
            reads.add(to: &hasher, in: map, allPaths: EveryContentPath(map).digest)
            return hasher.finish()
        }
        let reads = ContentMapReads(paths: ["kb/voip/a.md", "assets/x.png"], everyPath: false)
        // A path the parse did not read does not count; one it read does, as page, asset or missing.
        #expect(digest(reads, [article, asset]) == digest(reads, [article, asset, other]))
        #expect(digest(reads, [article, asset]) != digest(reads, [article]))
        #expect(digest(reads, [article, asset]) != digest(reads, [asset]))
        let everything = ContentMapReads(paths: Set(reads.paths), everyPath: true)
        #expect(digest(everything, [article, asset]) != digest(everything, [article, asset, other]))
    }
}
