import Foundation
import Testing
@testable import SwitchboardBuilder

/// The inverted index numbers pages' terms in chunks on all cores and merges the chunks' tables.
/// Checked against a plain reference worked out here: every term's postings are exactly the pages
/// that have it, ascending, with that page's counts, and term ids follow the order in which the
/// terms are first seen.
@Suite struct SearchInvertedIndexTests {
    /// Enough pages for several chunks (one per 512), with words shared across chunks, words only
    /// one chunk has, and words first seen late.
    static func documents(_ count: Int) -> [SearchDocument] {
        (0..<count).map { page in
            var words = ["common", "word\(page % 7)", "page\(page)"]
            if page % 600 == 599 { words.append("rare\(page / 600)") }
            if page > 1500 { words.append("quokka") }
            return SearchDocument(url: "/p/\(page)/", title: words.joined(separator: " "), type: "Article", products: [],
                                  summary: "", sections: [(anchor: nil, heading: nil, text: "body \(words.reversed().joined(separator: " "))")])
        }
    }

    @Test func chunksMergeIntoTheIndexOfOneTable() {
        var documents = Self.documents(2100)
        // Counts packed in two and three bytes, in the first piece and a later one, before
        // other terms of their pages: the merge copies each packed entry whole.
        for page in [3, 1000] {
            documents[page].sections.insert((anchor: "big", heading: "Counts", text: String(repeating: "echo ", count: 200)), at: 0)
            documents[page + 2].sections.insert((anchor: "bigger", heading: "Counts", text: String(repeating: "foxtrot ", count: 17_000)), at: 0)
        }
        let analyses = documents.map { SearchDocumentAnalysis($0) }
        let index = SearchInvertedIndex.build(pageCount: analyses.count) { (analyses[$0], ()) }.index

        // The reference: terms in order of first sight, and each term's pages.
        var order: [String] = []
        var pages: [String: [Int32]] = [:]
        for (page, analysis) in analyses.enumerated() {
            for id in 0..<analysis.terms.count {
                let term = analysis.terms.string(id)
                if pages[term] == nil { order.append(term) }
                pages[term, default: []].append(Int32(page))
            }
        }
        #expect(index.termCount == order.count)
        #expect((0..<index.termCount).map { index.table.string($0) } == order)
        for t in 0..<index.termCount {
            let range = index.offsets[t]..<index.offsets[t + 1]
            #expect(Array(index.docs[range]) == pages[order[t]], "\(order[t])")
        }
        // Each posting carries its own page's counts for the term.
        for t in 0..<index.termCount {
            let counts = index.counts(ofTerm: t)
            for at in index.offsets[t]..<index.offsets[t + 1] {
                let analysis = analyses[Int(index.docs[at])]
                let local = (0..<analysis.terms.count).first { analysis.terms.string($0) == order[t] }!
                let posting = counts[at - index.offsets[t]]
                #expect(posting.counts == analysis.counts[local].counts && posting.section == analysis.counts[local].section)
            }
        }
        #expect(order.contains { $0.hasPrefix("quokka") } && order.contains { $0.hasPrefix("rare2") })
    }

    /// However the pages are cut into pieces, the index is the one a single piece makes, and each
    /// page's lengths and extra value come back in page order.
    @Test func piecesOfAnySizeMakeTheSameIndex() {
        let analyses = Self.documents(700).map { SearchDocumentAnalysis($0) }
        let whole = SearchInvertedIndex.build(pageCount: analyses.count, pieceSize: analyses.count) { (analyses[$0], $0) }
        for size in [1, 7, 256, 699] {
            let cut = SearchInvertedIndex.build(pageCount: analyses.count, pieceSize: size) { (analyses[$0], $0) }
            #expect(cut.extras == Array(0..<analyses.count), "\(size)")
            #expect(cut.lengths == analyses.map(\.lengths), "\(size)")
            #expect((0..<cut.index.termCount).map { cut.index.table.string($0) } == (0..<whole.index.termCount).map { whole.index.table.string($0) })
            #expect(cut.index.sorted == whole.index.sorted && cut.index.offsets == whole.index.offsets && cut.index.docs == whole.index.docs, "\(size)")
            func counts(_ index: SearchInvertedIndex) -> [[UInt16]] {
                (0..<index.termCount).flatMap { index.counts(ofTerm: $0) }
                    .map { [$0.counts.0, $0.counts.1, $0.counts.2, $0.counts.3, $0.counts.4, $0.section] }
            }
            #expect(counts(cut.index) == counts(whole.index), "\(size)")
        }
        #expect(SearchInvertedIndex.build(pageCount: 0) { (analyses[$0], ()) }.index.termCount == 0)
    }

