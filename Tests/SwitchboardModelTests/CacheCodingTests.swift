import Testing
import SwitchboardModel

/// The build cache's binary form: what is encoded decodes to the same value, keys may be
/// asked in any order, and bytes that are cut short or altered throw instead of crashing.
@Suite struct CacheCodingTests {
    indirect enum Shape: Codable, Equatable {
        case point
        case circle(radius: Int)
        case labelled(String, Shape?)
    }

    struct Sample: Codable, Equatable {
        var text: String
        var empty: String
        var unicode: String
        var small: Int
        var negative: Int64
        var big: UInt64
        var byte: UInt8
        var flag: Bool
        var ratio: Double
        var missing: String?
        var present: Int?
        var list: [String]
        var set: Set<Int>
        var map: [String: [Int]]
        var shapes: [Shape]
        var nested: [[Shape?]]
    }

    static let sample = Sample(
        text: "hello", empty: "", unicode: "Réseau — 電話 ☎", small: 7, negative: -1_234_567_890_123, big: .max, byte: 255,
        flag: true, ratio: -0.125, missing: nil, present: 0, list: ["a", "", "c"], set: [3, 1, 2],
        map: ["x": [1, 2], "": [], "z": [-1]],
        shapes: [.point, .circle(radius: -3), .labelled("l", .labelled("m", nil))], nested: [[nil, .point], []])

    @Test func roundTrips() throws {
        let bytes = try CacheEncoder.encode(Self.sample)
        #expect(try CacheDecoder.decode(Sample.self, from: bytes[...]) == Self.sample)
    }

