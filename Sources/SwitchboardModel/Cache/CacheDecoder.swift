#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SwitchboardMarkdown

/// Decodes what ``CacheEncoder`` wrote. Every read is bounds-checked and every mismatch
/// (a wrong tag, a missing key, bytes cut short) throws, so a damaged or foreign cache
/// entry is parsed again, never trusted.
///
/// A keyed container is read in the order it was written: decoding asks for the keys in
/// the order encoding wrote them, so each lookup is one comparison at a cursor; a key
/// asked out of order is found by stepping over whole values, using their lengths.
public enum CacheDecoder {
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        let source = CacheSource(bytes)
        guard try source.end(ofValueAt: 0) == source.count else { throw CacheSource.damaged }
        // A parsed article, FAQ or policy, most of the parse cache's entries, is read without `Decodable` when
        // its bytes are in the form synthesized encoding writes (`LoadedFileReader`).
        if T.self == LoadedFile.self, let file = try? LoadedFileReader(source: source).read(at: 0) {
            return file as! T
        }
        return try T(from: ValueDecoder(source: source, offset: 0))
    }

    /// A parsed file, an article's body left encoded when `bodyDigests` are given and the
    /// reader takes it (see `LoadedFileReader.bodyDigests`); else as `decode(_:from:)`.
    static func decodeLoadedFile(from bytes: ArraySlice<UInt8>, bodyDigests: (page: ContentDigest, sections: ContentDigest)?,
                                 bodyPlace: (file: CacheEntryIndex, offset: Int)? = nil) throws -> LoadedFile {
        guard let bodyDigests else { return try decode(LoadedFile.self, from: bytes) }
        let source = CacheSource(bytes)
        guard try source.end(ofValueAt: 0) == source.count else { throw CacheSource.damaged }
        if let file = try? LoadedFileReader(source: source, bodyDigests: bodyDigests, bodyPlace: bodyPlace).read(at: 0) { return file }
        return try LoadedFile(from: ValueDecoder(source: source, offset: 0))
    }
}

