/// Encodes `Encodable` values into the build cache's compact binary form, which
/// ``CacheDecoder`` reads. The synthesized `Codable` conformances of the model's value
/// types do the walking: no reflection, and no hand-written field lists to keep in step.
///
/// The form: every value is a tag byte and its payload. Keyed and unkeyed containers
/// carry their byte length (so a reader can step over them without looking inside) and
/// their count; a keyed container's entries are `key, value` in the order they were
/// encoded. Numbers are variable-length. A container's length is known only once its
/// contents are, so values are first gathered as a small tree.
public enum CacheEncoder {
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = NodeEncoder()
        try value.encode(to: root)
        var writer = ByteWriter()
        root.node.write(into: &writer)
        return writer.bytes
    }
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

/// One encoded value before it is written out.
enum EncodedNode {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case string(String)
    case double(Double)
    case keyed(KeyedNodes)
    case unkeyed(UnkeyedNodes)

    func write(into writer: inout ByteWriter) {
        switch self {
        case .null: writer.append(raw: CollectionOfOne(CacheTag.null))
        case .bool(let value): writer.append(raw: CollectionOfOne(value ? CacheTag.true : CacheTag.false))
        case .int(let value):
            writer.append(raw: CollectionOfOne(CacheTag.int))
            writer.write(value)
        case .uint(let value):
            writer.append(raw: CollectionOfOne(CacheTag.uint))
            writer.write(value)
        case .string(let value):
            writer.append(raw: CollectionOfOne(CacheTag.string))
            writer.write(value)
        case .double(let value):
            writer.append(raw: CollectionOfOne(CacheTag.double))
            writer.write(fixed: value.bitPattern)
        case .keyed(let box):
            writer.append(raw: CollectionOfOne(CacheTag.keyed))
            let mark = writer.reserveLength()
            writer.write(UInt64(box.entries.count))
            for (key, node) in box.entries {
                writer.write(key)
                node.node.write(into: &writer)
            }
            writer.patchLength(at: mark)
        case .unkeyed(let box):
            writer.append(raw: CollectionOfOne(CacheTag.unkeyed))
            let mark = writer.reserveLength()
            writer.write(UInt64(box.items.count))
            for item in box.items { item.node.write(into: &writer) }
            writer.patchLength(at: mark)
        }
    }
}

final class KeyedNodes { var entries: [(String, NodeEncoder)] = [] }
final class UnkeyedNodes { var items: [NodeEncoder] = [] }

/// The `Encoder` for one value: whatever container the value asks for becomes its node.
final class NodeEncoder: Encoder {
    var node: EncodedNode = .null
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed(let box) = node { return KeyedEncodingContainer(KeyedNodeContainer(box: box)) }
        let box = KeyedNodes()
        node = .keyed(box)
        return KeyedEncodingContainer(KeyedNodeContainer(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed(let box) = node { return UnkeyedNodeContainer(box: box) }
        let box = UnkeyedNodes()
        node = .unkeyed(box)
        return UnkeyedNodeContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(encoder: self) }

    /// A child encoder holding `value`'s node.
    static func child(_ value: some Encodable) throws -> NodeEncoder {
        let encoder = NodeEncoder()
        try value.encode(to: encoder)
        return encoder
    }

    static func leaf(_ node: EncodedNode) -> NodeEncoder {
        let encoder = NodeEncoder()
        encoder.node = node
        return encoder
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: KeyedNodes
    var codingPath: [any CodingKey] { [] }

    private func add(_ key: Key, _ node: EncodedNode) { box.entries.append((key.stringValue, NodeEncoder.leaf(node))) }

    mutating func encodeNil(forKey key: Key) throws { add(key, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(key, .double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(key, .double(Double(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .int(Int64(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, .int(Int64(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, .int(Int64(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, .int(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, .int(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, .uint(UInt64(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, .uint(value)) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        box.entries.append((key.stringValue, try NodeEncoder.child(value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = NodeEncoder()
        box.entries.append((key.stringValue, child))
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = NodeEncoder()
        box.entries.append((key.stringValue, child))
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = NodeEncoder()
        box.entries.append((key.stringValue, child))
        return child
    }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let box: UnkeyedNodes
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.items.append(.leaf(.null)) }
    mutating func encode(_ value: Bool) throws { box.items.append(.leaf(.bool(value))) }
    mutating func encode(_ value: String) throws { box.items.append(.leaf(.string(value))) }
    mutating func encode(_ value: Int) throws { box.items.append(.leaf(.int(Int64(value)))) }
    mutating func encode(_ value: some Encodable) throws { box.items.append(try NodeEncoder.child(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = NodeEncoder()
        box.items.append(child)
        return child.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = NodeEncoder()
        box.items.append(child)
        return child.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = NodeEncoder()
        box.items.append(child)
        return child
    }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = .double(value) }
    mutating func encode(_ value: Float) throws { encoder.node = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { encoder.node = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { encoder.node = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { encoder.node = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { encoder.node = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .int(value) }
    mutating func encode(_ value: UInt) throws { encoder.node = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .uint(value) }
    mutating func encode(_ value: some Encodable) throws { try value.encode(to: encoder) }
}
