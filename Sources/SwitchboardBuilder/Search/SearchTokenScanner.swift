import Foundation

/// The tokenizer's machinery, on UTF-8 bytes: ASCII, nearly all of the text, is lowercased
/// and classified a byte at a time into a reused buffer; only other characters take the
/// slow path through Foundation's decomposition and Unicode properties. The rules are
/// `SearchTokenizer`'s.
struct SearchTokenScanner {
    /// The token being read, as UTF-8.
    private var token: [UInt8] = []
    /// Characters (not bytes) in `token`: the length limits count characters.
    private var length = 0
    /// Token length just after the last apostrophe, to spot a possessive `'s`.
    private var apostropheAt = -1
    /// Where the token being read starts and ends in the text (UTF-8 offsets), and whether
    /// it is written as ASCII letters and digits only: such runs are what identifiers are
    /// made of (`SearchIdentifiers`).
    private var tokenStart = 0
    private var tokenEnd = 0
    private var pure = true
    /// Byte offset of the character being fed.
    private var position = 0
    private var decomposing = false
    /// The text's pure runs, as start and end offsets, for the identifier pass.
    private var runs: [SearchIdentifiers.Run] = []

    init() { token.reserveCapacity(64) }

    /// Calls `emit` with each token of `text`, stop words included. The buffer is only
    /// valid during the call.
    mutating func scan(_ text: String, _ emit: (inout [UInt8]) -> Void) {
        var text = text
        runs.removeAll(keepingCapacity: true)
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                position = i
                if byte < 0x80 {
                    feedASCII(byte, emit)
                    i += 1
                    continue
                }
                // Valid UTF-8 (it came from a String): the lead byte gives the length.
                var value: UInt32
                var width: Int
                if byte >= 0xF0 { value = UInt32(byte & 0x07); width = 4 }
                else if byte >= 0xE0 { value = UInt32(byte & 0x0F); width = 3 }
                else { value = UInt32(byte & 0x1F); width = 2 }
                for k in 1..<width where i + k < n { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                i += width
                if let scalar = Unicode.Scalar(value) { feedOther(scalar, emit) }
            }
            finish(emit)
            if !runs.isEmpty { SearchIdentifiers.scan(bytes, runs: runs, emit: emit) }
        }
    }

    /// Calls `emit` with each index term of `text`: stop words dropped, stemmed in place.
    mutating func scanTerms(_ text: String, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        scan(text) { token in
            if SearchStopWords.contains(bytes: token) { return }
            SearchStemmer.stem(&token)
            token.withUnsafeBufferPointer { emit($0) }
        }
    }

    private mutating func feedASCII(_ byte: UInt8, _ emit: (inout [UInt8]) -> Void) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            append(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            append(byte + 32)
        case UInt8(ascii: "'"):
            apostropheAt = length
            pure = false
        default:
            finish(emit)
        }
    }

    private mutating func append(_ byte: UInt8) {
        if length == 0 { tokenStart = position }
        if decomposing { pure = false }
        token.append(byte)
        length += 1
        tokenEnd = position + 1
    }

    private mutating func feedOther(_ scalar: Unicode.Scalar, _ emit: (inout [UInt8]) -> Void) {
        // Letters that decompose to ASCII (`é`, `ﬁ`) still make the run impure: an
        // identifier is written in ASCII.
        decomposing = true
        defer { decomposing = false }
        // Per-character decomposition matches whole-string NFKD for everything that is
        // kept: it differs only in the order of combining marks, which are dropped.
        for decomposed in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
            for lower in decomposed.properties.lowercaseMapping.unicodeScalars {
                feed(lower, emit)
            }
        }
    }

    private mutating func feed(_ scalar: Unicode.Scalar, _ emit: (inout [UInt8]) -> Void) {
        if scalar.isASCII { feedASCII(UInt8(scalar.value), emit); return }
        switch scalar.value {
        case 0x2019, 0x02BC: apostropheAt = length; pure = false; return
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            pure = false
            return
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            if length == 0 { tokenStart = position }
            token.append(contentsOf: UTF8.encode(scalar)!)
            length += 1
            pure = false
        default:
            finish(emit)
        }
    }

    private mutating func finish(_ emit: (inout [UInt8]) -> Void) {
        if length > 0 {
            if pure { runs.append(SearchIdentifiers.Run(start: tokenStart, end: tokenEnd)) }
            var count = length
            if apostropheAt == count - 1, token.last == UInt8(ascii: "s") {
                token.removeLast()
                count -= 1
            }
            if count >= SearchTokenizer.minimumLength, count <= SearchTokenizer.maximumLength {
                emit(&token)
            }
        }
        token.removeAll(keepingCapacity: true)
        length = 0
        apostropheAt = -1
        pure = true
    }
}
