import Foundation

/// BM25F relevance, computed at build time so that the client only adds numbers up.
/// Each field's occurrences are boosted and length-normalised (`SearchField`), summed, then
/// saturated once: a word repeated in the body cannot outweigh it being in the title.
struct SearchScoring {
    /// Saturation: how quickly more occurrences stop adding to the score.
    static let k1 = 1.6

    let documentCount: Int
    /// Mean length of each field over all pages.
    let averageLengths: [Double]

    init(lengths: [[Int]]) {
        documentCount = lengths.count
        var sums = [Double](repeating: 0, count: SearchField.allCases.count)
        for row in lengths {
            for (field, length) in row.enumerated() { sums[field] += Double(length) }
        }
        averageLengths = sums.map { max(1, $0 / Double(max(1, lengths.count))) }
    }

    /// The score of a term in a page, given how many pages have the term.
    func score(_ counts: SearchDocumentAnalysis.TermCounts, lengths: [Int], documentFrequency: Int) -> Double {
        var weighted = 0.0
        for field in SearchField.allCases {
            let count = counts.count(field)
            if count == 0 { continue }
            let b = field.lengthNormalisation
            let norm = 1 - b + b * Double(lengths[field.rawValue]) / averageLengths[field.rawValue]
            weighted += field.boost * Double(count) / norm
        }
        let n = Double(documentCount), df = Double(documentFrequency)
        let idf = log(1 + (n - df + 0.5) / (df + 0.5))
        return idf * weighted / (Self.k1 + weighted)
    }
}
