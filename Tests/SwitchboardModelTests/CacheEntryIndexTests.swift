import Foundation
import Testing
@testable import SwitchboardModel

/// A cache file of keyed entries read as an index, its entries' bytes left on disk until asked
/// for: the same entries `CacheEntryFile.read` finds in the whole file, nothing from a file of
/// another kind, program or length, and the file it opened even after another is renamed over it.
@Suite struct CacheEntryIndexTests {
    private static func entries() -> [CacheEntryFile.Entry] {
        (0..<300).map { number in
            // Names of every length, one longer than the index's first read of a header.
            let name = number == 7 ? "kb/" + String(repeating: "long-name-", count: 120) + ".md" : "kb/\(number).md"
            return CacheEntryFile.Entry(name: name, key: ContentDigest(high: UInt64(number), low: 7),
                                        blob: CacheBlob(Array(repeating: UInt8(number % 251), count: number * 13 % 5_000)))
        }
    }

    private static func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(getpid())-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func anIndexFindsEveryEntryAndReadsItsBytes() throws {
        let written = Self.entries()
        let bytes = CacheEntryFile.serialize(header: "test 1\n", identity: "me", entries: written)
        let path = try Self.write(bytes)
        defer { unlink(path) }
        let index = try #require(CacheEntryIndex(path: path, header: "test 1\n", identity: "me"))
        #expect(index.entries.map(\.name) == written.map(\.name))
        #expect(index.entries.map(\.key) == written.map(\.key))
        for (entry, original) in zip(index.entries, written) {
            let blob = try #require(index.blob(entry))
            #expect(blob.intactBytes.map(Array.init) == Array(original.blob.bytes))
        }
        #expect(CacheEntryIndex(path: path, header: "test 2\n", identity: "me") == nil)
        #expect(CacheEntryIndex(path: path, header: "test 1\n", identity: "you") == nil)
        #expect(CacheEntryIndex(path: path + ".missing", header: "test 1\n", identity: "me") == nil)

        // A file renamed over it meanwhile: the index reads the one it opened.
        let other = try Self.write(CacheEntryFile.serialize(header: "test 1\n", identity: "me", entries: Array(written.prefix(3))))
        #expect(rename(other, path) == 0)
        #expect(index.blob(index.entries[299]).flatMap(\.intactBytes).map(Array.init) == Array(written[299].blob.bytes))
    }

    @Test func aFileCutShortOrLongerIsNotRead() throws {
        let bytes = CacheEntryFile.serialize(header: "test 1\n", identity: "me", entries: Self.entries())
        for damaged in [Array(bytes.dropLast()), Array(bytes.prefix(bytes.count / 2)), bytes + [0], Array(bytes.prefix(12))] {
            let path = try Self.write(damaged)
            defer { unlink(path) }
            #expect(CacheEntryIndex(path: path, header: "test 1\n", identity: "me") == nil, "\(damaged.count) bytes")
        }
    }
}

/// The table at a cache file's end says where each entry is; a file whose table does not say
/// what its entries say is not read whole either.
@Suite struct CacheEntryTableTests {
    @Test func aTableThatDisagreesWithTheEntriesIsRefused() throws {
        let entries = (0..<5).map { number in
            CacheEntryFile.Entry(name: "kb/\(number).md", key: ContentDigest(high: UInt64(number), low: 1), blob: CacheBlob(Array(repeating: UInt8(number), count: 40)))
        }
        let bytes = CacheEntryFile.serialize(header: "test 1\n", identity: "me", entries: entries)
        #expect(CacheEntryFile.read(bytes, header: "test 1\n", identity: "me")?.map(\.name) == entries.map(\.name))
        // The table's length, in the last eight bytes; the table before it.
        let length = bytes.suffix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let tableStart = bytes.count - 8 - length
        // The first entry's name in the table is "kb/0.md", after its length byte.
        #expect(bytes[(tableStart + 1)...].starts(with: Array("kb/0.md".utf8)))
        var renamed = bytes
        renamed[tableStart + 4] = UInt8(ascii: "9")
        #expect(CacheEntryFile.read(renamed, header: "test 1\n", identity: "me") == nil)
        // Places out of order are refused by the index's reading of the table too.
        let places = try #require(CacheEntryFile.places(table: bytes[tableStart..<(bytes.count - 8)], count: 5, start: 0, size: bytes.count))
        #expect(places.map(\.count) == [40, 40, 40, 40, 40])
        var reordered = ByteWriter()
        for place in [places[1], places[0]] + places[2...] {
            reordered.write(place.name)
            reordered.write(place.key)
            reordered.write(place.checksum)
            reordered.write(UInt64(place.offset))
            reordered.write(UInt64(place.count))
        }
        #expect(reordered.bytes.count == length)
        #expect(CacheEntryFile.places(table: reordered.bytes[...], count: 5, start: 0, size: bytes.count) == nil)
    }
}