    /// A type that reads its keys in the opposite order from the one it writes them in.
    struct Reversed: Codable, Equatable {
        var first: String
        var second: Int
        enum CodingKeys: String, CodingKey { case first, second }
        init(first: String, second: Int) { (self.first, self.second) = (first, second) }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            second = try container.decode(Int.self, forKey: .second)
            first = try container.decode(String.self, forKey: .first)
        }
    }

    @Test func findsKeysAskedOutOfOrder() throws {
        let value = Reversed(first: "one", second: 2)
        #expect(try CacheDecoder.decode(Reversed.self, from: try CacheEncoder.encode(value)[...]) == value)
    }

    @Test func throwsOnEveryTruncationAndOnTrailingBytes() throws {
        let bytes = try CacheEncoder.encode(Self.sample)
        for length in 0..<bytes.count {
            #expect(throws: (any Error).self) { try CacheDecoder.decode(Sample.self, from: bytes[..<length]) }
        }
        #expect(throws: (any Error).self) { try CacheDecoder.decode(Sample.self, from: (bytes + [0])[...]) }
    }

    @Test func neverCrashesOnAlteredBytes() throws {
        let bytes = try CacheEncoder.encode(Self.sample)
        var altered = 0
        for index in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var copy = bytes
                copy[index] ^= flip
                if (try? CacheDecoder.decode(Sample.self, from: copy[...])) != Self.sample { altered += 1 }
            }
        }
        // Most single-byte changes are caught as errors or give another value; none crashes.
        #expect(altered > bytes.count)
    }

    /// Strings are checked as they are read: ASCII by one pass, anything else as UTF-8, so
    /// bytes that are not UTF-8 throw instead of being repaired.
    @Test func stringsReadBackOnlyWhenTheyAreUTF8() throws {
        let texts = ["plain", "caf\u{e9} \u{96fb}\u{8a71} \u{1f600}", "", "\u{7f}"]
        let bytes = try CacheEncoder.encode(texts)
        #expect(try CacheDecoder.decode([String].self, from: bytes[...]) == texts)
        let at = try #require(bytes.firstIndex(of: 0xC3))
        for broken: [UInt8] in [[0xC3, 0x28], [0xFF, 0x61], [0x80, 0x61]] {
            var copy = bytes
            copy[at] = broken[0]
            copy[at + 1] = broken[1]
            #expect(throws: (any Error).self) { try CacheDecoder.decode([String].self, from: copy[...]) }
        }
    }

    @Test func aWrongTypeThrows() throws {
        let bytes = try CacheEncoder.encode(["not", "a", "number"])
        #expect(throws: (any Error).self) { try CacheDecoder.decode([Int].self, from: bytes[...]) }
        #expect(throws: (any Error).self) { try CacheDecoder.decode(Sample.self, from: bytes[...]) }
    }

    struct Pair: Codable, Equatable {
        var a: Int
        var b: [String]
    }

    /// The bytes of the form, worked out by hand: a keyed container (tag 6, four-byte
    /// length, count), its keys and values, and an unkeyed container inside it.
    @Test func writesTheDocumentedForm() throws {
        #expect(try CacheEncoder.encode(Pair(a: 1, b: ["x"])) == [
            6, 16, 0, 0, 0, 2,      // keyed: 16 bytes follow the length, 2 entries
            1, 0x61, 3, 2,          // "a": int, zig-zag 1
            1, 0x62, 7, 4, 0, 0, 0, // "b": unkeyed, 4 bytes follow the length
            1, 5, 1, 0x78,          // 1 item: string "x"
        ])
    }

    /// A container of 128 or more entries needs two bytes for its count, which the encoder
    /// makes room for after the entries are written; what follows must still read back.
    @Test func longContainersKeepWhatFollows() throws {
        let value: [[Int]] = [Array(0..<200), [7], Array(0..<20_000)]
        let bytes = try CacheEncoder.encode(value)
        #expect(try CacheDecoder.decode([[Int]].self, from: bytes[...]) == value)
        let map = Dictionary(uniqueKeysWithValues: (0..<300).map { ("k\($0)", [$0]) })
        #expect(try CacheDecoder.decode([String: [Int]].self, from: try CacheEncoder.encode(map)[...]) == map)
    }

    /// A conformance that writes to a container after leaving it for a sibling cannot be
    /// streamed: encoding throws (the cache then parses that file again).
    struct GoesBack: Encodable {
        enum CodingKeys: String, CodingKey { case one, two }
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: CodingKeys.self)
            var first = outer.nestedUnkeyedContainer(forKey: .one)
            var second = outer.nestedUnkeyedContainer(forKey: .two)
            try second.encode(2)
            try first.encode(1)
        }
    }

    @Test func writingToALeftContainerThrows() {
        #expect(throws: (any Error).self) { try CacheEncoder.encode(GoesBack()) }
    }

    /// `Encoder` lets a value ask for its container twice, or write a single value twice; a
    /// stream would write two values where the reader expects one, so encoding throws.
    struct AsksTwice: Encodable {
        enum CodingKeys: String, CodingKey { case one, two }
        var single = false
        func encode(to encoder: any Encoder) throws {
            if single {
                var container = encoder.singleValueContainer()
                try container.encode(1)
                try container.encode(2)
            } else {
                var first = encoder.container(keyedBy: CodingKeys.self)
                try first.encode(1, forKey: .one)
                var second = encoder.container(keyedBy: CodingKeys.self)
                try second.encode(2, forKey: .two)
            }
        }
    }

    @Test func aSecondContainerOrValueThrows() {
        #expect(throws: (any Error).self) { try CacheEncoder.encode(AsksTwice()) }
        #expect(throws: (any Error).self) { try CacheEncoder.encode([AsksTwice(single: true)]) }
    }

    /// The keyed entry file, written in pieces of about a megabyte: the pieces together read back
    /// as the entries, and another header or identity reads as nothing.
    @Test func entryFilesComeBackWhole() throws {
        let entries = (0..<40).map { number in
            CacheEntryFile.Entry(name: "kb/\(number).md", key: ContentDigest(high: UInt64(number), low: 7),
                                 blob: CacheBlob([UInt8](repeating: UInt8(number), count: 100_000 + number)))
        }
        var pieces: [[UInt8]] = []
        var writer = CacheEntryFile.Writer(header: "test 1\n", identity: "me", count: entries.count) { pieces.append($0) }
        for entry in entries { writer.add(entry) }
        writer.finish()
        #expect(pieces.count >= 3)
        let bytes = Array(pieces.joined())
        let read = try #require(CacheEntryFile.read(bytes, header: "test 1\n", identity: "me"))
        #expect(read.map(\.name) == entries.map(\.name))
        #expect(read.map(\.key) == entries.map(\.key))
        #expect(read.map { Array($0.blob.bytes) } == entries.map { Array($0.blob.bytes) })
        #expect(read.allSatisfy { $0.blob.intactBytes != nil })
        #expect(CacheEntryFile.read(bytes, header: "test 2\n", identity: "me") == nil)
        #expect(CacheEntryFile.read(bytes, header: "test 1\n", identity: "you") == nil)
        #expect(CacheEntryFile.read(Array(bytes.dropLast()), header: "test 1\n", identity: "me") == nil)
    }
}
