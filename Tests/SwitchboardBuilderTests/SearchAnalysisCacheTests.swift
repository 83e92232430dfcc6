import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// A session's search analyses, reused between builds: the index must come out the same
/// as one built from scratch, whatever the cache held.
@Suite struct SearchAnalysisCacheTests {
    static func digests(_ documents: [SearchDocument]) -> [ContentDigest] {
        documents.map { document in
            var hasher = ContentHasher()
            hasher.add(document: document)
            return hasher.finish()
        }
    }

    static func files(_ documents: [SearchDocument], cache: SearchAnalysisCache?) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: SearchIndexWriter.files(for: documents, basePath: "", digests: digests(documents), cache: cache)
            .map { ($0.path, $0.bytes) })
    }

    /// Shards and record chunks are made to their size: all of them are held until the index is
    /// written, and each had kept room for the largest (47 and 23 MB at 30,000 pages).
    @Test func shardsAndChunksHoldNoSpareRoom() {
        let documents = SearchInvertedIndexTests.documents(700)
        let files = SearchIndexWriter.files(for: documents, basePath: "", digests: Self.digests(documents), cache: SearchAnalysisCache())
        let held = files.filter { $0.path.hasPrefix("search/s/") || $0.path.hasPrefix("search/r/") }
        #expect(held.count > 10)
        for file in held { #expect(file.bytes.capacity <= file.bytes.count + 32, "\(file.path): \(file.bytes.capacity) for \(file.bytes.count)") }
    }

    /// A page's analysis keeps storage of its size, not the room for 256 terms it counted in:
    /// ten thousand of them are held at once while the index is built (and by `serve`).
    @Test func anAnalysisHoldsNoReservedRoom() {
        let analysis = SearchDocumentAnalysis(SearchDocument(url: "/kb/a/", title: "Disable SIP ALG", type: "Article", products: [],
                                                             summary: "On the router.", sections: [(nil, nil, "Turn it off.")]))
        #expect(analysis.terms.count > 3)
        #expect(analysis.counts.capacity < 32, "\(analysis.counts.capacity)")
        #expect(analysis.terms.arena.capacity < 128, "\(analysis.terms.arena.capacity)")
        #expect(analysis.terms.starts.capacity < 32, "\(analysis.terms.starts.capacity)")
    }

    @Test func theIndexIsTheSameWithOrWithoutTheCache() {
        let cache = SearchAnalysisCache()
        var documents = SearchIndexWriterTests.documents()
        #expect(Self.files(documents, cache: cache) == SearchIndexWriterTests.files(documents))
        #expect(cache.count == documents.count)

        // One page's text changes and one goes: the index matches a fresh one, and the
        // cache holds this build's pages only.
        documents[1].sections.append(("firmware", "Firmware", "Upgrade the handset's firmware to 4.3.10."))
        documents.removeLast()
        #expect(Self.files(documents, cache: cache) == SearchIndexWriterTests.files(documents))
        #expect(cache.count == documents.count)
    }

    @Test func aCachedAnalysisIsUsedForItsDocument() {
        // A cache primed with another document's analysis under this document's hash answers
        // for it: proof that a hit skips tokenizing (the index then shows the other's words).
        let documents = SearchIndexWriterTests.documents()
        let other = [documents[1]]
        let cache = SearchAnalysisCache()
        _ = SearchIndexWriter.files(for: other, basePath: "", digests: Self.digests([documents[0]]), cache: cache)
        let mixed = Self.files([documents[0]], cache: cache)
        #expect(mixed != SearchIndexWriterTests.files([documents[0]]))
    }

    @Test func analysesSurviveTheCacheFolder() throws {
        let documents = SearchIndexWriterTests.documents()
        let first = SearchAnalysisCache()
        _ = Self.files(documents, cache: first)
        #expect(first.lastMisses == documents.count)
        var bytes: [UInt8] = []
        #expect(!first.write(identity: "test") { bytes += $0 })

        let restored = SearchAnalysisCache()
        restored.restore(base: bytes, delta: nil, identity: "test")
        #expect(Self.files(documents, cache: restored) == SearchIndexWriterTests.files(documents))
        #expect(restored.lastMisses == 0)

        // Another program's file, or a damaged one, is not used: every document is analysed again.
        for (base, identity) in [(bytes, "other"), (Array(bytes.dropLast()), "test")] {
            let ignored = SearchAnalysisCache()
            ignored.restore(base: base, delta: nil, identity: identity)
            #expect(Self.files(documents, cache: ignored) == SearchIndexWriterTests.files(documents))
            #expect(ignored.lastMisses == documents.count)
        }
    }

    /// A cache that writes through hands every analysis to its writer while the index is built,
    /// then holds none of them and no records; the index is the same.
    @Test func aCacheThatWritesThroughKeepsNothing() throws {
        let documents = SearchIndexWriterTests.documents()
        let cache = SearchAnalysisCache()
        let written = WrittenBytes()
        cache.writeThrough = { cache in _ = cache.write(identity: "test") { written.append($0) } }
        #expect(Self.files(documents, cache: cache) == SearchIndexWriterTests.files(documents))
        #expect(cache.wasLetGo)
        #expect(cache.count == 0)
        #expect(cache.recordKeys.isEmpty)
        #expect(!cache.needsWrite)

        // What it wrote is every analysis: a cache restored from it analyses nothing.
        let restored = SearchAnalysisCache()
        restored.restore(base: written.bytes, delta: nil, identity: "test")
        #expect(Self.files(documents, cache: restored) == SearchIndexWriterTests.files(documents))
        #expect(restored.lastMisses == 0)
        #expect(!restored.wasLetGo && restored.count == documents.count)
    }

    private final class WrittenBytes: @unchecked Sendable {
        var bytes: [UInt8] = []
        func append(_ piece: [UInt8]) { bytes += piece }
    }

    @Test func anEncodedAnalysisDecodesToTheSameAndRejectsDamage() throws {
        for document in SearchIndexWriterTests.documents() {
            let analysis = SearchDocumentAnalysis(document)
            let bytes = analysis.encoded()
            let decoded = try #require(SearchDocumentAnalysis(encoded: bytes[...]))
            #expect(decoded.terms.arena == analysis.terms.arena)
            #expect(decoded.terms.starts == analysis.terms.starts)
            #expect(decoded.lengths == analysis.lengths)
            #expect(decoded.counts.map { [$0.counts.0, $0.counts.1, $0.counts.2, $0.counts.3, $0.counts.4, $0.section] }
                == analysis.counts.map { [$0.counts.0, $0.counts.1, $0.counts.2, $0.counts.3, $0.counts.4, $0.section] })
            for length in 0..<bytes.count { #expect(SearchDocumentAnalysis(encoded: bytes[..<length]) == nil) }
            for index in bytes.indices {
                var altered = bytes
                altered[index] ^= 0xFF
                _ = SearchDocumentAnalysis(encoded: altered[...]) // never crashes
            }
        }
    }

    @Test func aCachedRecordIsUsedAndAChangedDocumentIsNot() throws {
        var documents = SearchIndexWriterTests.documents()
        let cache = SearchAnalysisCache()
        let first = Self.files(documents, cache: cache)
        #expect(first == SearchIndexWriterTests.files(documents))
        // Every record in the cache replaced by a marker: an unchanged set of documents takes them.
        let marker = Array(#"{"marker":1}"#.utf8)
        let keys = cache.recordKeys
        cache.replaceRecords(with: Dictionary(uniqueKeysWithValues: keys.map { ($0, marker) }))
        let reused = Self.files(documents, cache: cache)
        let recordFiles = reused.filter { $0.key.hasPrefix("search/r/") }
        #expect(!recordFiles.isEmpty)
        #expect(recordFiles.values.allSatisfy { String(decoding: $0, as: UTF8.self).contains(#"{"marker":1}"#) })
        // A document whose text changed gets a record of its own again.
        documents[0].title = "A title changed by the test"
        let changed = Self.files(documents, cache: cache)
        #expect(changed.filter { $0.key.hasPrefix("search/r/") }.values.contains { String(decoding: $0, as: UTF8.self).contains("A title changed by the test") })
    }
}

