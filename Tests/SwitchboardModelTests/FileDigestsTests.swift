import Foundation
import Testing
import SwitchboardModel

/// Input hashes remembered under stat stamps: an unchanged file is not read again, a
/// changed one always is, whatever its size and modification time, and a file saved
/// within the racy window is never trusted to its stamp.
@Suite struct FileDigestsTests {
    /// A folder with files whose stamps the clock below treats as old enough to trust.
    private func folder(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "switchboard-digests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/\(name)")) }
        return path
    }

    /// A minute ahead of the real clock: every file just written is older than the racy window.
    private static let later: @Sendable () -> Int64 = { FileDigests.currentSeconds() + 60 }

    // SHA-256("abc") and SHA-256(""), first 128 bits (FIPS 180-2).
    private let abc = ContentDigest(hex: "ba7816bf8f01cfea414140de5dae2223")!
    private let empty = ContentDigest(hex: "e3b0c44298fc1c149afbf4c8996fb924")!

    @Test func hashesOnceThenTrustsTheStamp() throws {
        let root = try folder(["a.md": "abc", "b.md": ""])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let digests = FileDigests(clock: Self.later)
        let paths = ["\(root)/a.md", "\(root)/b.md", "\(root)/missing.md"]
        #expect(digests.digests(of: paths) == [abc, empty, nil])
        #expect(digests.lastHashedCount == 3)
        #expect(digests.digests(of: paths) == [abc, empty, nil])
        #expect(digests.lastHashedCount == 1) // only the missing file is tried again
    }

    /// Each file is stamped by its name in its own folder: two folders holding the same names
    /// are told apart, and a path whose folder is missing is simply missing.
    @Test func filesOfTheSameNameInTwoFoldersAreStampedApart() throws {
        let root = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (sub, text) in [("one", "abc"), ("two", "")] {
            try FileManager.default.createDirectory(atPath: "\(root)/\(sub)", withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(root)/\(sub)/x.md"))
        }
        let digests = FileDigests(clock: Self.later)
        let paths = ["\(root)/one/x.md", "\(root)/two/x.md", "\(root)/three/x.md", "\(root)/one/x.md"]
        #expect(digests.digests(of: paths) == [abc, empty, nil, abc])
        #expect(digests.digests(of: paths) == [abc, empty, nil, abc])
        #expect(digests.lastHashedCount == 1) // each file trusted to its own stamp; the missing one tried again
        try Data("xyz".utf8).write(to: URL(fileURLWithPath: "\(root)/two/x.md"))
        #expect(digests.digests(of: paths) == [abc, ContentDigest(Array("xyz".utf8)), nil, abc])
        #expect(digests.lastHashedCount == 2) // the changed file, and the missing one tried again
    }

    @Test func aChangeOfSameSizeAndModificationTimeIsSeen() throws {
        let root = try folder(["a.md": "abc"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = "\(root)/a.md"
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        let digests = FileDigests(clock: Self.later)
        #expect(digests.digests(of: [path]) == [abc])
        // Same size, modification time put back: only the change time tells.
        try Data("xyz".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        #expect(digests.digests(of: [path]) == [ContentDigest(Array("xyz".utf8))])
        #expect(digests.lastHashedCount == 1)
    }

    @Test func aFileSavedJustNowIsHashedEveryTime() throws {
        let root = try folder(["a.md": "abc"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let digests = FileDigests() // the real clock: the file is inside the racy window
        for _ in 0..<2 {
            #expect(digests.digests(of: ["\(root)/a.md"]) == [abc])
            #expect(digests.lastHashedCount == 1)
        }
        #expect(digests.count == 0)
    }

    @Test func survivesTheCacheFolderAndRejectsDamagedBytes() throws {
        let root = try folder(["a.md": "abc", "b.md": ""])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = ["\(root)/a.md", "\(root)/b.md"]
        let first = FileDigests(clock: Self.later)
        _ = first.digests(of: paths)
        let bytes = first.serialized()
        let again = try #require(FileDigests(serialized: bytes, clock: Self.later))
        #expect(again.count == 2)
        #expect(again.digests(of: paths) == [abc, empty])
        #expect(again.lastHashedCount == 0)
        // Cut short, one byte too many, or another format: not read at all.
        #expect(FileDigests(serialized: Array(bytes.dropLast())) == nil)
        #expect(FileDigests(serialized: bytes + [0]) == nil)
        #expect(FileDigests(serialized: Array("switchboard file digests 0\n".utf8) + bytes.dropFirst(27)) == nil)
        // Forgotten once they leave the list.
        _ = again.digests(of: [paths[0]])
        #expect(again.count == 1)
    }
}
