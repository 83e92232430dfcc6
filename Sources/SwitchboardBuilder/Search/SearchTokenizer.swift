import Foundation

/// Splits text into search tokens. The browser client (`search-core.js`) has the same
/// rules, held together by `Tests/Fixtures/search-vectors.json`; change both or neither.
///
/// Rules: each character is compatibility-decomposed (NFKD) and lowercased, and combining
/// marks are dropped, so `Café` and `cafe` match. Letters and numbers (Unicode `L` and `N`)
/// make up tokens; apostrophes are skipped without ending a token (`don't` is `dont`) and a
/// possessive `'s` is dropped; anything else ends a token. Tokens shorter than 2 or longer
/// than 40 characters are dropped: single letters match too much and very long runs are
/// hashes or data, never words an engineer types.
///
/// The work is done on UTF-8 bytes by `SearchTokenScanner`; these `String` functions are
/// for tests and callers outside the index writer's hot path.
public enum SearchTokenizer {
    /// Tokens shorter than this are not indexed.
    public static let minimumLength = 2
    /// Tokens longer than this are not indexed.
    public static let maximumLength = 40

    /// The tokens of `text`, in order, stop words included.
    public static func tokens(_ text: String) -> [String] {
        var scanner = SearchTokenScanner()
        var out: [String] = []
        scanner.scan(text) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// Index terms of `text`: tokens without stop words, stemmed.
    public static func terms(_ text: String) -> [String] {
        var scanner = SearchTokenScanner()
        var out: [String] = []
        scanner.scanTerms(text) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }
}