/// The bytes being decoded, shared by every container, at offsets from zero whatever slice
/// they came in: an entry read from the cache folder is decoded where it was read, after its
/// header, not copied out first (70 MB copied on every rebuild at 10,000 files).
final class CacheSource {
    private let bytes: ArraySlice<UInt8>
    /// How many bytes.
    let count: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes[...]
        count = bytes.count
    }

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        count = bytes.count
    }

    /// The bytes from `range.lowerBound` to `range.upperBound`.
    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        bytes[(bytes.startIndex + range.lowerBound)..<(bytes.startIndex + range.upperBound)]
    }

    static let damaged = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "damaged cache entry"))

    func byte(at offset: Int) throws -> UInt8 {
        guard offset >= 0, offset < count else { throw Self.damaged }
        return bytes[bytes.startIndex + offset]
    }

    /// A variable-length number and the offset after it.
    func varint(at start: Int) throws -> (UInt64, Int) {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var offset = start
        while true {
            let byte = try byte(at: offset)
            offset += 1
            if shift == 63 && byte > 1 { throw Self.damaged }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return (value, offset) }
            shift += 7
        }
    }

    func fixed32(at offset: Int) throws -> Int {
        guard offset >= 0, count - offset >= 4 else { throw Self.damaged }
        var value = 0
        for index in 0..<4 { value |= Int(bytes[bytes.startIndex + offset + index]) << (8 * index) }
        return value
    }

    /// The string at `offset` (its length first) and the offset after it.
    func string(at offset: Int) throws -> (String, Int) {
        let (length, start) = try varint(at: offset)
        guard length <= UInt64(count - start) else { throw Self.damaged }
        let end = start + Int(length)
        // ASCII, nearly every string here, needs no more checking than one pass over it, and
        // `String(decoding:)` over a buffer is specialised; `String(validating:)` over an array
        // slice looked up generic metadata on every call (a fifth of decoding an entry).
        let text: String? = bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
            return String(validating: slice, as: UTF8.self)
        }
        guard let text else { throw Self.damaged }
        return (text, end)
    }

    /// Whether the key at `offset` is `key`, without making a string, and where its value starts.
    /// Compared with `memcmp`: a key is looked up for every field of every decoded value, and
    /// the generic `elementsEqual` walked the bytes one by one.
    func key(at offset: Int, is key: String) throws -> (Bool, Int) {
        let (length, start) = try varint(at: offset)
        guard length <= UInt64(count - start) else { throw Self.damaged }
        let end = start + Int(length)
        var key = key
        let matches = key.withUTF8 { name in
            name.count == Int(length) && (name.isEmpty || bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, name.baseAddress!, name.count) == 0 })
        }
        return (matches, end)
    }

    /// A keyed or unkeyed container at `offset` (its tag `tag`): where it ends, how many
    /// entries it has and where the first one starts.
    func container(at offset: Int, tag: UInt8) throws -> (end: Int, count: Int, first: Int) {
        guard try byte(at: offset) == tag else { throw Self.damaged }
        let end = try end(ofValueAt: offset)
        let (count, first) = try varint(at: offset + 5)
        guard first <= end, count <= UInt64(end - first) else { throw Self.damaged }
        return (end, Int(count), first)
    }

    /// The offset just after the value whose tag is at `offset`.
    func end(ofValueAt offset: Int) throws -> Int {
        switch try byte(at: offset) {
        case CacheTag.null, CacheTag.false, CacheTag.true: return offset + 1
        case CacheTag.int, CacheTag.uint: return try varint(at: offset + 1).1
        case CacheTag.string:
            let (length, start) = try varint(at: offset + 1)
            guard length <= UInt64(count - start) else { throw Self.damaged }
            return start + Int(length)
        case CacheTag.double:
            guard count - offset >= 9 else { throw Self.damaged }
            return offset + 9
        case CacheTag.keyed, CacheTag.unkeyed:
            let length = try fixed32(at: offset + 1)
            guard length <= bytes.count - offset - 5 else { throw Self.damaged }
            return offset + 5 + length
        default: throw Self.damaged
        }
    }
}

/// The `Decoder` for the value whose tag is at `offset`.
struct ValueDecoder: Decoder {
    let source: CacheSource
    let offset: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedValueContainer<Key>(source: source, offset: offset))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedValueContainer(source: source, offset: offset)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueReader(source: source, offset: offset) }
}

