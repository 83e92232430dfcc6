import Foundation

/// Scores as small integers, 1…99 on a log scale relative to the index's best score, so a
/// posting costs at most two digits: a step is one eighth of an octave (about 9 %), finer
/// than relevance can be told apart. `search-core.js` turns them back with `2^((q-99)/8)`.
enum SearchQuantiser {
    static let levels = 99
    static let stepsPerOctave = 8.0

    static func quantise(_ score: Double, maximum: Double) -> Int {
        guard score > 0, maximum > 0 else { return 1 }
        let q = Double(levels) + stepsPerOctave * log2(score / maximum)
        return min(levels, max(1, Int(q.rounded())))
    }
}