    /// Pieces finish in any order (here the first is held back until others are done), and their
    /// tables are still merged in piece order: term ids are the order of first sight.
    @Test func piecesFinishingOutOfOrderAreMergedInOrder() {
        let analyses = Self.documents(700).map { SearchDocumentAnalysis($0) }
        let whole = SearchInvertedIndex.build(pageCount: analyses.count, pieceSize: analyses.count) { (analyses[$0], ()) }
        let late = SearchInvertedIndex.build(pageCount: analyses.count, pieceSize: 7) { page in
            if page == 0 { usleep(200_000) }
            return (analyses[page], ())
        }
        let sameTerms = (0..<late.index.termCount).map { late.index.table.string($0) } == (0..<whole.index.termCount).map { whole.index.table.string($0) }
        #expect(sameTerms)
        #expect(late.index.docs == whole.index.docs && late.index.offsets == whole.index.offsets)
    }

    /// Before the merge, a page's analysis made again from its piece encodes to the same bytes
    /// as the one the page was analysed into: what the cache writes through for a new page.
    @Test func aPageAnalysisIsMadeAgainFromItsPiece() {
        var documents = Self.documents(600)
        // Counts of one, two and three bytes packed (below 128, below 16,384, and above).
        documents[3].sections.append((anchor: "big", heading: "Counts", text: String(repeating: "echo ", count: 200)))
        documents[5].sections.append((anchor: "bigger", heading: "Counts", text: String(repeating: "foxtrot ", count: 17_000)))
        let analyses = documents.map { SearchDocumentAnalysis($0) }
        for size in [1, 7, 256] {
            let numbering = SearchInvertedIndex.Numbering(pageCount: analyses.count, pieceSize: size) { (analyses[$0], ()) }
            for page in [0, 1, 3, 5, 6, 7, 255, 256, 599] {
                #expect(numbering.analysis(ofPage: page).encoded() == analyses[page].encoded(), "page \(page), pieces of \(size)")
            }
        }
    }

    /// Placing only some terms' postings (a rebuild that keeps the others' entries) gives those
    /// terms the postings and counts the whole index gives them, and every term its page count;
    /// the terms of given pages are the terms those pages' analyses have.
    @Test func onlyTheMarkedTermsArePlaced() {
        var documents = Self.documents(700)
        documents[3].sections.append((anchor: "big", heading: "Counts", text: String(repeating: "echo ", count: 200)))
        let analyses = documents.map { SearchDocumentAnalysis($0) }
        let whole = SearchInvertedIndex.build(pageCount: analyses.count) { (analyses[$0], ()) }.index
        var numbering = SearchInvertedIndex.Numbering(pageCount: analyses.count, pieceSize: 64) { (analyses[$0], ()) }
        let onPages = numbering.terms(onPages: [3, 300])
        let expected = Set([3, 300].flatMap { page in (0..<analyses[page].terms.count).map { analyses[page].terms.string($0) } })
        #expect(Set((0..<numbering.termCount).filter { onPages[$0] }.map { String(decoding: numbering.termBytes($0), as: UTF8.self) }) == expected)
        let placing = (0..<numbering.termCount).map { $0 % 3 == 0 }
        let part = numbering.merged(placing: placing).index
        #expect(part.termCount == whole.termCount)
        #expect(part.docs.count < whole.docs.count)
        for t in 0..<whole.termCount {
            #expect(part.table.bytes(t).elementsEqual(whole.table.bytes(t)))
            #expect(part.documentFrequency(t) == whole.documentFrequency(t))
            if placing[t] {
                #expect(Array(part.docs[part.offsets[t]..<part.offsets[t + 1]]) == Array(whole.docs[whole.offsets[t]..<whole.offsets[t + 1]]))
                #expect(part.counts(ofTerm: t).map { "\($0.counts) \($0.section)" } == whole.counts(ofTerm: t).map { "\($0.counts) \($0.section)" })
            } else {
                #expect(part.offsets[t] == part.offsets[t + 1])
            }
        }
    }
}
