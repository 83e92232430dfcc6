import SwitchboardMarkdown

/// Encodes `Encodable` values into the build cache's compact binary form, which
/// ``CacheDecoder`` reads. The synthesized `Codable` conformances of the model's value
/// types do the walking: no reflection, and no hand-written field lists to keep in step.
///
/// The form: every value is a tag byte and its payload. Keyed and unkeyed containers
/// carry their byte length (so a reader can step over them without looking inside) and
/// their count; a keyed container's entries are `key, value` in the order they were
/// encoded. Numbers are variable-length.
///
/// Values are written straight into one buffer as they are encoded. A container's length
/// and count are known only once it is finished, so four bytes are kept for the length
/// and one for the count, and both are filled in when the container closes (the count
/// moves what follows it along in the rare container of 128 entries or more). A container
/// closes when its parent writes its next entry, or at the end: synthesized conformances
/// finish each value before the next, so containers form a stack. A conformance that went
/// back to a container it had left makes `encode` throw rather than write a wrong value.
public enum CacheEncoder {
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let stream = EncodingStream()
        try stream.value(value)
        return try stream.finish()
    }

    /// `value` after the bytes `prefix` writes, in one buffer (a cache entry's header and its
    /// value are not copied into a second), which starts with room for `capacity` bytes.
    static func encode(_ value: some Encodable, capacity: Int, after prefix: (inout ByteWriter) -> Void) throws -> [UInt8] {
        let stream = EncodingStream()
        stream.writer = ByteWriter(reservingCapacity: capacity)
        prefix(&stream.writer)
        try stream.value(value)
        return try stream.finish()
    }

    /// `value` as its synthesized conformances alone write it, without the hand-written writers
    /// (`RenderedMarkdownWriter.swift`, `LoadedFileWriter.swift`): what their tests compare with.
    static func encodeSynthesized(_ value: some Encodable) throws -> [UInt8] {
        let stream = EncodingStream()
        stream.usesWriters = false
        try stream.value(value)
        return try stream.finish()
    }
}

/// The buffer being written and the containers still open in it.
final class EncodingStream {
    struct OpenContainer {
        let id: Int
        /// Where the count byte is: just after the four-byte length.
        let mark: Int
        var count = 0
    }

    struct OutOfOrder: Error {}

    var writer = ByteWriter()
    /// Whether the hand-written writers of the commonest values are used (always, but in tests).
    var usesWriters = true
    private var open: [OpenContainer] = []
    private var lastID = 0
    private var failed = false

    /// Writes a container's tag and the room for its length and count; returns its id.
    func openContainer(tag: UInt8) -> Int {
        writer.append(raw: CollectionOfOne(tag))
        let mark = writer.reserveLength()
        writer.append(raw: CollectionOfOne(0))
        lastID += 1
        open.append(OpenContainer(id: lastID, mark: mark))
        return lastID
    }

    /// Before an entry of container `id` is written: closes the containers opened inside it
    /// since, and counts the entry. False (and the encoding fails) if `id` was closed.
    @discardableResult
    func entry(of id: Int) -> Bool {
        guard let index = open.lastIndex(where: { $0.id == id }) else {
            failed = true
            return false
        }
        while open.count > index + 1 { close() }
        open[index].count += 1
        return true
    }

    private func close() {
        let container = open.removeLast()
        writer.fillCount(UInt64(container.count), at: container.mark)
        writer.patchLength(at: container.mark)
    }

    /// Writes one value: whatever its conformance writes, or a null if it writes nothing.
    func value<Value: Encodable>(_ value: Value) throws {
        // Rendered Markdown, most of a parsed file's containers, and the parsed files a site has
        // many of are written without `Encodable` containers, in the same form
        // (`RenderedMarkdownWriter.swift`, `LoadedFileWriter.swift`).
        if usesWriters {
            if Value.self == RenderedMarkdown.self {
                rendered(value as! RenderedMarkdown)
                return
            }
            if Value.self == LoadedFile.self, try loadedFile(value as! LoadedFile) { return }
        }
        let start = writer.bytes.count
        try value.encode(to: StreamEncoder(stream: self, start: start))
        if writer.bytes.count == start { writer.append(raw: CollectionOfOne(CacheTag.null)) }
    }

    /// Before a value's encoder writes its container or single value: a value is one of
    /// them, once. A second (allowed by `Encoder`, merged by a tree) cannot be streamed.
    func claim(from start: Int) {
        if writer.bytes.count != start { failed = true }
    }

    /// Starts the entry `name` of keyed container `container`; its value is written next.
    func key(_ name: String, in container: Int) {
        if entry(of: container) { writer.write(name) }
    }

