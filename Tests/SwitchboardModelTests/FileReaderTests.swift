import Foundation
import Testing
import SwitchboardModel

/// Reading whole files: exact sizes, the limit's one byte over, and files whose
/// size the system does not know in advance.
@Suite struct FileReaderTests {
    @Test func readsWholeFilesAndStopsOneByteOverTheLimit() throws {
        let path = NSTemporaryDirectory() + "switchboard-reader-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("0123456789".utf8).write(to: URL(fileURLWithPath: path))
        #expect(FileReader.read(path) == Array("0123456789".utf8))
        #expect(FileReader.read(path, limit: 4) == Array("01234".utf8))
        #expect(FileReader.read(path, limit: 10) == Array("0123456789".utf8))
        #expect(FileReader.read(path + "-missing") == nil)
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(FileReader.read(path) == [])
    }

    @Test func readsFilesThatReportNoSize() throws {
        // /proc files have a size of 0 in fstat and content when read.
        let status = try #require(FileReader.read("/proc/self/status"))
        #expect(String(decoding: status, as: UTF8.self).contains("VmHWM:"))
        let limited = try #require(FileReader.read("/proc/self/status", limit: 9))
        #expect(limited.count == 10)
    }
}
