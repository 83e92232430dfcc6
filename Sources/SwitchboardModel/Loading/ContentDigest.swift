import Crypto

/// The content hash that keys the build cache and tells changed outputs from
/// unchanged ones: the first 128 bits of SHA-256 (hardware-accelerated where
/// the CPU has SHA extensions), so it is the same in every process and on disk.
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(_ bytes: some Sequence<UInt8>) {
        var hasher = ContentHasher()
        hasher.add(bytes)
        self = hasher.finish()
    }

    /// 32 hex digits.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in [high, low] {
            for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((word >> UInt64(shift)) & 0xF)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses `description`.
    public init?(hex: some StringProtocol) {
        guard hex.utf8.count == 32 else { return nil }
        var words: [UInt64] = [0, 0]
        for (index, byte) in hex.utf8.enumerated() {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            words[index / 16] = words[index / 16] << 4 | UInt64(value)
        }
        self.init(high: words[0], low: words[1])
    }
}

/// Feeds values into a `ContentDigest`. Strings and lists carry their length,
/// so `["ab", "c"]` and `["a", "bc"]` hash differently.
public struct ContentHasher {
    private var sha = SHA256()

    public init() {}

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        if let array = bytes as? [UInt8] {
            array.withUnsafeBytes { sha.update(bufferPointer: $0) }
        } else {
            sha.update(data: Array(bytes))
        }
    }

    public mutating func add(_ text: String) {
        add(text.utf8.count)
        var text = text
        text.withUTF8 { sha.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { sha.update(bufferPointer: $0) }
    }

    public mutating func add(_ digest: ContentDigest) {
        add(Int(bitPattern: UInt(digest.high)))
        add(Int(bitPattern: UInt(digest.low)))
    }

    public func finish() -> ContentDigest {
        let bytes = Array(sha.finalize())
        var high: UInt64 = 0, low: UInt64 = 0
        for index in 0..<8 { high = high << 8 | UInt64(bytes[index]) }
        for index in 8..<16 { low = low << 8 | UInt64(bytes[index]) }
        return ContentDigest(high: high, low: low)
    }
}