/// Scalars, shared by the three kinds of container.
struct SingleValueReader: SingleValueDecodingContainer {
    let source: CacheSource
    let offset: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? source.byte(at: offset)) == CacheTag.null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try source.byte(at: offset) {
        case CacheTag.true: return true
        case CacheTag.false: return false
        default: throw CacheSource.damaged
        }
    }

    func decode(_ type: String.Type) throws -> String {
        guard try source.byte(at: offset) == CacheTag.string else { throw CacheSource.damaged }
        return try source.string(at: offset + 1).0
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard try source.byte(at: offset) == CacheTag.double, source.count - offset >= 9 else { throw CacheSource.damaged }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(try source.byte(at: offset + 1 + index)) << UInt64(8 * index) }
        return Double(bitPattern: bits)
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    private func signed() throws -> Int64 {
        guard try source.byte(at: offset) == CacheTag.int else { throw CacheSource.damaged }
        let raw = try source.varint(at: offset + 1).0
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    private func unsigned() throws -> UInt64 {
        guard try source.byte(at: offset) == CacheTag.uint else { throw CacheSource.damaged }
        return try source.varint(at: offset + 1).0
    }

    private func exactly<T: FixedWidthInteger>(_ value: some BinaryInteger) throws -> T {
        guard let result = T(exactly: value) else { throw CacheSource.damaged }
        return result
    }

    func decode(_ type: Int.Type) throws -> Int { try exactly(signed()) }
    func decode(_ type: Int8.Type) throws -> Int8 { try exactly(signed()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try exactly(signed()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try exactly(signed()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try signed() }
    func decode(_ type: UInt.Type) throws -> UInt { try exactly(unsigned()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try exactly(unsigned()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try exactly(unsigned()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try exactly(unsigned()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try unsigned() }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // Rendered Markdown, most of a parsed file's containers, is read without `Decodable`
        // when its bytes are in the form synthesized encoding writes (`RenderedMarkdownReader`).
        if T.self == RenderedMarkdown.self, let value = try? RenderedMarkdownReader(source: source).read(at: offset) {
            return value as! T
        }
        return try T(from: ValueDecoder(source: source, offset: offset))
    }
}

struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: CacheSource
    var codingPath: [any CodingKey] { [] }
    /// Where the first entry starts, where the container ends, and how many entries it has.
    private let first: Int
    private let end: Int
    private let count: Int
    /// The entry the next lookup tries first: the one after the last found. (The protocol's
    /// methods are not mutating, so the cursor lives in a box.)
    private let cursor: Cursor

    private final class Cursor {
        var offset: Int
        var index = 0
        init(_ offset: Int) { self.offset = offset }
    }

    init(source: CacheSource, offset: Int) throws {
        self.source = source
        (end, count, first) = try source.container(at: offset, tag: CacheTag.keyed)
        cursor = Cursor(first)
    }

    /// The offset of `key`'s value, or nil when the container has no such key.
    private func find(_ key: Key) throws -> Int? {
        let name = key.stringValue
        var offset = cursor.offset
        var index = cursor.index
        for _ in 0..<count {
            if index == count {
                index = 0
                offset = first
            }
            let (matches, value) = try source.key(at: offset, is: name)
            let next = try source.end(ofValueAt: value)
            guard next <= end else { throw CacheSource.damaged }
            index += 1
            offset = next
            if matches {
                cursor.offset = next
                cursor.index = index
                return value
            }
        }
        return nil
    }

    private func reader(_ key: Key) throws -> SingleValueReader {
        guard let offset = try find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the cache entry"))
        }
        return SingleValueReader(source: source, offset: offset)
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        var offset = first
        for _ in 0..<count {
            guard let (name, value) = try? source.string(at: offset), let next = try? source.end(ofValueAt: value) else { return keys }
            if let key = Key(stringValue: name) { keys.append(key) }
            offset = next
        }
        return keys
    }

    func contains(_ key: Key) -> Bool {
        (try? find(key)) != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool { try reader(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try reader(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader(key).decode(type) }

    /// Optional fields: encoding skips a nil, so a missing key is nil here, and so is a stored null.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let offset = try find(key) else { return nil }
        let reader = SingleValueReader(source: source, offset: offset)
        return reader.decodeNil() ? nil : try reader.decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try KeyedValueContainer<NestedKey>(source: source, offset: try reader(key).offset))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try UnkeyedValueContainer(source: source, offset: try reader(key).offset)
    }

    func superDecoder() throws -> any Decoder { try superDecoder(forKey: Key(stringValue: "super")!) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(source: source, offset: try reader(key).offset)
    }
}

struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let source: CacheSource
    var codingPath: [any CodingKey] { [] }
    let count: Int?
    private(set) var currentIndex = 0
    private var offset: Int
    private let end: Int

    init(source: CacheSource, offset: Int) throws {
        self.source = source
        let container = try source.container(at: offset, tag: CacheTag.unkeyed)
        (end, count, self.offset) = (container.end, container.count, container.first)
    }

    var isAtEnd: Bool { currentIndex >= count! }

    private mutating func next() throws -> SingleValueReader {
        guard !isAtEnd else { throw CacheSource.damaged }
        let reader = SingleValueReader(source: source, offset: offset)
        let next = try source.end(ofValueAt: offset)
        guard next <= end else { throw CacheSource.damaged }
        offset = next
        currentIndex += 1
        return reader
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try source.byte(at: offset) == CacheTag.null else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next().decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next().decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next().decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try KeyedValueContainer<NestedKey>(source: source, offset: try next().offset))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try UnkeyedValueContainer(source: source, offset: try next().offset)
    }

    mutating func superDecoder() throws -> any Decoder { ValueDecoder(source: source, offset: try next().offset) }
}
