/// `content/search/synonyms.yml`: groups of words and phrases that a search treats as the
/// same (`DOA`, `dead on arrival`, `RMA`). The build publishes them with the search index and
/// the browser expands queries with them, so the index itself does not depend on them.
public struct SearchSynonyms: Sendable, Codable {
    public struct Group: Sendable, Codable {
        public var words: [String]
        public var note: String?
        public var position: SourcePosition
    }

    public var groups: [Group]

    init(_ r: Record) {
        groups = r.records("groups").map {
            Group(words: $0.strings("words"), note: $0.optionalString("note"), position: $0.position(of: "words"))
        }
    }

    /// Words that can never match (no letter or digit), and words listed twice: within a
    /// group it is a slip; in two groups a query for the word expands to both, which is
    /// rarely meant.
    static func check(_ synonyms: SearchSynonyms, diagnostics: inout DiagnosticCollector) {
        var seen: [String: Int] = [:]
        for (number, group) in synonyms.groups.enumerated() {
            var inGroup: Set<String> = []
            for word in group.words {
                let key = word.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                if !word.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                    diagnostics.error("synonym-empty-word", "'\(word)' has no letter or digit, so no search can match it", at: group.position)
                    continue
                }
                if !inGroup.insert(key).inserted {
                    diagnostics.warning("synonym-duplicate", "'\(word)' is listed twice in this group", at: group.position)
                } else if let other = seen[key] {
                    diagnostics.warning("synonym-duplicate",
                                        "'\(word)' is also in group \(other + 1): a search for it expands to both groups", at: group.position)
                } else {
                    seen[key] = number
                }
            }
        }
    }
}
