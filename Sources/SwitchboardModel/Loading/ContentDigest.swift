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

    /// The hash of a file's bytes: every output and input goes through here, so arrays are
    /// hashed where they lie rather than through the generic path below.
    public init(_ bytes: [UInt8]) {
        var hasher = ContentHasher()
        hasher.add(bytes)
        self = hasher.finish()
    }

    public init(_ bytes: ArraySlice<UInt8>) {
        var hasher = ContentHasher()
        hasher.add(bytes)
        self = hasher.finish()
    }

    public init(_ bytes: some Sequence<UInt8>) {
        var hasher = ContentHasher()
        hasher.add(bytes)
        self = hasher.finish()
    }

    /// 32 hex digits.
    public var description: String {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        appendHex(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The 32 hex digits of `description`, appended to `bytes` without making a string: the
    /// cache files write tens of thousands of digests per build.
    public func appendHex(to bytes: inout [UInt8]) {
        // Made in place, all 32 at once: a byte at a time, through a list of the two words,
        // this was a third of writing the session memory (45,000 lines at 30,000 articles).
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 32))
        let (high, low) = (self.high, self.low)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for digit in 0..<32 {
                let word = digit < 16 ? high : low
                let value = UInt8(truncatingIfNeeded: (word >> UInt64(60 - 4 * (digit & 15))) & 0xF)
                buffer[start + digit] = value < 10 ? value + UInt8(ascii: "0") : value - 10 + UInt8(ascii: "a")
            }
        }
    }

    /// Parses `description`.
    public init?(hex: some StringProtocol) {
        self.init(hexDigits: hex.utf8)
    }

    /// Parses 32 lowercase hex digits given as UTF-8 bytes. The build cache holds tens of
    /// thousands of these, so the digits are read where they are, without allocating.
    public init?(hexDigits: some Collection<UInt8>) {
        guard hexDigits.count == 32 else { return nil }
        let parsed = hexDigits.withContiguousStorageIfAvailable { Self.parse($0) } ?? Array(hexDigits).withUnsafeBufferPointer { Self.parse($0) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Byte slices of the cache's lines: a concrete overload, so no generic iterator walks them.
    public init?(hexDigits: ArraySlice<UInt8>) {
        guard hexDigits.count == 32, let parsed = hexDigits.withUnsafeBufferPointer({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    private static func parse(_ digits: UnsafeBufferPointer<UInt8>) -> ContentDigest? {
        guard digits.count == 32 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for index in 0..<32 {
            let byte = digits[index]
            let value: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
            if index < 16 { high = high << 4 | value } else { low = low << 4 | value }
        }
        return ContentDigest(high: high, low: low)
    }
}

/// Feeds values into a `ContentDigest`. Strings and lists carry their length,
/// so `["ab", "c"]` and `["a", "bc"]` hash differently.
public struct ContentHasher {
    private var sha = SHA256()
    /// Small values are gathered here and handed to SHA-256 in large blocks: a page's
    /// digest is hundreds of short strings and numbers, and one `update` call per value
    /// cost more than the hashing itself.
    private var buffer: [UInt8] = []
    private static let blockSize = 16 * 1024

    public init() {
        buffer.reserveCapacity(1024)
    }

    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The same hash as the bytes copied into an array, without the copy.
    public mutating func add(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { append($0) }
    }

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        add(Array(bytes))
    }

    public mutating func add(_ text: String) {
        add(text.utf8.count)
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { append($0) }
    }

    /// A text that may be absent: never the same hash as any text present.
    public mutating func add(optional text: String?) {
        add(text ?? "\u{0}")
        add(text == nil ? 0 : 1)
    }

    public mutating func add(_ digest: ContentDigest) {
        add(Int(bitPattern: UInt(digest.high)))
        add(Int(bitPattern: UInt(digest.low)))
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count >= Self.blockSize {
            flush()
            sha.update(bufferPointer: bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { flush() }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { sha.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    public func finish() -> ContentDigest {
        var sha = self.sha
        if !buffer.isEmpty { buffer.withUnsafeBytes { sha.update(bufferPointer: $0) } }
        var high: UInt64 = 0, low: UInt64 = 0
        sha.finalize().withUnsafeBytes { bytes in
            for index in 0..<8 { high = high << 8 | UInt64(bytes[index]) }
            for index in 8..<16 { low = low << 8 | UInt64(bytes[index]) }
        }
        return ContentDigest(high: high, low: low)
    }
}
