/// A keyed container's entries, read in the order they were written: the cursor the readers that
/// bypass `Decodable` (`RenderedMarkdownReader`, `LoadedFileReader`) walk a value's fields with.
struct CacheFields {
    let source: CacheSource
    private var offset: Int
    private var remaining: Int
    private let end: Int

    init(_ source: CacheSource, at start: Int) throws {
        self.source = source
        (end, remaining, offset) = try source.container(at: start, tag: CacheTag.keyed)
    }

    var isAtEnd: Bool { remaining == 0 }

    /// Where the next entry's value starts, if its key is `name` (and then moves past it);
    /// nil, and nothing moves, if it is another key or there is none.
    mutating func next(_ name: String) throws -> Int? {
        guard remaining > 0 else { return nil }
        let (matches, value) = try source.key(at: offset, is: name)
        guard matches else { return nil }
        let after = try source.end(ofValueAt: value)
        guard after <= end else { throw CacheSource.damaged }
        offset = after
        remaining -= 1
        return value
    }
}

/// The values the readers that bypass `Decodable` read at an offset, and their unkeyed lists.
extension CacheSource {
    func stringValue(at offset: Int) throws -> String {
        try SingleValueReader(source: self, offset: offset).decode(String.self)
    }

    func intValue(at offset: Int) throws -> Int {
        try SingleValueReader(source: self, offset: offset).decode(Int.self)
    }

    func boolValue(at offset: Int) throws -> Bool {
        try SingleValueReader(source: self, offset: offset).decode(Bool.self)
    }

    /// The elements of the unkeyed container at `offset`; nil if one is not in the expected form.
    func list<Element>(at offset: Int, _ element: (Int) throws -> Element?) throws -> [Element]? {
        let (end, count, first) = try container(at: offset, tag: CacheTag.unkeyed)
        var elements: [Element] = []
        elements.reserveCapacity(count)
        var at = first
        for _ in 0..<count {
            let next = try self.end(ofValueAt: at)
            guard next <= end, let value = try element(at) else { return nil }
            elements.append(value)
            at = next
        }
        return at == end ? elements : nil
    }
}