    func null() { writer.append(raw: CollectionOfOne(CacheTag.null)) }
    func bool(_ value: Bool) { writer.append(raw: CollectionOfOne(value ? CacheTag.true : CacheTag.false)) }
    func int(_ value: Int64) {
        writer.append(raw: CollectionOfOne(CacheTag.int))
        writer.write(value)
    }
    func uint(_ value: UInt64) {
        writer.append(raw: CollectionOfOne(CacheTag.uint))
        writer.write(value)
    }
    func string(_ value: String) {
        writer.append(raw: CollectionOfOne(CacheTag.string))
        writer.write(value)
    }
    func double(_ value: Double) {
        writer.append(raw: CollectionOfOne(CacheTag.double))
        writer.write(fixed: value.bitPattern)
    }

    func finish() throws -> [UInt8] {
        while !open.isEmpty { close() }
        if failed { throw OutOfOrder() }
        return writer.bytes
    }

    func fail() { failed = true }
}

/// The tags of the binary form, shared by encoder and decoder.
enum CacheTag {
    static let null: UInt8 = 0
    static let `false`: UInt8 = 1
    static let `true`: UInt8 = 2
    static let int: UInt8 = 3
    static let uint: UInt8 = 4
    static let string: UInt8 = 5
    static let keyed: UInt8 = 6
    static let unkeyed: UInt8 = 7
    static let double: UInt8 = 8
}

/// The `Encoder` for one value: containers it hands out write into the stream.
struct StreamEncoder: Encoder {
    let stream: EncodingStream
    /// Where the value starts in the buffer.
    let start: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        stream.claim(from: start)
        return KeyedEncodingContainer(KeyedStreamContainer(stream: stream, id: stream.openContainer(tag: CacheTag.keyed)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        stream.claim(from: start)
        return UnkeyedStreamContainer(stream: stream, id: stream.openContainer(tag: CacheTag.unkeyed))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleStreamContainer(encoder: self) }
}

struct KeyedStreamContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: EncodingStream
    let id: Int
    var codingPath: [any CodingKey] { [] }

    /// Starts the entry for `key`; the caller writes its value next.
    private func key(_ key: Key) {
        stream.key(key.stringValue, in: id)
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); stream.null() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); stream.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); stream.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); stream.double(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); stream.double(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); stream.int(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); stream.int(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); stream.int(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); stream.int(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); stream.int(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); stream.uint(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); stream.uint(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); stream.uint(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); stream.uint(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); stream.uint(value) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        self.key(key)
        try stream.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        return KeyedEncodingContainer(KeyedStreamContainer<NestedKey>(stream: stream, id: stream.openContainer(tag: CacheTag.keyed)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        return UnkeyedStreamContainer(stream: stream, id: stream.openContainer(tag: CacheTag.unkeyed))
    }

    /// Not used by synthesized conformances of value types; an encoder whose value may be
    /// written later cannot be streamed, so the encoding fails.
    mutating func superEncoder() -> any Encoder {
        stream.fail()
        return StreamEncoder(stream: stream, start: stream.writer.bytes.count)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

struct UnkeyedStreamContainer: UnkeyedEncodingContainer {
    let stream: EncodingStream
    let id: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(stream: EncodingStream, id: Int) {
        self.stream = stream
        self.id = id
    }

    private mutating func item() {
        stream.entry(of: id)
        count += 1
    }

    mutating func encodeNil() throws { item(); stream.null() }
    mutating func encode(_ value: Bool) throws { item(); stream.bool(value) }
    mutating func encode(_ value: String) throws { item(); stream.string(value) }
    mutating func encode(_ value: Int) throws { item(); stream.int(Int64(value)) }
    mutating func encode(_ value: some Encodable) throws {
        item()
        try stream.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        item()
        return KeyedEncodingContainer(KeyedStreamContainer<NestedKey>(stream: stream, id: stream.openContainer(tag: CacheTag.keyed)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        item()
        return UnkeyedStreamContainer(stream: stream, id: stream.openContainer(tag: CacheTag.unkeyed))
    }

    mutating func superEncoder() -> any Encoder {
        stream.fail()
        return StreamEncoder(stream: stream, start: stream.writer.bytes.count)
    }
}

struct SingleStreamContainer: SingleValueEncodingContainer {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { [] }
    /// The stream, once the value's one write is claimed (see `EncodingStream.claim`).
    private func claimed() -> EncodingStream {
        encoder.stream.claim(from: encoder.start)
        return encoder.stream
    }

    mutating func encodeNil() throws { claimed().null() }
    mutating func encode(_ value: Bool) throws { claimed().bool(value) }
    mutating func encode(_ value: String) throws { claimed().string(value) }
    mutating func encode(_ value: Double) throws { claimed().double(value) }
    mutating func encode(_ value: Float) throws { claimed().double(Double(value)) }
    mutating func encode(_ value: Int) throws { claimed().int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { claimed().int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { claimed().int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { claimed().int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { claimed().int(value) }
    mutating func encode(_ value: UInt) throws { claimed().uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { claimed().uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { claimed().uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { claimed().uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { claimed().uint(value) }
    mutating func encode(_ value: some Encodable) throws { try value.encode(to: encoder) }
}
