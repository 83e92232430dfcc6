import Foundation

/// BM25F relevance, computed at build time so that the client only adds numbers up.
/// Each field's occurrences are boosted and length-normalised (`SearchField`), summed, then
/// saturated once: a word repeated in the body cannot outweigh it being in the title.
///
/// Saturation alone makes every strong match look alike (a word in the title and the same
/// word five times in the body both come close to the ceiling), so a title match also earns
/// a bonus outside the saturation: for each query word, a page with the word in its title
/// scores above any page with it only elsewhere, and a page whose title has every word of
/// a query beats one that has them only in the body.
struct SearchScoring: Sendable {
    /// Saturation: how quickly more occurrences stop adding to the score.
    static let k1 = 1.2
    /// The bonus for a title match, as a fraction of the term's IDF, before normalising it
    /// by the title's length (a word in a three-word title says more than in a fifteen-word one).
    static let titleBonus = 0.6

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

    /// Inverse document frequency of a term in `documentFrequency` pages.
    func idf(_ documentFrequency: Int) -> Double {
        let n = Double(documentCount), df = Double(documentFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The score of a term in a page, given the term's IDF.
    func score(_ counts: SearchDocumentAnalysis.TermCounts, lengths: [Int], idf: Double) -> Double {
        var weighted = 0.0
        var bonus = 0.0
        for field in SearchField.allCases {
            let count = counts.count(field)
            if count == 0 { continue }
            let b = field.lengthNormalisation
            let norm = 1 - b + b * Double(lengths[field.rawValue]) / averageLengths[field.rawValue]
            weighted += field.boost * Double(count) / norm
            if field == .title { bonus = Self.titleBonus / norm }
        }
        return idf * (weighted / (Self.k1 + weighted) + bonus)
    }
}
