/// Reads what ``ByteWriter`` wrote. Every read checks the bounds and returns nil on
/// bytes that are cut short or malformed, so a damaged cache file is ignored, never trusted.
public struct ByteReader {
    private let bytes: [UInt8]
    public private(set) var offset: Int

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func readUInt64() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            // A tenth byte may carry only the top bit; anything more is not a 64-bit number.
            if shift == 63 && byte > 1 { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    public mutating func readInt64() -> Int64? {
        guard let raw = readUInt64() else { return nil }
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    public mutating func readInt() -> Int? {
        guard let value = readInt64(), let int = Int(exactly: value) else { return nil }
        return int
    }

    public mutating func readBool() -> Bool? {
        guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
        offset += 1
        return bytes[offset - 1] == 1
    }

    /// A run written by `write(bytes:)`, as a slice of the buffer (no copy).
    public mutating func readBytes() -> ArraySlice<UInt8>? {
        guard let length = readUInt64(), length <= UInt64(bytes.count - offset) else { return nil }
        let end = offset + Int(length)
        defer { offset = end }
        return bytes[offset..<end]
    }

    /// The next `count` bytes as they are (written by `ByteWriter.append(raw:)`), as a slice of
    /// the buffer; nil when fewer are left.
    public mutating func readRaw(count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        let end = offset + count
        defer { offset = end }
        return bytes[offset..<end]
    }

    /// A string; bytes that are not UTF-8 make it unreadable rather than repaired.
    public mutating func readString() -> String? {
        guard let run = readBytes() else { return nil }
        return String(validating: run, as: UTF8.self)
    }

    public mutating func readDigest() -> ContentDigest? {
        guard let high = readFixed(), let low = readFixed() else { return nil }
        return ContentDigest(high: high, low: low)
    }

    public mutating func readFixed() -> UInt64? {
        guard bytes.count - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += 8
        return value
    }

    /// Whether the next bytes are `expected`; consumes them if so.
    public mutating func expect(_ expected: some Collection<UInt8>) -> Bool {
        guard bytes.count - offset >= expected.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else { return false }
        offset += expected.count
        return true
    }
}
