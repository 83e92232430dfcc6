/// A light English stemmer: it folds inflections (`returns`, `returned`, `returning`) and a
/// few derivations (`installation`, `escalate`, `quickly`) onto one stem. Stems are index
/// keys, not words (`charge` becomes `charg`). Lighter than Porter's algorithm on purpose:
/// fewer rules means fewer surprising conflations, and the rules must be repeated exactly in
/// `search-core.js` (checked by `Tests/Fixtures/search-vectors.json`).
///
/// Only words of ASCII letters longer than three letters are stemmed; numbers, codes such
/// as `i63` and words in other scripts are kept as they are.
public enum SearchStemmer {
    /// The stem of a lowercase token.
    public static func stem(_ token: String) -> String {
        var w = Array(token.utf8)
        stem(&w)
        return String(decoding: w, as: UTF8.self)
    }

    /// Stems the UTF-8 bytes of a lowercase token in place: the index writer's path, which
    /// makes no `String`.
    static func stem(_ w: inout [UInt8]) {
        guard w.count > 3, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return }

        // 1. Inflections: plurals, past tenses and -ing forms. At most one applies.
        if ends(w, "ies"), w.count > 4 {
            w.removeLast(3); w.append(y)
        } else if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "s"), !ends(w, "ss"), !ends(w, "us"), !ends(w, "is") {
            w.removeLast()
        } else if ends(w, "ied"), w.count > 4 {
            w.removeLast(3); w.append(y)
        } else if ends(w, "ed"), !ends(w, "eed") {
            stripVerbEnding(&w, 2)
        } else if ends(w, "ing") {
            stripVerbEnding(&w, 3)
        }

        // 2. A few derivations that engineers' words often differ by.
        if ends(w, "ation"), w.count - 5 >= 4 {
            w.removeLast(5)
        } else if ends(w, "ate"), w.count - 3 >= 4 {
            w.removeLast(3)
        } else if ends(w, "ly"), w.count - 2 >= 5 {
            w.removeLast(2)
        }

        // 3. A final e, so that `charge` and `charging` meet.
        if ends(w, "e"), w.count >= 4 { w.removeLast() }

        // 4. A final double consonant, so that `stopped` and `stop` meet.
        if w.count >= 4, w[w.count - 1] == w[w.count - 2], !isVowel(w[w.count - 1]) { w.removeLast() }
    }

    private static let y = UInt8(ascii: "y")

    /// Strips `-ed` or `-ing` when a syllable is left (`ring` and `need` stay), restoring
    /// the `e` of `-ate` so that `escalated` reaches the same stem as `escalate`.
    private static func stripVerbEnding(_ w: inout [UInt8], _ count: Int) {
        let rest = w.count - count
        guard rest >= 3, w[..<rest].contains(where: { isVowel($0) || $0 == y }) else { return }
        w.removeLast(count)
        if ends(w, "at") { w.append(UInt8(ascii: "e")) }
    }

    private static func isVowel(_ c: UInt8) -> Bool {
        c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75
    }

    private static func ends(_ w: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard w.count >= count else { return false }
        return suffix.withUTF8Buffer { buffer in
            var i = 0
            while i < count {
                if w[w.count - count + i] != buffer[i] { return false }
                i += 1
            }
            return true
        }
    }
}
