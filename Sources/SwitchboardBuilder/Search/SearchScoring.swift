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
    /// Mean length of each field over all pages, rounded to an eighth of a term
    /// (`roundedAverage`).
    let averageLengths: [Double]
    /// Each page's length normalisation per field, `1 − b + b × length / mean length`,
    /// flat (page × fields + field): computed once per page rather than once per posting.
    private let norms: [Double]
    private static let fields = SearchField.allCases.count

    init(lengths: [[Int]]) {
        documentCount = lengths.count
        var sums = [Double](repeating: 0, count: Self.fields)
        for row in lengths {
            for (field, length) in row.enumerated() { sums[field] += Double(length) }
        }
        let averages = sums.map { Self.roundedAverage($0 / Double(max(1, lengths.count))) }
        averageLengths = averages
        var norms = [Double](repeating: 1, count: lengths.count * Self.fields)
        for (doc, row) in lengths.enumerated() {
            for field in SearchField.allCases {
                let b = field.lengthNormalisation
                norms[doc * Self.fields + field.rawValue] = 1 - b + b * Double(row[field.rawValue]) / averages[field.rawValue]
            }
        }
        self.norms = norms
    }

    /// A field's mean length as scoring uses it: at least 1, rounded to an eighth of a term.
    /// Rounded, the mean stays put when one page is edited (ten more words on one of 7,500
    /// pages move the body's mean by a thousandth of a term), so every score of a page that
    /// did not change stays the same, and a rebuild keeps the entries of every term whose pages
    /// did not change (`SearchEntryStore`) instead of scoring the whole index again. An eighth of
    /// a term moves a page's length normalisation by less than half a percent.
    static func roundedAverage(_ mean: Double) -> Double {
        max(1, (mean * 8).rounded() / 8)
    }

    /// Inverse document frequency of a term in `documentFrequency` pages.
    func idf(_ documentFrequency: Int) -> Double {
        let n = Double(documentCount), df = Double(documentFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The score of a term in page `doc`, given the term's IDF.
    func score(_ counts: SearchDocumentAnalysis.TermCounts, doc: Int, idf: Double) -> Double {
        let base = doc * Self.fields
        var weighted = 0.0
        var bonus = 0.0
        let c = counts.counts
        if c.0 > 0 {
            let norm = norms[base + SearchField.title.rawValue]
            weighted += SearchField.title.boost * Double(c.0) / norm
            bonus = Self.titleBonus / norm
        }
        if c.1 > 0 { weighted += SearchField.headings.boost * Double(c.1) / norms[base + SearchField.headings.rawValue] }
        if c.2 > 0 { weighted += SearchField.summary.boost * Double(c.2) / norms[base + SearchField.summary.rawValue] }
        if c.3 > 0 { weighted += SearchField.facets.boost * Double(c.3) / norms[base + SearchField.facets.rawValue] }
        if c.4 > 0 { weighted += SearchField.body.boost * Double(c.4) / norms[base + SearchField.body.rawValue] }
        return idf * (weighted / (Self.k1 + weighted) + bonus)
    }
}
