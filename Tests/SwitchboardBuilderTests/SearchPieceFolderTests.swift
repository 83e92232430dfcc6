import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The search index's numbered pieces kept in the cache folder: a build that takes them makes
/// the same index as one that numbers every page, reads back every piece whose pages did not
/// change, and numbers again a piece it cannot trust.
@Suite struct SearchPieceFolderTests {
    /// A cache whose pieces go to a new folder, the folder, and its path (for the caller to remove).
    private static func cacheWithPieces() -> (SearchAnalysisCache, SearchPieceFolder, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString)").path
        let folder = SearchPieceFolder(path: path, identity: "test program")
        let cache = SearchAnalysisCache()
        cache.pieces = folder
        return (cache, folder, path)
    }

    /// Whether the index made with `cache` is the one made without (a Bool, so that a failure
    /// does not print both indexes).
    private static func sameIndex(_ documents: [SearchDocument], cache: SearchAnalysisCache) -> Bool {
        SearchAnalysisCacheTests.files(documents, cache: cache) == SearchIndexWriterTests.files(documents)
    }

    private static func files(in path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// 700 pages: three pieces of 256.
    @Test func keptPiecesMakeTheSameIndexAndOnlyAnEditedPieceIsNumberedAgain() throws {
        let (cache, folder, path) = Self.cacheWithPieces()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var documents = SearchInvertedIndexTests.documents(700)

        #expect(Self.sameIndex(documents, cache: cache))
        #expect(folder.lastBuild == (read: 0, written: 3))
        let first = Self.files(in: path)
        #expect(first.count == 3)

        // Nothing changed: every piece is read back.
        #expect(Self.sameIndex(documents, cache: cache))
        #expect(folder.lastBuild == (read: 3, written: 0))

        // Page 300 (the second piece) changes: that piece alone is numbered again, its old file goes.
        documents[300].sections.append((anchor: "firmware", heading: "Firmware", text: "Upgrade the handset's firmware to 4.3.10."))
        #expect(Self.sameIndex(documents, cache: cache))
        #expect(folder.lastBuild == (read: 2, written: 1))
        let second = Self.files(in: path)
        #expect(second.count == 3)
        #expect(Set(first).intersection(second).count == 2)
    }

    /// A piece's place, and the page count its records read, are part of its key: a page added at
    /// the start moves every page's id, and no piece is taken for another place.
    @Test func aPageAddedBeforeThePiecesNumbersThemAll() {
        let (cache, folder, path) = Self.cacheWithPieces()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var documents = SearchInvertedIndexTests.documents(600)
        _ = SearchAnalysisCacheTests.files(documents, cache: cache)
        documents.insert(SearchDocument(url: "/a/", title: "First", type: "Article", products: [], summary: "",
                                        sections: [(anchor: nil, heading: nil, text: "A new first page.")]), at: 0)
        #expect(Self.sameIndex(documents, cache: cache))
        #expect(folder.lastBuild == (read: 0, written: 3))
    }

    /// A damaged file is not trusted: its piece is numbered again, and the index is the same.
    @Test func aDamagedPieceIsNumberedAgain() throws {
        let (cache, folder, path) = Self.cacheWithPieces()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let documents = SearchInvertedIndexTests.documents(700)
        _ = SearchAnalysisCacheTests.files(documents, cache: cache)
        let victim = "\(path)/\(Self.files(in: path)[1])"
        var bytes = try #require(FileReader.read(victim))
        bytes[bytes.count / 2] ^= 0x10
        try Data(bytes).write(to: URL(fileURLWithPath: victim))
        #expect(Self.sameIndex(documents, cache: cache))
        #expect(folder.lastBuild == (read: 2, written: 1))
    }

    private typealias Piece = SearchInvertedIndex.Piece<[UInt8]>

    private static func piece() -> Piece {
        var documents = SearchInvertedIndexTests.documents(3)
        // Counts of two and three packed bytes, a heading and a section.
        documents[1].sections.insert((anchor: "big", heading: "Counts", text: String(repeating: "echo ", count: 200)), at: 0)
        documents[2].sections.insert((anchor: "bigger", heading: "Counts", text: String(repeating: "foxtrot ", count: 17_000)), at: 0)
        return Piece(pages: 5..<8) { page in
            (SearchDocumentAnalysis(documents[page - 5]), Array("record \(page)".utf8))
        }
    }

    @Test func aPieceReadsBackAsItWasNumbered() throws {
        let piece = Self.piece()
        let bytes = piece.encoded { $0 }
        let read = try #require(Piece(decoding: bytes, pages: 5..<8) { Array($0) })
        #expect(read.pages == 5..<8)
        #expect((0..<read.table.count).map { read.table.string($0) } == (0..<piece.table.count).map { piece.table.string($0) })
        #expect(read.ids == piece.ids)
        #expect(read.counts == piece.counts)
        #expect(read.ends == piece.ends)
        #expect(read.countEnds == piece.countEnds)
        // Counted again as it is read, not stored: the same as numbering counted.
        #expect(read.frequency == piece.frequency)
        #expect(read.countBytes == piece.countBytes)
        #expect(read.lengths == piece.lengths)
        #expect(read.extras == [Array("record 5".utf8), Array("record 6".utf8), Array("record 7".utf8)])
        // For another range of pages it is not the same piece.
        #expect(Piece(decoding: bytes, pages: 5..<9) { Array($0) } == nil)
    }

    /// Bytes the writer did not write (every single-byte change, every truncation) are read as
    /// nothing, or as a piece the index can merge without reading out of bounds.
    @Test func anyChangedByteIsReadSafely() {
        let bytes = Self.piece().encoded { $0 }
        for cut in 0..<bytes.count {
            #expect(Piece(decoding: Array(bytes[..<cut]), pages: 5..<8) { Array($0) } == nil, "cut at \(cut)")
        }
        var accepted = 0
        for offset in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var changed = bytes
                changed[offset] ^= flip
                guard let piece = Piece(decoding: changed, pages: 0..<3, extra: { Array($0) }) else { continue }
                accepted += 1
                let kept = SearchInvertedIndex.KeptPieces<[UInt8]>(take: { _, _ in piece }, keep: { _, _ in })
                var numbering = SearchInvertedIndex.Numbering<[UInt8]>(pageCount: 3, pieceSize: 3, kept: kept) { _ in
                    Issue.record("a kept piece is not analysed")
                    return (SearchDocumentAnalysis(terms: SearchTermTable(frozenArena: [], starts: [0]), counts: [], lengths: []), [])
                }
                _ = numbering.takeExtras()
                _ = numbering.merged()
            }
        }
        #expect(accepted > 0, "changed terms and records still read")
    }
}
