import Foundation
import SwitchboardModel

/// Keeps the site in memory: for tests and for a development server, which can
/// read the published files from any thread while the next build is put.
public final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var published: [String: (bytes: [UInt8], digest: ContentDigest)] = [:]
    private var next: [String: (bytes: [UInt8], digest: ContentDigest)] = [:]
    private var wasCommitted = false

    public init() {}

    /// The published files by path (after `commit`; for `write` without a commit, the files put so far).
    public var files: [String: [UInt8]] {
        lock.withLock { (wasCommitted ? published : next).mapValues(\.bytes) }
    }

    /// Whether any build has been committed.
    public var committed: Bool { lock.withLock { wasCommitted } }

    /// The published bytes of one file.
    public func file(_ path: String) -> [UInt8]? {
        lock.withLock { (wasCommitted ? published : next)[path]?.bytes }
    }

    public func text(_ path: String) -> String? { file(path).map { String(decoding: $0, as: UTF8.self) } }

    public func begin() throws {
        lock.withLock { next = [:] }
    }

    public func put(_ file: OutputFile, digest: ContentDigest) throws {
        lock.withLock { next[file.path] = (file.bytes, digest) }
    }

    public func keep(_ path: String, digest: ContentDigest) throws -> Bool {
        lock.withLock {
            guard let current = published[path], current.digest == digest else { return false }
            next[path] = current
            return true
        }
    }

    @discardableResult public func commit() throws -> OutputChanges {
        lock.withLock {
            var changes = OutputChanges()
            for (path, file) in next where published[path]?.digest != file.digest { changes.written.append(path) }
            for path in published.keys where next[path] == nil { changes.removed.append(path) }
            changes.written.sort { ByteOrder.precedes($0, $1) }
            changes.removed.sort { ByteOrder.precedes($0, $1) }
            published = next
            next = [:]
            wasCommitted = true
            return changes
        }
    }

    public func keptBytes(_ path: String) -> [UInt8]? {
        lock.withLock { next[path]?.bytes }
    }

    public func discard() {
        lock.withLock { next = [:] }
    }
}
