import Testing
import SwitchboardModel

/// The cache entries' checksum must catch the damage a cache file meets (a changed byte, a
/// file cut short or run on) and give the same result however the bytes are fed to it.
@Suite struct ChecksumTests {
    /// Text with every byte value in it, of a length that leaves a partial word and block.
    static let bytes: [UInt8] = (0..<203).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }

    @Test func everyChangedByteIsCaught() {
        let whole = Checksum.of(Self.bytes)
        var missed: [String] = []
        forEachByteFlip(of: Self.bytes) { copy, label in
            if Checksum.of(copy) == whole { missed.append(label) }
        }
        #expect(missed.isEmpty)
        // Every single bit too, in a block of 32 and in the tail.
        for index in Self.bytes.indices {
            for bit in 0..<8 {
                var copy = Self.bytes
                copy[index] ^= UInt8(1) << UInt8(bit)
                #expect(Checksum.of(copy) != whole, "byte \(index) bit \(bit)")
            }
        }
    }

    @Test func everyLengthIsTold() {
        // Cut short at every length, or run on with zeros: all different from each other.
        var seen: [ContentDigest: Int] = [:]
        for count in 0...Self.bytes.count {
            let prefix = Array(Self.bytes.prefix(count))
            #expect(seen.updateValue(count, forKey: Checksum.of(prefix)) == nil, "prefix \(count)")
        }
        var zeros: [ContentDigest: Int] = [:]
        for count in 0...80 {
            #expect(zeros.updateValue(count, forKey: Checksum.of([UInt8](repeating: 0, count: count))) == nil, "\(count) zeros")
        }
    }

    @Test func feedingInPiecesChangesNothing() {
        let whole = Checksum.of(Self.bytes)
        for first in 0...Self.bytes.count {
            for size in [1, 7, 31, 32, 33, 64] {
                var checksum = Checksum()
                checksum.add(Array(Self.bytes[..<first]))
                var at = first
                while at < Self.bytes.count {
                    let end = min(Self.bytes.count, at + size)
                    checksum.add(Array(Self.bytes[at..<end]))
                    at = end
                }
                #expect(checksum.finish() == whole, "first piece \(first), then pieces of \(size)")
            }
        }
        #expect(Checksum.of(Self.bytes[3...]) == Checksum.of(Array(Self.bytes[3...])))
    }

    @Test func aDamagedBlobIsNotIntact() {
        #expect(CacheBlob(Self.bytes).intactBytes.map(Array.init) == Self.bytes)
        #expect(CacheBlob.damaged.intactBytes == nil)
        var changed = CacheBlob(Self.bytes)
        changed.bytes[100] ^= 1
        #expect(changed.intactBytes == nil)
    }
}
