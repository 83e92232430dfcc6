/// The checksum that tells a whole cache entry from a damaged one (a torn write, a truncated
/// file, a flipped bit): fast, not cryptographic.
///
/// Keys stay `ContentDigest`s (SHA-256), since a key that two different inputs share would
/// give a wrong page. A checksum only has to catch accidents: whoever can write the cache
/// folder can write any checksum they like, so SHA-256 there bought no safety, and it was the
/// largest single cost of reading the cache back (every parsed file and search piece is
/// checked on every build). This one reads eight bytes at a time into four independent lanes.
/// Each step is a bijection of its lane given the word, so any change confined to one word
/// (the length unchanged) always changes the result; the length is mixed in, so trailing zeros
/// are not lost.
public struct Checksum: Sendable {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9

    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1 &+ prime2, prime2, 0, 0 &- prime1)
    /// Bytes added since the last whole block of 32 (fewer than 32).
    private var pending: [UInt8] = []
    private var count = 0

    public init() {}

    /// The checksum of `bytes`, stored in the cache files where a `ContentDigest` was.
    public static func of(_ bytes: [UInt8]) -> ContentDigest {
        bytes.withUnsafeBytes { of($0) }
    }

    public static func of(_ bytes: ArraySlice<UInt8>) -> ContentDigest {
        bytes.withUnsafeBytes { of($0) }
    }

    public static func of(_ bytes: UnsafeRawBufferPointer) -> ContentDigest {
        var checksum = Checksum()
        checksum.add(bytes)
        return checksum.finish()
    }

    /// Adds bytes: the result is that of all the bytes added, however they were split.
    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        var at = 0
        if !pending.isEmpty {
            let taken = min(32 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<taken])
            at = taken
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { block(in: $0, at: 0) }
            pending.removeAll(keepingCapacity: true)
        }
        while at + 32 <= bytes.count {
            block(in: bytes, at: at)
            at += 32
        }
        if at < bytes.count { pending.append(contentsOf: bytes[at...]) }
    }

    /// The checksum of everything added.
    public func finish() -> ContentDigest {
        var lanes = self.lanes
        // The last whole words go to the lanes in turn, then the last few bytes in one word.
        var lane = 0
        func feed(_ value: UInt64) {
            switch lane {
            case 0: lanes.0 = Self.step(lanes.0, value)
            case 1: lanes.1 = Self.step(lanes.1, value)
            case 2: lanes.2 = Self.step(lanes.2, value)
            default: lanes.3 = Self.step(lanes.3, value)
            }
            lane += 1
        }
        pending.withUnsafeBytes { rest in
            var at = 0
            while at + 8 <= rest.count {
                feed(Self.word(rest, at))
                at += 8
            }
            if at < rest.count {
                var last: UInt64 = 0
                for shift in 0..<(rest.count - at) { last |= UInt64(rest[at + shift]) << UInt64(8 * shift) }
                feed(last)
            }
        }
        let length = UInt64(count)
        let high = Self.mix(lanes.0 ^ Self.rotate(lanes.2, 17) ^ length)
        let low = Self.mix(lanes.1 ^ Self.rotate(lanes.3, 29) ^ (length &* Self.prime3))
        return ContentDigest(high: high, low: low)
    }

    @inline(__always)
    private mutating func block(in bytes: UnsafeRawBufferPointer, at: Int) {
        lanes.0 = Self.step(lanes.0, Self.word(bytes, at))
        lanes.1 = Self.step(lanes.1, Self.word(bytes, at + 8))
        lanes.2 = Self.step(lanes.2, Self.word(bytes, at + 16))
        lanes.3 = Self.step(lanes.3, Self.word(bytes, at + 24))
    }

    @inline(__always)
    private static func word(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    /// One word into a lane: for a fixed lane value, a bijection of the word (an odd multiplier,
    /// an addition and a rotation), and for a fixed word, a bijection of the lane.
    @inline(__always)
    private static func step(_ lane: UInt64, _ value: UInt64) -> UInt64 {
        rotate(lane &+ value &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ by: UInt64) -> UInt64 {
        (value << by) | (value >> (64 - by))
    }

    /// Spreads every bit of a lane over the whole word (a bijection).
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= prime2
        value ^= value >> 29
        value &*= prime3
        value ^= value >> 32
        return value
    }
}
