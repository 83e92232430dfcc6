/// One page reduced to what scoring needs: for each distinct term, how often it occurs in
/// each field and the section where it matters most; and the length of each field.
struct SearchDocumentAnalysis: Sendable {
    struct TermCounts: Sendable {
        /// Occurrences per `SearchField`, by raw value.
        var counts: (UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0)
        /// 0 for the page as a whole, else 1 + the index of the section in `SearchDocument.sections`.
        var section: Int = 0
        var sectionWeight: Int = 0

        func count(_ field: SearchField) -> Int {
            switch field {
            case .title: Int(counts.0)
            case .headings: Int(counts.1)
            case .summary: Int(counts.2)
            case .facets: Int(counts.3)
            case .body: Int(counts.4)
            }
        }

        mutating func add(_ field: SearchField) {
            switch field {
            case .title: if counts.0 < .max { counts.0 += 1 }
            case .headings: if counts.1 < .max { counts.1 += 1 }
            case .summary: if counts.2 < .max { counts.2 += 1 }
            case .facets: if counts.3 < .max { counts.3 += 1 }
            case .body: if counts.4 < .max { counts.4 += 1 }
            }
        }
    }

    /// The distinct terms, sorted by code point.
    var terms: [String]
    /// Counts for each of `terms`.
    var counts: [TermCounts]
    /// Terms per `SearchField`, by raw value.
    var lengths: [Int]

    init(_ document: SearchDocument) {
        var slots: [String: Int] = [:]
        var terms: [String] = []
        var counts: [TermCounts] = []
        var lengths = [Int](repeating: 0, count: SearchField.allCases.count)

        func slot(_ term: String) -> Int {
            if let index = slots[term] { return index }
            slots[term] = terms.count
            terms.append(term)
            counts.append(TermCounts())
            return terms.count - 1
        }
        func add(_ text: String, _ field: SearchField) {
            for term in SearchTokenizer.terms(text) {
                counts[slot(term)].add(field)
                lengths[field.rawValue] += 1
            }
        }

        add(document.title, .title)
        add(document.summary, .summary)
        add(document.type, .facets)
        for product in document.products { add(product, .facets) }

        for (index, section) in document.sections.enumerated() {
            // A heading match says more about a section than a word in its text.
            var weights: [Int: Int] = [:]
            if let heading = section.heading {
                for term in SearchTokenizer.terms(heading) {
                    let s = slot(term)
                    counts[s].add(.headings)
                    lengths[SearchField.headings.rawValue] += 1
                    weights[s, default: 0] += 3
                }
            }
            for term in SearchTokenizer.terms(section.text) {
                let s = slot(term)
                counts[s].add(.body)
                lengths[SearchField.body.rawValue] += 1
                weights[s, default: 0] += 1
            }
            for (s, weight) in weights where weight > counts[s].sectionWeight {
                counts[s].sectionWeight = weight
                counts[s].section = index + 1
            }
        }
        // Sections are visited in order and a later one wins only with a greater weight,
        // so ties go to the earlier section.
        let order = terms.indices.sorted { terms[$0].utf8.lexicographicallyPrecedes(terms[$1].utf8) }
        self.terms = order.map { terms[$0] }
        self.counts = order.map { counts[$0] }
        self.lengths = lengths
    }
}
