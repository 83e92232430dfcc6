import Testing
import SwitchboardModel

/// The digest keys the build cache on disk, so it must be SHA-256's first 128 bits
/// however its input is fed: in one piece, a value at a time, or past the hasher's buffer.
@Suite struct ContentDigestTests {
    @Test func isTheFirstHalfOfSHA256() {
        // FIPS 180-2's example: SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 ….
        #expect(ContentDigest(Array("abc".utf8)).description == "ba7816bf8f01cfea414140de5dae2223")
        // SHA-256 of nothing: e3b0c442 98fc1c14 9afbf4c8 996fb924 ….
        #expect(ContentDigest([UInt8]()).description == "e3b0c44298fc1c149afbf4c8996fb924")
    }

    @Test func feedingInPiecesChangesNothing() {
        let text = (0..<5000).map { "line \($0) of a long page\n" }.joined()
        let bytes = Array(text.utf8)
        var pieces = ContentHasher()
        var index = 0
        var size = 1
        while index < bytes.count {
            let end = min(bytes.count, index + size)
            pieces.add(Array(bytes[index..<end]))
            index = end
            size = size * 3 % 40_000 + 1
        }
        #expect(pieces.finish() == ContentDigest(bytes))
    }

    @Test func lengthsKeepValuesApart() {
        var first = ContentHasher(), second = ContentHasher()
        first.add("ab"); first.add("c")
        second.add("a"); second.add("bc")
        #expect(first.finish() != second.finish())
    }

    /// An absent text hashes apart from every text present, the one it is written as included.
    @Test func anAbsentTextIsNoText() {
        func digest(_ text: String?) -> ContentDigest {
            var hasher = ContentHasher()
            hasher.add(optional: text)
            return hasher.finish()
        }
        #expect(Set([nil, "", "\u{0}", "a"].map(digest)).count == 4)
    }

    @Test func hexRoundTrips() {
        let digest = ContentDigest(high: 0x0123_4567_89ab_cdef, low: 0xfedc_ba98_7654_3210)
        #expect(digest.description == "0123456789abcdeffedcba9876543210")
        // Appended after what is there, as the cache files write a digest and then its path.
        var line = Array("x ".utf8)
        digest.appendHex(to: &line)
        #expect(line == Array("x 0123456789abcdeffedcba9876543210".utf8))
        #expect(ContentDigest(hex: "0123456789abcdeffedcba9876543210") == digest)
        #expect(ContentDigest(hex: "0123456789abcdeffedcba987654321") == nil)    // 31 digits
        #expect(ContentDigest(hex: "0123456789ABCDEFfedcba9876543210") == nil)   // capitals are not written
        #expect(ContentDigest(hex: "0123456789abcdeffedcba987654321g") == nil)
    }
}
