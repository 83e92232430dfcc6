import Foundation
import Testing
import SwitchboardModel

/// `DirectoryListing` reads each record through its address (a whole `dirent` can run past the
/// end of `readdir`'s buffer): names of every length, up to the file system's 255 bytes, and
/// each entry's type come out right.
@Suite struct DirectoryListingTests {
    @Test func namesOfEveryLengthAndTheirTypes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-listing-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var expected: [String: UInt8] = [:]
        for length in [1, 2, 7, 8, 9, 15, 16, 17, 100, 254, 255] {
            let name = String(repeating: "a", count: length - 1) + "f"
            try Data().write(to: root.appendingPathComponent(name))
            expected[name] = UInt8(DT_REG)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("folder"), withIntermediateDirectories: false)
        expected["folder"] = UInt8(DT_DIR)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "folder")
        expected["link"] = UInt8(DT_LNK)

        let entries = DirectoryListing.entries(of: root.path)
        #expect(entries.count == expected.count)
        for entry in entries {
            #expect(expected[entry.name] == entry.type, "\(entry.name.count) bytes: type \(entry.type)")
        }
        #expect(DirectoryListing.entries(of: root.appendingPathComponent("missing").path).isEmpty)
    }
}
