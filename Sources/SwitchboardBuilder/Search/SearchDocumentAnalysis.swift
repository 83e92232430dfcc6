/// One page reduced to what scoring needs: for each distinct term, how often it occurs in
/// each field and the section where it matters most; and the length of each field.
/// Built on all cores, one page per task, so it keeps its own term numbering;
/// `SearchInvertedIndex` maps it onto the index's.
struct SearchDocumentAnalysis: Sendable {
    struct TermCounts: Sendable {
        /// Occurrences per `SearchField`, by raw value.
        var counts: (UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0)
        /// 0 for the page as a whole, else 1 + the index in `SearchDocument.sections` of a
        /// section a result can link to (see `SearchRecordWriter.linkable`).
        var section: UInt16 = 0

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

    /// The page's distinct terms, in order of first occurrence.
    let terms: SearchTermTable
    /// Counts for each term of `terms`, by its id there.
    let counts: [TermCounts]
    /// Terms per `SearchField`, by raw value.
    let lengths: [Int]

    init(_ document: SearchDocument) {
        var table = SearchTermTable(capacity: 256)
        var counts: [TermCounts] = []
        counts.reserveCapacity(256)
        var lengths = [Int](repeating: 0, count: SearchField.allCases.count)
        var scanner = SearchTokenScanner()

        func add(_ text: String, _ field: SearchField) {
            scanner.scanTerms(text) { term in
                let id = table.intern(term)
                if id == counts.count { counts.append(TermCounts()) }
                counts[id].add(field)
                lengths[field.rawValue] += 1
            }
        }

        add(document.title, .title)
        add(document.summary, .summary)
        add(document.type, .facets)
        for product in document.products { add(product, .facets) }

        // The best section of each term: the one where it weighs most, a heading occurrence
        // counting three times. `weight` is scratch space reset through `touched`, so a
        // section costs no dictionary.
        var best: [Int32] = []
        var weight: [Int32] = []
        var touched: [Int] = []
        let linkable = SearchRecordWriter.linkable(document)
        for (index, section) in document.sections.enumerated() {
            func note(_ text: String, _ field: SearchField, _ w: Int32) {
                scanner.scanTerms(text) { term in
                    let id = table.intern(term)
                    if id == counts.count { counts.append(TermCounts()) }
                    counts[id].add(field)
                    lengths[field.rawValue] += 1
                    while weight.count < counts.count { weight.append(0); best.append(0) }
                    if weight[id] == 0 { touched.append(id) }
                    weight[id] += w
                }
            }
            if let heading = section.heading { note(heading, .headings, 3) }
            note(section.text, .body, 1)
            // Sections are visited in order and a later one wins only with a greater
            // weight, so ties go to the earlier section.
            for id in touched {
                if index < linkable, section.anchor != nil, weight[id] > best[id] {
                    best[id] = weight[id]
                    counts[id].section = UInt16(min(index + 1, Int(UInt16.max)))
                }
                weight[id] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        self.terms = table.frozen()
        self.counts = counts
        self.lengths = lengths
    }
}
