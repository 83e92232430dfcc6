import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The output folder never disappears while builds swap it, not even for a moment:
/// a reader polling public/index.html, as a web server would, always finds it.
@Suite(.serialized) struct AtomicSwapTests {
    @Test func aReaderNeverFindsTheOutputMissing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-swap-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public").path
        let sink = DiskSink(directory: output)
        try sink.write([OutputFile(path: "index.html", text: "build 0")])
        try sink.commit()

        let reader = PollingReader(path: output + "/index.html")
        let thread = Thread { reader.run() }
        thread.start()
        for build in 1...300 {
            // Every build changes the page, so every commit swaps the folders.
            try sink.write([OutputFile(path: "index.html", text: "build \(build)"), OutputFile(path: "kb/index.html", text: "\(build)")])
            try sink.commit()
        }
        reader.stop()
        #expect(reader.reads > 0)
        #expect(reader.missing == 0, "public/index.html was missing \(reader.missing) times in \(reader.reads) reads")
        #expect(FileReader.read(output + "/index.html") == Array("build 300".utf8))
    }

    @Test func aFailedBuildLeavesThePublishedSiteAsItWas() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-failed-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        // The output's parent must exist (a missing one is an error of its own).
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let output = root.appendingPathComponent("public").path
        let session = workspace.session(sink: DiskSink(directory: output), cache: root.appendingPathComponent("cache").path)
        #expect(session.build().succeeded)
        let before = IncrementalWorkspace.tree(output)
        // A front matter key the schema does not know is an error.
        let article = try #require(workspace.articles().first)
        let url = workspace.content.appendingPathComponent(article)
        try ("---\nnot_a_key: 1\n" + String(contentsOf: url, encoding: .utf8).dropFirst(4)).write(to: url, atomically: false, encoding: .utf8)
        let failed = session.build()
        #expect(!failed.succeeded)
        #expect(failed.changes.isEmpty)
        #expect(IncrementalWorkspace.tree(output) == before)
    }
}

/// Opens a file over and over on its own thread, counting the times it is not there.
/// The counts are read under the same lock the reader's thread writes them under, and
/// `stop()` waits for that thread to finish rather than sleeping and hoping it has
/// (ThreadSanitizer caught the sleep as a race once in several runs).
final class PollingReader: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var stopped = false
    private var readCount = 0
    private var missingCount = 0

    init(path: String) { self.path = path }

    var reads: Int { lock.withLock { readCount } }
    var missing: Int { lock.withLock { missingCount } }

    func run() {
        defer { finished.signal() }
        while !lock.withLock({ stopped }) {
            let descriptor = open(path, O_RDONLY)
            lock.withLock {
                readCount += 1
                if descriptor < 0 { missingCount += 1 }
            }
            if descriptor >= 0 { close(descriptor) }
        }
    }

    /// Asks the reader to stop and returns once its thread has made its last read.
    func stop() {
        lock.withLock { stopped = true }
        finished.wait()
    }
}
