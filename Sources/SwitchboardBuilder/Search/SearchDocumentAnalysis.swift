import SwitchboardModel

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

    /// An analysis from its parts (`SearchInvertedIndex.Numbering.analysis(ofPage:)`).
    init(terms: SearchTermTable, counts: [TermCounts], lengths: [Int]) {
        self.terms = terms
        self.counts = counts
        self.lengths = lengths
    }

    init(_ document: SearchDocument) {
        var counter = Counter()
        var scanner = SearchTokenScanner()
        scanner.scanTerms(document.title) { counter.add($0, .title) }
        scanner.scanTerms(document.summary) { counter.add($0, .summary) }
        scanner.scanTerms(document.type) { counter.add($0, .facets) }
        for product in document.products { scanner.scanTerms(product) { counter.add($0, .facets) } }

        let linkable = SearchRecordWriter.linkable(document)
        for (index, section) in document.sections.enumerated() {
            // A heading occurrence counts three times towards a section being a term's best.
            if let heading = section.heading { scanner.scanTerms(heading) { counter.add($0, .headings, weight: 3) } }
            scanner.scanTerms(section.text) { counter.add($0, .body, weight: 1) }
            counter.closeSection(index + 1, linkable: index < linkable && section.anchor != nil)
        }
        self.terms = counter.table.frozen()
        // To its size (see `SearchTermTable.frozen`).
        self.counts = counter.counts.copiedToSize()
        self.lengths = counter.lengths
    }

    /// The analysis in the cache folder's form: the terms' bytes and bounds, each term's
    /// counts and section, and the field lengths.
    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.write(bytes: terms.arena)
        writer.write(UInt64(terms.count))
        var previous: Int32 = 0
        for start in terms.starts.dropFirst() {
            writer.write(UInt64(start - previous))
            previous = start
        }
        for entry in counts {
            writer.write(UInt64(entry.counts.0))
            writer.write(UInt64(entry.counts.1))
            writer.write(UInt64(entry.counts.2))
            writer.write(UInt64(entry.counts.3))
            writer.write(UInt64(entry.counts.4))
            writer.write(UInt64(entry.section))
        }
        writer.write(UInt64(lengths.count))
        for length in lengths { writer.write(length) }
        return writer.bytes
    }

    /// Reads `encoded()`; nil for bytes that are not a whole, consistent analysis.
    init?(encoded bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(Array(bytes))
        guard let arena = reader.readBytes(), let termCount = reader.readUInt64(), termCount <= UInt64(bytes.count), arena.count < Int(Int32.max) else { return nil }
        var starts: [Int32] = [0]
        starts.reserveCapacity(Int(termCount) + 1)
        for _ in 0..<termCount {
            guard let step = reader.readUInt64(), UInt64(starts.last!) + step <= UInt64(arena.count) else { return nil }
            starts.append(starts.last! + Int32(step))
        }
        guard starts.last! == Int32(arena.count) else { return nil }
        var counts: [TermCounts] = []
        counts.reserveCapacity(Int(termCount))
        // Six numbers per term, read into the entry directly: an array per term had made
        // decoding ten thousand pages' analyses a tenth of a one-edit build.
        func small() -> UInt16? { reader.readUInt64().flatMap { UInt16(exactly: $0) } }
        for _ in 0..<termCount {
            guard let title = small(), let headings = small(), let summary = small(), let facets = small(),
                  let body = small(), let section = small() else { return nil }
            counts.append(TermCounts(counts: (title, headings, summary, facets, body), section: section))
        }
        guard let lengthCount = reader.readUInt64(), lengthCount == UInt64(SearchField.allCases.count) else { return nil }
        var lengths: [Int] = []
        for _ in 0..<lengthCount {
            guard let length = reader.readInt(), length >= 0 else { return nil }
            lengths.append(length)
        }
        guard reader.isAtEnd else { return nil }
        self.terms = SearchTermTable(frozenArena: Array(arena), starts: starts)
        self.counts = counts
        self.lengths = lengths
    }

    /// The counting state, as one value with mutating methods rather than closures over
    /// several local variables: the tokenizer calls `add` for every term of the page.
    private struct Counter {
        var table = SearchTermTable(capacity: 256)
        var counts: [TermCounts] = []
        var lengths = [Int](repeating: 0, count: SearchField.allCases.count)
        /// Per term, its weight in the current section (scratch, reset through `touched`
        /// so that a section costs no dictionary) and its best weight so far.
        var weight: [Int32] = []
        var best: [Int32] = []
        var touched: [Int32] = []

        init() {
            counts.reserveCapacity(256)
            weight.reserveCapacity(256)
            best.reserveCapacity(256)
        }

        mutating func add(_ term: UnsafeBufferPointer<UInt8>, _ field: SearchField, weight w: Int32 = 0) {
            let id = table.intern(term)
            if id == counts.count {
                counts.append(TermCounts())
                weight.append(0)
                best.append(0)
            }
            counts[id].add(field)
            lengths[field.rawValue] += 1
            if w > 0 {
                if weight[id] == 0 { touched.append(Int32(id)) }
                weight[id] += w
            }
        }

        /// Ends section `number` (1-based): it becomes the best section of each term that
        /// weighs more in it than in any earlier linkable one, so ties go to the earlier.
        mutating func closeSection(_ number: Int, linkable: Bool) {
            for t in touched {
                let id = Int(t)
                if linkable, weight[id] > best[id] {
                    best[id] = weight[id]
                    counts[id].section = UInt16(min(number, Int(UInt16.max)))
                }
                weight[id] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
    }
}
