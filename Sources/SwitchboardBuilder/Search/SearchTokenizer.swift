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
public enum SearchTokenizer {
    /// Tokens shorter than this are not indexed.
    public static let minimumLength = 2
    /// Tokens longer than this are not indexed.
    public static let maximumLength = 40

    /// The tokens of `text`, in order, stop words included.
    public static func tokens(_ text: String) -> [String] {
        var scanner = Scanner()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                scanner.feedASCII(UInt8(scalar.value))
            } else {
                // Per-character decomposition matches whole-string NFKD for everything that
                // is kept: it differs only in the order of combining marks, which are dropped.
                for decomposed in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
                    for lower in decomposed.properties.lowercaseMapping.unicodeScalars {
                        scanner.feed(lower)
                    }
                }
            }
        }
        scanner.finish()
        return scanner.output
    }

    /// Index terms of `text`: tokens without stop words, stemmed.
    public static func terms(_ text: String) -> [String] {
        tokens(text).compactMap { SearchStopWords.contains($0) ? nil : SearchStemmer.stem($0) }
    }

    private struct Scanner {
        var output: [String] = []
        var current = String.UnicodeScalarView()
        var length = 0
        /// Token length just after the last apostrophe, to spot a possessive `'s`.
        var apostropheAt = -1

        mutating func feedASCII(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                append(Unicode.Scalar(byte))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                append(Unicode.Scalar(byte + 32))
            case UInt8(ascii: "'"):
                apostropheAt = length
            default:
                finish()
            }
        }

        mutating func feed(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { feedASCII(UInt8(scalar.value)); return }
            switch scalar.value {
            case 0x2019, 0x02BC: apostropheAt = length; return
            default: break
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                return
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                append(scalar)
            default:
                finish()
            }
        }

        mutating func append(_ scalar: Unicode.Scalar) {
            current.append(scalar)
            length += 1
        }

        mutating func finish() {
            if length > 0 {
                var token = current
                var count = length
                if apostropheAt == count - 1, token.last == "s" {
                    token.removeLast()
                    count -= 1
                }
                if count >= SearchTokenizer.minimumLength, count <= SearchTokenizer.maximumLength {
                    output.append(String(token))
                }
            }
            current = String.UnicodeScalarView()
            length = 0
            apostropheAt = -1
        }
    }
}
