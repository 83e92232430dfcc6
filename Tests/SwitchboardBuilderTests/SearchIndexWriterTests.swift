import Foundation
import Testing
@testable import SwitchboardBuilder

@Suite struct SearchIndexWriterTests {
    static func documents() -> [SearchDocument] {
        [
            SearchDocument(url: "/kb/returns/doa-return/", title: "DOA return step by step", type: "Article",
                           products: ["ipecs-cloud"], summary: "How to report a dead-on-arrival product.",
                           sections: [(nil, nil, "Pragma's DOA policy covers 30 days."),
                                      ("before-you-call", "Before you call", "Have the serial number ready."),
                                      ("step-by-step", "Step by step", "Call the DOA line and return the item.")]),
            SearchDocument(url: "/kb/diagnostics/disable-sip-alg/", title: "Disable SIP ALG", type: "Article",
                           products: ["ipecs-cloud", "ipecs-ucp"], summary: "SIP ALG on routers breaks calls.",
                           sections: [(nil, nil, "Most one-way audio faults come from SIP ALG."),
                                      ("how", "How to turn it off", "Open the router's firewall settings.")]),
            SearchDocument(url: "/faq/#remote-prices", title: "What do remote sessions cost?", type: "FAQ",
                           products: [], summary: "", sections: [(nil, nil, "Out of hours a remote session costs £200.")]),
        ]
    }

    static func files(_ docs: [SearchDocument] = documents(), base: String = "") -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: SearchIndexWriter.files(for: docs, basePath: base).map { ($0.path, $0.bytes) })
    }

    static func json(_ bytes: [UInt8]?) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try #require(bytes)))
    }

    @Test func writesManifestShardsVocabularyAndRecords() throws {
        let files = Self.files()
        #expect(files.keys.allSatisfy { $0.hasPrefix("search/") })
        let manifest = try #require(try Self.json(files["search/index.json"]) as? [String: Any])
        #expect(manifest["pages"] as? Int == 3)
        #expect(manifest["types"] as? [String] == ["Article", "FAQ"])
        #expect(manifest["products"] as? [String] == ["ipecs-cloud", "ipecs-ucp"])
        let shards = try #require(manifest["shards"] as? [String])
        for key in shards { #expect(files["search/s/\(SearchFileKey.name(key)).json"] != nil) }
        #expect(files["search/v/s.json"] != nil)
        for id in 0..<3 { #expect(files["search/r/\(id).json"] != nil) }
    }

    @Test func pagesAreNumberedByTypeThenProductsThenURL() throws {
        let files = Self.files()
        let record0 = try #require(try Self.json(files["search/r/0.json"]) as? [String: Any])
        let record2 = try #require(try Self.json(files["search/r/2.json"]) as? [String: Any])
        #expect(record0["u"] as? String == "/kb/returns/doa-return/")
        #expect(record2["u"] as? String == "/faq/#remote-prices")
        let manifest = try #require(try Self.json(files["search/index.json"]) as? [String: Any])
        let runs = try #require(manifest["runs"] as? [[Any]])
        #expect(runs.count == 3)
    }

    @Test func recordURLsIncludeTheBasePath() throws {
        let record = try #require(try Self.json(Self.files(base: "/docs")["search/r/0.json"]) as? [String: Any])
        #expect(record["u"] as? String == "/docs/kb/returns/doa-return/")
    }

    @Test func postingsPointAtTheBestSection() throws {
        let files = Self.files()
        let shard = try #require(try Self.json(files["search/s/s.json"]) as? [[Any]])
        let serial = try #require(shard.first { $0[0] as? String == "serial" })
        #expect(serial[1] as? Int == 1)
        // One posting: page 0, a score, section 2 ("Before you call").
        let postings = try #require(serial[2] as? [Int])
        #expect(postings.count == 3 && postings[0] == 0 && postings[2] == 2)
    }

    @Test func titleMatchesOutscoreBodyMatches() throws {
        let docs = [
            SearchDocument(url: "/a/", title: "Router settings", type: "Article", products: [], summary: "",
                           sections: [(nil, nil, "Open the admin page.")]),
            SearchDocument(url: "/b/", title: "Audio faults", type: "Article", products: [], summary: "",
                           sections: [(nil, nil, "Check the router first.")]),
        ]
        let shard = try #require(try Self.json(Self.files(docs)["search/s/r.json"]) as? [[Any]])
        let postings = try #require(shard.first { $0[0] as? String == "router" }?[2] as? [Int])
        // Page 0 (/a/, title) and page 1 (/b/, body): (gap, score, section) each.
        #expect(postings.count == 6)
        #expect(postings[1] > postings[4])
    }

    @Test func outputIsDeterministicAndIndependentOfInputOrder() {
        let a = SearchIndexWriter.files(for: Self.documents(), basePath: "")
        let b = SearchIndexWriter.files(for: Self.documents().reversed(), basePath: "")
        #expect(a.map(\.path) == b.map(\.path))
        #expect(a.map(\.bytes) == b.map(\.bytes))
    }

    @Test func frequentTermsGetAFullListAndFacetCounts() throws {
        let docs = (0..<(SearchIndexWriter.headLength + 10)).map { i in
            SearchDocument(url: "/p/\(i)/", title: "Page \(i)", type: i % 2 == 0 ? "Article" : "FAQ",
                           products: i % 3 == 0 ? ["ipecs-cloud"] : [], summary: "",
                           sections: [(nil, nil, String(repeating: "telephony ", count: 1 + i % 5))])
        }
        let files = Self.files(docs)
        let shard = try #require(try Self.json(files["search/s/t.json"] ?? files["search/s/te.json"]) as? [[Any]])
        let entry = try #require(shard.first { $0[0] as? String == "telephony" })
        #expect(entry[1] as? Int == docs.count)
        #expect((entry[2] as? [Int])?.count == SearchIndexWriter.headLength * 3)
        #expect(entry[3] as? [Int] == [25, 25, 17])
        let tail = try #require(try Self.json(files["search/t/telephony.json"]) as? [Int])
        #expect(tail.count == (docs.count - SearchIndexWriter.headLength) * 2)
    }

    @Test func shardsAreSplitByLongerPrefixesWhenLarge() {
        let terms = (0..<2000).map { i in Array("term\(String(i, radix: 36))".unicodeScalars) }
            .sorted { String(String.UnicodeScalarView($0)).utf8.lexicographicallyPrecedes(String(String.UnicodeScalarView($1)).utf8) }
        let planner = SearchShardPlanner(terms: terms, sizes: Array(repeating: 100, count: terms.count), limit: 5_000)
        let shards = planner.plan()
        #expect(shards.count > 40)
        #expect(shards.allSatisfy { $0.range.count * 100 <= 5_000 || $0.range.count == 1 })
        #expect(shards.map(\.range.count).reduce(0, +) == terms.count)
        for shard in shards {
            for t in shard.range { #expect(terms[t].starts(with: shard.key)) }
        }
    }

    @Test func fileKeysAreURLSafe() {
        #expect(SearchFileKey.name("doa") == "doa")
        #expect(SearchFileKey.name("é") == "_c3a9")
    }

    @Test func snippetsAreCutAtWordBoundaries() {
        #expect(SearchRecordWriter.collapse("one  two\nthree", limit: 100) == "one two three")
        #expect(SearchRecordWriter.collapse("alpha beta gamma", limit: 12) == "alpha beta…")
    }
}
