import Foundation

/// Scores as small integers on a log scale relative to the term's best score, which its
/// shard entry gives once (in thousandths): scores of different terms stay comparable, and
/// the levels are spent on the range one term's scores actually span, so pages that differ
/// in relevance get different levels.
///
/// - Head postings (the ones a shard lists): 1…63, twelve steps per octave (6 % apart),
///   covering scores down to 1/36 of the term's best: one digit of `SearchPostingCode`.
/// - Tail postings (only fetched to intersect or filter): 1…4, one step per octave. Tails
///   are long and only ever add to several-word scores below every head posting of the
///   word; a finer scale costs size where precision matters least. A tail written as a
///   bitmap (a term on a large share of the pages) has no levels: its pages count as level 1.
///
/// `search-core.js` turns a level back into `best × 2^((level − levels) / stepsPerOctave)`.
enum SearchQuantiser {
    static let headLevels = 63
    static let headStepsPerOctave = 12.0
    static let tailLevels = 4
    static let tailStepsPerOctave = 1.0

    /// The term's best score as written: thousandths, at least 1.
    static func best(_ score: Double) -> Int {
        max(1, Int((score * 1000).rounded()))
    }

    static func head(_ score: Double, best: Double) -> Int {
        level(score, best: best, levels: headLevels, steps: headStepsPerOctave)
    }

    static func tail(_ score: Double, best: Double) -> Int {
        level(score, best: best, levels: tailLevels, steps: tailStepsPerOctave)
    }

    private static func level(_ score: Double, best: Double, levels: Int, steps: Double) -> Int {
        guard score > 0, best > 0 else { return 1 }
        let q = Double(levels) + steps * log2(score / best)
        return min(levels, max(1, Int(q.rounded())))
    }
}
