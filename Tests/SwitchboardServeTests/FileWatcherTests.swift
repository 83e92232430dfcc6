import Foundation
import Testing
@testable import SwitchboardServe

/// Each test runs against inotify and against the polling fallback.
@Suite(.serialized) struct FileWatcherTests {
    enum Kind: String, CaseIterable { case inotify, polling }

    /// A watcher on a fresh folder, and every path it reported.
    final class Harness: @unchecked Sendable {
        let root: String
        let watcher: any FileWatcher
        private let lock = NSLock()
        private var batches: [WatchBatch] = []

        init(_ kind: Kind, prepare: (String) throws -> Void = { _ in }) throws {
            root = NSTemporaryDirectory() + "switchboard-watch-\(getpid())-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try prepare(root)
            if kind == .polling {
                let polling = PollingWatcher(roots: [root])
                polling.interval = 0.05
                watcher = polling
            } else {
                watcher = FileWatchers.make(roots: [root])
                #expect(watcher is InotifyWatcher)
            }
            try watcher.start { [self] batch in
                lock.lock()
                batches.append(batch)
                lock.unlock()
            }
        }

        var reported: Set<String> {
            lock.lock()
            defer { lock.unlock() }
            return batches.reduce(into: Set<String>()) { $0.formUnion($1.paths) }
        }

        /// Waits up to three seconds for `path` (relative to the root) to be reported.
        func sees(_ path: String) -> Bool {
            let deadline = Date().addingTimeInterval(3)
            while Date() < deadline {
                if reported.contains("\(root)/\(path)") { return true }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return false
        }

        func forget() {
            lock.lock()
            batches = []
            lock.unlock()
        }

        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(root)/\(path)"))
        }

        func finish() {
            watcher.stop()
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    @Test(arguments: Kind.allCases) func create(_ kind: Kind) throws {
        let harness = try Harness(kind)
        defer { harness.finish() }
        try harness.write("new.md", "# New\n")
        #expect(harness.sees("new.md"))
    }

    @Test(arguments: Kind.allCases) func modify(_ kind: Kind) throws {
        let harness = try Harness(kind) { try Data("one".utf8).write(to: URL(fileURLWithPath: "\($0)/page.md")) }
        defer { harness.finish() }
        Thread.sleep(forTimeInterval: 0.02)
        try harness.write("page.md", "two, longer")
        #expect(harness.sees("page.md"))
    }

    @Test(arguments: Kind.allCases) func renameOverIsASaveAndScratchFilesAreIgnored(_ kind: Kind) throws {
        let harness = try Harness(kind) { try Data("one".utf8).write(to: URL(fileURLWithPath: "\($0)/page.md")) }
        defer { harness.finish() }
        // What vim, VS Code and most editors do: write a scratch file, rename it over the real one.
        try harness.write(".page.md.swp", "scratch")
        try harness.write("page.md.tmp", "two, longer")
        #expect(rename("\(harness.root)/page.md.tmp", "\(harness.root)/page.md") == 0)
        #expect(harness.sees("page.md"))
        #expect(!harness.reported.contains("\(harness.root)/page.md.tmp"))
        #expect(!harness.reported.contains("\(harness.root)/.page.md.swp"))
    }

    @Test(arguments: Kind.allCases) func delete(_ kind: Kind) throws {
        let harness = try Harness(kind) { try Data("one".utf8).write(to: URL(fileURLWithPath: "\($0)/page.md")) }
        defer { harness.finish() }
        try FileManager.default.removeItem(atPath: "\(harness.root)/page.md")
        #expect(harness.sees("page.md"))
    }

    @Test(arguments: Kind.allCases) func newSubFolderIsWatched(_ kind: Kind) throws {
        let harness = try Harness(kind)
        defer { harness.finish() }
        // A file written at once into a new folder, before any watch on it can exist, is seen…
        try FileManager.default.createDirectory(atPath: "\(harness.root)/kb/new", withIntermediateDirectories: true)
        try harness.write("kb/new/first.md", "one")
        #expect(harness.sees("kb/new/first.md"))
        // …and so are later changes inside it.
        Thread.sleep(forTimeInterval: 0.15)
        harness.forget()
        try harness.write("kb/new/first.md", "two, longer")
        #expect(harness.sees("kb/new/first.md"))
        try harness.write("kb/new/second.md", "three")
        #expect(harness.sees("kb/new/second.md"))
    }

    @Test func stopEndsTheWatchersThread() throws {
        let harness = try Harness(.inotify)
        harness.finish()
        harness.forget()
        try? FileManager.default.createDirectory(atPath: harness.root, withIntermediateDirectories: true)
        try? harness.write("late.md", "x")
        Thread.sleep(forTimeInterval: 0.1)
        #expect(harness.reported.isEmpty)
        try? FileManager.default.removeItem(atPath: harness.root)
    }
}
