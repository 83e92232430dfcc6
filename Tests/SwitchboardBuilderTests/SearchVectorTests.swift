import Foundation
import Testing
@testable import SwitchboardBuilder

/// The shared vectors in Tests/Fixtures/search-vectors.json, which the JavaScript client is
/// tested against too (Tests/JavaScript/search-core.test.cjs).
struct SearchVectors: Decodable {
    struct Tokenize: Decodable { var input: String; var tokens: [String] }
    struct Terms: Decodable { var input: String; var terms: [String] }
    struct Stem: Decodable { var input: String; var stem: String }
    var stopWords: [String]
    var tokenize: [Tokenize]
    var terms: [Terms]
    var stem: [Stem]

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/search-vectors.json")

    static func load() throws -> SearchVectors {
        try JSONDecoder().decode(SearchVectors.self, from: Data(contentsOf: url))
    }
}

@Suite struct SearchTokenizerTests {
    @Test func tokenizerMatchesSharedVectors() throws {
        for vector in try SearchVectors.load().tokenize {
            #expect(SearchTokenizer.tokens(vector.input) == vector.tokens, "\(vector.input)")
        }
    }

    @Test func termsMatchSharedVectors() throws {
        for vector in try SearchVectors.load().terms {
            #expect(SearchTokenizer.terms(vector.input) == vector.terms, "\(vector.input)")
        }
    }

    @Test func stopWordsMatchSharedVectors() throws {
        #expect(SearchStopWords.words.sorted() == (try SearchVectors.load().stopWords))
    }

    @Test func possessiveAndApostrophes() {
        #expect(SearchTokenizer.tokens("Tollring's partners' don't") == ["tollring", "partners", "dont"])
    }

    @Test func dropsSingleCharactersAndOverlongRuns() {
        #expect(SearchTokenizer.tokens("a 1 " + String(repeating: "x", count: 41) + " ok") == ["ok"])
    }
}

@Suite struct SearchStemmerTests {
    @Test func stemmerMatchesSharedVectors() throws {
        for vector in try SearchVectors.load().stem {
            #expect(SearchStemmer.stem(vector.input) == vector.stem, "\(vector.input)")
        }
    }

    @Test func inflectionsMeet() {
        let groups = [["return", "returns", "returned", "returning"],
                      ["escalate", "escalated", "escalating", "escalation", "escalations"],
                      ["charge", "charges", "charged", "charging"],
                      ["install", "installed", "installation"]]
        for group in groups {
            #expect(Set(group.map(SearchStemmer.stem)).count == 1, "\(group)")
        }
    }

    @Test func leavesCodesAndShortWordsAlone() {
        #expect(SearchStemmer.stem("i63") == "i63")
        #expect(SearchStemmer.stem("sip") == "sip")
        #expect(SearchStemmer.stem("café") == "café")
    }
}
