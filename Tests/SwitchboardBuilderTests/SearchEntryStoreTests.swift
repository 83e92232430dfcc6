import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The search index's scored entries kept in the cache folder: a rebuild keeps the entry of
/// every term none of whose pages changed, scores the rest, and makes the index a clean build
/// makes; anything it cannot trust is scored again.
@Suite struct SearchEntryStoreTests {
    private static func store() -> (SearchAnalysisCache, SearchEntryStore, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entries-\(UUID().uuidString)").path
        let cache = SearchAnalysisCache()
        let store = SearchEntryStore(path: path, identity: "test program")
        cache.entries = store
        return (cache, store, path)
    }

    /// A store in the cache folder (`switchboard build`) or in memory (a long-lived session).
    private static func store(inMemory: Bool) -> (SearchAnalysisCache, SearchEntryStore, String) {
        guard inMemory else { return store() }
        let cache = SearchAnalysisCache()
        let store = SearchEntryStore(keptInMemoryFor: "test program")
        cache.entries = store
        return (cache, store, "/nonexistent/entries-in-memory")
    }

    /// Whether the index made with `cache` is the one made without (a Bool, so that a failure
    /// does not print both indexes).
    private static func sameIndex(_ documents: [SearchDocument], cache: SearchAnalysisCache) -> Bool {
        SearchAnalysisCacheTests.files(documents, cache: cache) == SearchIndexWriterTests.files(documents)
    }

    private static func page(_ n: Int, _ text: String) -> SearchDocument {
        SearchDocument(url: "/p/\(n)/", title: "Page \(n)", type: "Article", products: n % 3 == 0 ? ["x100"] : [], summary: "",
                       sections: [(anchor: nil, heading: nil, text: text)])
    }

    /// 300 pages, each with words of its own and words shared with others.
    private static func documents() -> [SearchDocument] {
        (0..<300).map { page($0, "common shared\($0 % 10) own\($0) handset firmware upgrade before the call") }
    }

    @Test(arguments: [false, true])
    func onlyTheTermsOfAChangedPageAreScoredAgain(inMemory: Bool) {
        let (cache, store, path) = Self.store(inMemory: inMemory)
        defer { unlink(path) }
        var documents = Self.documents()
        #expect(Self.sameIndex(documents, cache: cache))
        let terms = store.lastBuild.scored
        #expect(store.lastBuild.kept == 0)
        #expect(terms > 300)

        // Nothing changed: every entry is kept.
        #expect(Self.sameIndex(documents, cache: cache))
        #expect(store.lastBuild == (kept: terms, scored: 0))

        // Page 7 says the same in other words, one of them new and one of its own gone: its
        // terms are scored again (the page's own word, the shared ones, the new one), and a term
        // whose page count did not change but whose page did (`common`) is too.
        documents[7] = Self.page(7, "common shared7 handset firmware upgrade after the evening call quokka")
        #expect(Self.sameIndex(documents, cache: cache))
        let (kept, scored) = store.lastBuild
        #expect(scored >= 8 && scored <= 12, "\(scored) scored")
        // One term left the site (`own7`) and two came (`evening`, `quokka`).
        #expect(kept + scored == terms + 1)
    }

    /// `switchboard build` reads the entries file while the site loads (`readAhead`); the store
    /// made later takes what was read, not the file as it is then (here, gone).
    @Test func entriesReadAheadAreTaken() {
        let (cache, store, path) = Self.store()
        defer { unlink(path) }
        let documents = Self.documents()
        #expect(Self.sameIndex(documents, cache: cache))
        store.waitForWrites()
        let terms = store.lastBuild.scored
        let ahead = SearchEntryStore.readAhead(path: path, identity: "test program")
        #expect(ahead.wait() != nil)
        unlink(path)
        let again = SearchAnalysisCache()
        let aheadStore = SearchEntryStore(path: path, identity: "test program", ahead: ahead)
        again.entries = aheadStore
        #expect(Self.sameIndex(documents, cache: again))
        #expect(aheadStore.lastBuild == (kept: terms, scored: 0))
    }

    /// Another page count is another setting (IDF and the tails' bitmaps read it): every term is
    /// scored again.
    @Test func aPageAddedScoresEveryTerm() {
        let (cache, store, path) = Self.store()
        defer { unlink(path) }
        var documents = Self.documents()
        _ = SearchAnalysisCacheTests.files(documents, cache: cache)
        documents.append(Self.page(300, "common shared0 own300"))
        #expect(Self.sameIndex(documents, cache: cache))
        #expect(store.lastBuild.kept == 0)
    }

    /// A page that grows enough to move the body's mean length changes every page's length
    /// normalisation: every term is scored again.
    @Test func aPageThatMovesTheMeanScoresEveryTerm() {
        let (cache, store, path) = Self.store()
        defer { unlink(path) }
        var documents = Self.documents()
        _ = SearchAnalysisCacheTests.files(documents, cache: cache)
        documents[7] = Self.page(7, "common shared7 own7 " + String(repeating: "handset ", count: 300))
        #expect(Self.sameIndex(documents, cache: cache))
        #expect(store.lastBuild.kept == 0)
    }

    /// A damaged or cut file is not read: every term is scored, and the index is the same.
    @Test(arguments: ["flip", "cut"])
    func aDamagedFileScoresEveryTerm(damage: String) throws {
        let (cache, store, path) = Self.store()
        defer { unlink(path) }
        let documents = Self.documents()
        _ = SearchAnalysisCacheTests.files(documents, cache: cache)
        // The store writes its file on another core.
        store.waitForWrites()
        var bytes = try #require(FileReader.read(path))
        if damage == "flip" { bytes[bytes.count / 2] ^= 0x04 } else { bytes.removeLast(40) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(Self.sameIndex(documents, cache: cache))
        #expect(store.lastBuild.kept == 0)
    }

    /// The mean lengths scoring uses are rounded to an eighth of a term, so one edited page of
    /// many leaves them, and every other page's scores, as they were.
    @Test func meanLengthsAreRoundedToAnEighth() {
        #expect(SearchScoring.roundedAverage(400.06) == 400)
        #expect(SearchScoring.roundedAverage(400.07) == 400.125)
        #expect(SearchScoring.roundedAverage(0.3) == 1)
        let scoring = SearchScoring(lengths: [[3, 0, 0, 1, 10], [4, 0, 0, 1, 11], [4, 0, 0, 1, 11]])
        #expect(scoring.averageLengths == [3.625, 1, 1, 1, 10.625])
    }
}
