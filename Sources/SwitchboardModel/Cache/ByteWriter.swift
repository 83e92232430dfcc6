/// Appends values to a byte buffer in the build cache's binary form: integers as
/// little-endian variable-length numbers, strings and byte runs with their length first.
/// The counterpart of ``ByteReader``; both sides must agree on the order of fields.
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// A writer whose buffer has room for `capacity` bytes before it grows.
    public init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer and keeps its room, for a writer used again and again.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Signed numbers zig-zag, so small negative numbers stay short.
    public mutating func write(_ value: Int64) {
        write(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    public mutating func write(_ value: Int) { write(Int64(value)) }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(bytes run: some Collection<UInt8>) {
        write(UInt64(run.count))
        bytes.append(contentsOf: run)
    }

    public mutating func write(_ digest: ContentDigest) {
        write(fixed: digest.high)
        write(fixed: digest.low)
    }

    /// Eight bytes, little-endian: for hashes, whose bits are all significant.
    public mutating func write(fixed value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Bytes as they are, with no length (a header, or a run the reader knows the size of).
    public mutating func append(raw run: some Collection<UInt8>) { bytes.append(contentsOf: run) }

    /// Four bytes to be filled in by `patchLength(at:)` with the number of bytes written after them.
    public mutating func reserveLength() -> Int {
        bytes.append(contentsOf: [0, 0, 0, 0])
        return bytes.count
    }

    public mutating func patchLength(at mark: Int) {
        let length = UInt32(truncatingIfNeeded: bytes.count - mark)
        for index in 0..<4 { bytes[mark - 4 + index] = UInt8(truncatingIfNeeded: length >> UInt32(8 * index)) }
    }

    /// Writes `value` as a variable-length number over the one byte kept for it at `index`,
    /// moving what follows along when it needs more.
    public mutating func fillCount(_ value: UInt64, at index: Int) {
        var number = ByteWriter()
        number.write(value)
        let encoded = number.bytes
        if encoded.count > 1 { bytes.insert(contentsOf: encoded.dropFirst(), at: index + 1) }
        for (offset, byte) in encoded.enumerated() { bytes[index + offset] = byte }
    }
}
