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
        try JSONSerialization.jsonObject(with: Data(try #require(bytes)), options: [.fragmentsAllowed])
    }

    @Test func writesManifestShardsVocabularyAndRecords() throws {
        let files = Self.files()
        #expect(files.keys.allSatisfy { $0.hasPrefix("search/") })
        let manifest = try #require(try Self.json(files["search/index.json"]) as? [String: Any])
        #expect(manifest["pages"] as? Int == 3)
        #expect(manifest["types"] as? [String] == ["Article", "FAQ"])
        #expect(manifest["products"] as? [String] == ["ipecs-cloud", "ipecs-ucp"])
        let shards = Self.shardKeys(try #require(manifest["shards"] as? String))
        for key in shards { #expect(files["search/s/\(SearchFileKey.name(key)).json"] != nil) }
        // Typo vocabulary: words by their first two letters, first and third, second and third.
        #expect((try Self.json(files["search/v/se.json"]) as? [String])?.contains("serial") == true)
        #expect(try Self.json(files["search/u/sr.json"]) as? [String] == ["serial"])
        #expect(try Self.json(files["search/w/er.json"]) as? [String] == ["serial"])
        #expect(files["search/v/s.json"] == nil && files["search/w/e.json"] == nil)
        // Three small records make one chunk.
        let chunk = try #require(manifest["chunk"] as? Int)
        #expect(chunk >= 4)
        #expect((try Self.json(files["search/r/0.json"]) as? [[Any]])?.count == 3)
        #expect(files["search/r/1.json"] == nil)
    }

    static func record(_ files: [String: [UInt8]], _ id: Int) throws -> [Any] {
        let manifest = try #require(try json(files["search/index.json"]) as? [String: Any])
        let chunk = try #require(manifest["chunk"] as? Int)
        let records = try #require(try json(files["search/r/\(id / chunk).json"]) as? [[Any]])
        return records[id % chunk]
    }

    @Test func pagesAreNumberedByTypeThenProductsThenURL() throws {
        let files = Self.files()
        let doa = try Self.record(files, 0)
        #expect(doa[0] as? String == "/kb/returns/doa-return/")
        // Sections up to the last with an anchor: 0 without one, the heading alone when the
        // anchor is its slug.
        let sections = try #require(doa[3] as? [Any])
        #expect(sections.count == 3 && sections[0] as? Int == 0)
        #expect(sections[1] as? String == "Before you call" && sections[2] as? String == "Step by step")
        #expect(try Self.record(files, 2)[0] as? String == "/faq/#remote-prices")
        let manifest = try #require(try Self.json(files["search/index.json"]) as? [String: Any])
        let runs = try #require(manifest["runs"] as? [[Any]])
        #expect(runs.count == 3)
    }

    @Test func sectionsKeepAnchorsTheClientCannotDerive() throws {
        #expect(SearchRecordWriter.plainSlug("SIP ALG: what it does").map { String(decoding: $0, as: UTF8.self) } == "sip-alg-what-it-does")
        #expect(SearchRecordWriter.plainSlug("Café") == nil)
        let docs = [SearchDocument(url: "/a/", title: "A", type: "Article", products: [], summary: "",
                                   sections: [("level-one-1", "Level one", "x"), ("caf", "Café", "y")])]
        let sections = try #require(try Self.record(Self.files(docs), 0)[3] as? [[String]])
        #expect(sections == [["level-one-1", "Level one"], ["caf", "Café"]])
    }

    @Test func recordURLsIncludeTheBasePath() throws {
        #expect(try Self.record(Self.files(base: "/docs"), 0)[0] as? String == "/docs/kb/returns/doa-return/")
    }

    @Test func postingsPointAtTheBestSection() throws {
        let files = Self.files()
        let shard = try #require(try Self.json(files["search/s/s.json"]) as? [[Any]])
        let serial = try #require(shard.first { $0[0] as? String == "serial" })
        #expect(serial[1] as? Int == 1)
        // One posting: page 0, a score, section 2 ("Before you call").
        let postings = Self.fields(try #require(serial[3] as? String), "vdv")
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
        let postings = Self.fields(try #require(shard.first { $0[0] as? String == "router" }?[3] as? String), "vdv")
        // Page 0 (/a/, title) and page 1 (/b/, body): (gap, score, section) each.
        #expect(postings.count == 6)
        #expect(postings[1] > postings[4])
    }

    /// The score of `term` in each page, as the client computes it from the shard.
    static func scores(_ files: [String: [UInt8]], _ term: String) throws -> [Int: Double] {
        let manifest = try #require(try json(files["search/index.json"]) as? [String: Any])
        let keys = shardKeys(try #require(manifest["shards"] as? String))
        let key = try #require(keys.filter { term.hasPrefix($0) }.max { $0.count < $1.count })
        let shard = try #require(try json(files["search/s/\(SearchFileKey.name(key)).json"]) as? [[Any]])
        let entry = try #require(shard.first { $0[0] as? String == term })
        let best = Double(try #require(entry[2] as? Int)) / 1000
        let flat = fields(try #require(entry[3] as? String), "vdv")
        var out: [Int: Double] = [:]
        var doc = 0
        for i in stride(from: 0, to: flat.count, by: 3) {
            doc += flat[i]
            out[doc] = best * pow(2, Double(flat[i + 1] - SearchQuantiser.headLevels) / SearchQuantiser.headStepsPerOctave)
        }
        return out
    }

    @Test func aTitleWithEveryWordBeatsTheWordsInTheBody() throws {
        let docs = [
            SearchDocument(url: "/a/", title: "Returns: timings and charges", type: "Article", products: [],
                           summary: "When a return is charged.",
                           sections: [(nil, nil, "A DOA return is free. DOA items go back by courier. Report a DOA within 30 days."),
                                      ("doa", "DOA returns", "DOA, DOA, DOA: dead on arrival.")]),
            SearchDocument(url: "/b/", title: "DOA return step by step", type: "Article", products: [],
                           summary: "Report a dead-on-arrival product.", sections: [(nil, nil, "Call the line.")]),
            SearchDocument(url: "/c/", title: "Courier collections", type: "Article", products: [],
                           summary: "", sections: [(nil, nil, "Book a collection.")]),
        ]
        let files = Self.files(docs)
        let doa = try Self.scores(files, "doa"), ret = try Self.scores(files, "return")
        // Pages are numbered by URL here: /a/ is 0, /b/ is 1.
        #expect(doa[1]! > doa[0]!)
        #expect(doa[1]! + ret[1]! > doa[0]! + ret[0]!)
    }

    @Test func oneWordScoresTellPagesApart() throws {
        let docs = (0..<6).map { i in
            SearchDocument(url: "/p/\(i)/", title: i == 0 ? "Firmware" : "Page \(i)", type: "Article", products: [],
                           summary: "", sections: [(nil, nil, String(repeating: "firmware ", count: i) + "text about the handset")])
        }
        let scores = try Self.scores(Self.files(docs), SearchStemmer.stem("firmware"))
        // Page 0 has it in the title; pages 1…5 in the body, one to five times.
        let ordered = (0..<6).compactMap { scores[$0] }
        #expect(ordered.count == 6)
        #expect(ordered[0] > ordered[5])
        // More mentions score higher, if less and less so (saturation; levels are 6 % apart).
        #expect(ordered[1] < ordered[2] && ordered[2] < ordered[3] && ordered[3] <= ordered[5])
    }

    @Test func anFAQAnswerLinksByItsOwnURL() throws {
        let record = try Self.record(Self.files(), 2)
        #expect((record[3] as? [Any])?.isEmpty == true)
        // The summary is empty, so the record shows the start of the answer.
        #expect(record[2] as? String == "Out of hours a remote session costs £200.")
    }

    @Test func termTableInternsBytes() {
        var table = SearchTermTable(capacity: 2)
        let words = (0..<1000).map { Array("w\($0)".utf8) }
        for (i, w) in words.enumerated() { #expect(table.intern(w) == i) }
        for (i, w) in words.enumerated().reversed() { #expect(table.intern(w) == i) }
        #expect(table.string(999) == "w999")
        let a = table.intern(Array("a".utf8))
        #expect(a == 1000 && table.precedes(a, 0))
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
        let head = Self.fields(try #require(entry[3] as? String), "vdv")
        #expect(head.count == SearchIndexWriter.headLength * 3)
        #expect(entry[4] as? [Int] == [25, 25, 17])
        // The tail, the other ten pages, as a bitmap (shorter here than ten postings); short
        // enough to be the entry's last element rather than a file of its own.
        #expect(entry.count == 6)
        #expect(files["search/t/telephony.json"] == nil)
        let tail = try #require(entry[5] as? String)
        #expect(tail.first == "b")
        let tailPages = Self.bitmap(String(tail.dropFirst()))
        var headPages: [Int] = [], doc = 0
        for i in stride(from: 0, to: head.count, by: 3) { doc += head[i]; headPages.append(doc) }
        #expect(tailPages.count == docs.count - SearchIndexWriter.headLength)
        #expect(Set(tailPages).union(headPages) == Set(0..<docs.count))
    }

    /// The posting-block reader's view of a rare and a frequent term on one site: the rare
    /// term's tail is a list of (gap, level), the frequent term's a bitmap, and together
    /// with their heads each lists exactly the term's pages. On 600 pages both tails are
    /// short and written in the shard entry; on 2,000 the bitmap is longer than
    /// `inlineTailLimit` and has a file of its own.
    @Test(arguments: [600, 2000]) func tailsOfARareAndAFrequentTerm(pages: Int) throws {
        let rare = Set(stride(from: 7, to: 600, by: 13))             // 46 pages
        let frequent = Set((0..<pages).filter { $0 % 5 != 0 })      // 480 or 1,600 pages
        let docs = (0..<pages).map { i in
            SearchDocument(url: "/p/\(String(10000 + i))/", title: "Page", type: "Article", products: [], summary: "",
                           sections: [(nil, nil, (rare.contains(i) ? "kalinder " : "") + (frequent.contains(i) ? "handset " : "") + "text")])
        }
        let files = Self.files(docs)
        for (term, expected, kind) in [("kalinder", rare, Character("s")), ("handset", frequent, Character("b"))] {
            let entry = try Self.entry(term, files)
            let ownFile = files["search/t/\(term).json"]
            let tail: String
            if term == "handset" && pages == 2000 {
                #expect(entry.count == 5, "a long tail is not in the entry")
                tail = try #require(try Self.json(ownFile) as? String)
                #expect(tail.utf8.count + 2 > SearchIndexWriter.inlineTailLimit)
            } else {
                #expect(ownFile == nil, "\(term): a short tail has no file")
                tail = try #require(entry.count == 6 ? entry[5] as? String : nil, "\(term)")
            }
            #expect(tail.first == kind, "\(term)")
            var tailPages: [Int] = []
            if kind == "s" {
                let flat = Self.fields(String(tail.dropFirst()), "vd")
                var doc = 0
                for i in stride(from: 0, to: flat.count, by: 2) {
                    doc += flat[i]
                    tailPages.append(doc)
                    #expect((1...SearchQuantiser.tailLevels).contains(flat[i + 1]))
                }
            } else {
                tailPages = Self.bitmap(String(tail.dropFirst()))
            }
            let head = Self.fields(try #require(entry[3] as? String), "vdv")
            var headPages: [Int] = [], doc = 0
            for i in stride(from: 0, to: head.count, by: 3) { doc += head[i]; headPages.append(doc) }
            #expect(headPages.count == SearchIndexWriter.headLength)
            #expect(Set(headPages).isDisjoint(with: tailPages))
            // Pages are numbered by URL, which here is the index.
            #expect(Set(headPages).union(tailPages) == expected, "\(term)")
        }
    }

    /// A term's shard entry, found through the manifest's shard keys as the client finds it.
    static func entry(_ term: String, _ files: [String: [UInt8]]) throws -> [Any] {
        let manifest = try #require(try Self.json(files["search/index.json"]) as? [String: Any])
        let coded = try #require(manifest["shards"] as? String)
        let key = try #require(Self.shardKeys(coded).filter { term.hasPrefix($0) }.max { $0.count < $1.count })
        let shard = try #require(try Self.json(files["search/s/\(SearchFileKey.name(key)).json"]) as? [[Any]])
        return try #require(shard.first { $0[0] as? String == term })
    }

    /// Reads a postings string (docs/search.md): base-64 digits, `v` fields as varints of five
    /// bits a digit (32…63: more follows), `d` fields one digit. Written apart from the
    /// writer and the client, from the format's description.
    static func fields(_ text: String, _ shape: String) -> [Int] {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_")
        let digits = text.map { alphabet.firstIndex(of: $0)! }
        let kinds = Array(shape)
        var out: [Int] = [], i = 0, f = 0
        while i < digits.count {
            if kinds[f] == "d" {
                out.append(digits[i]); i += 1
            } else {
                var value = 0, shift = 0
                while digits[i] >= 32 { value |= (digits[i] - 32) << shift; shift += 5; i += 1 }
                value |= digits[i] << shift; i += 1
                out.append(value)
            }
            f = (f + 1) % kinds.count
        }
        return out
    }

    static func bitmap(_ text: String) -> [Int] {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_")
        var out: [Int] = []
        for (i, c) in text.enumerated() {
            let d = alphabet.firstIndex(of: c)!
            for b in 0..<6 where d & (1 << b) != 0 { out.append(i * 6 + b) }
        }
        return out
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

    /// Reads the manifest's front-coded shard keys (docs/search.md), apart from the writer and
    /// the client: space-separated, each the count of characters shared with the key before
    /// (one base-64 digit) and the rest.
    static func shardKeys(_ text: String) -> [String] {
        let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".unicodeScalars)
        var keys: [String] = [], previous: [Unicode.Scalar] = []
        for part in text.split(separator: " ") {
            let scalars = Array(part.unicodeScalars)
            let shared = digits.firstIndex(of: scalars[0])!
            previous = Array(previous.prefix(shared)) + scalars.dropFirst()
            keys.append(String(String.UnicodeScalarView(previous)))
        }
        return keys
    }

    @Test func shardKeysAreFrontCoded() {
        let keys = ["000", "001", "01", "1.0", "é", "ét", "😀", "😀x"]
        #expect(SearchManifest.frontCoded(keys) == "0000 21 11 01.0 0é 1t 0😀 1x")
        #expect(Self.shardKeys(SearchManifest.frontCoded(keys)) == keys)
        #expect(SearchManifest.frontCoded([]) == "")
    }

    @Test func fileKeysAreURLSafe() {
        #expect(SearchFileKey.name("doa") == "doa")
        #expect(SearchFileKey.name("é") == "_c3a9")
    }

    @Test func snippetsAreCutAtWordBoundaries() {
        #expect(SearchRecordWriter.collapse("one  two\nthree", limit: 100) == "one two three")
        #expect(SearchRecordWriter.collapse("alpha beta gamma", limit: 12) == "alpha beta…")
        #expect(SearchRecordWriter.collapse("café\u{A0}crème brûlée", limit: 11) == "café crème…")
    }

    @Test func sentencesEndAtAStopBeforeWhiteSpaceOrALineBreak() {
        #expect(SearchRecordWriter.sentences("Call us. Then  wait!Really? Yes\nNext line v2.3 ok.") ==
                ["Call us.", "Then wait!Really?", "Yes", "Next line v2.3 ok."])
        // Unicode white space after a stop ends a sentence too; a no-break space inside one is collapsed.
        #expect(SearchRecordWriter.sentences("Done.\u{2003}Café\u{A0}open. Fin") == ["Done.", "Café open.", "Fin"])
        #expect(SearchRecordWriter.sentences("\n\n  \n") == [])
    }

    @Test func excerptsReadOnlyTheSentencesThatFit() {
        let long = (1...2_000).map { "Sentence number \($0) is here." }.joined(separator: " ")
        let document = SearchDocument(url: "/kb/a/", title: "A", type: "Article", products: [], summary: "",
                                      sections: [(nil, nil, long)])
        let excerpts = SearchRecordWriter.excerptTexts(document, linkable: 0, budget: 100)
        #expect(excerpts == [["Sentence number 1 is here.", "Sentence number 2 is here.", "Sentence number 3 is here."]])
    }
}
