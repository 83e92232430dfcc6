/// Words too common to help a search, left out of the index and of queries.
/// The list is short on purpose: words such as `out`, `off`, `not` and `up` carry meaning
/// here (`out of hours`, `sign-off`, `not tested`, `set up`) and stay searchable.
/// `search-core.js` has the same list, checked by the shared test vectors.
public enum SearchStopWords {
    /// The stop words, lowercase, before stemming.
    public static let words: [String] = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "each", "for", "from", "had", "has", "have", "having",
        "he", "her", "here", "him", "his", "how", "if", "in", "into", "is", "it", "its",
        "me", "my", "of", "on", "or", "other", "our", "ours", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "to", "too", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    ]

    private static let set = Set(words)
    /// The stop words packed into integers (all are ASCII and at most eight letters), so that
    /// the index writer checks a token's bytes without making a `String`.
    /// An open-addressing table of them, probed with a multiplicative hash: a `Set`'s
    /// seeded hashing cost a tenth of the indexing time, asked once per token.
    private static let packed: [UInt64] = {
        var table = [UInt64](repeating: 0, count: slots)
        for word in words {
            let key = pack(Array(word.utf8))!
            var slot = slot(key)
            while table[slot] != 0 { slot = (slot + 1) & (slots - 1) }
            table[slot] = key
        }
        return table
    }()
    private static let slots = 512

    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 55)
    }

    /// Whether `token` (lowercase, unstemmed) is a stop word.
    public static func contains(_ token: String) -> Bool {
        set.contains(token)
    }

    /// Whether the UTF-8 bytes of a lowercase, unstemmed token are a stop word.
    static func contains(bytes token: [UInt8]) -> Bool {
        guard token.count >= 2, let key = pack(token) else { return false }
        var slot = slot(key)
        while true {
            let entry = packed[slot]
            if entry == key { return true }
            if entry == 0 { return false }
            slot = (slot + 1) & (slots - 1)
        }
    }

    private static func pack(_ bytes: [UInt8]) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            key = key << 8 | UInt64(byte)
        }
        return key
    }
}
