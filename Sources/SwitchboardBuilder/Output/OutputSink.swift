/// Where a build's files go. Every file of a build passes through one sink.
public protocol OutputSink {
    /// Takes all the files of the build at once, so a sink can write them in parallel.
    func write(_ files: [OutputFile]) throws
    /// Makes the written files the published site; until then nothing visible changed.
    func commit() throws
    /// Throws away what was written (after a failure).
    func discard()
}

/// Keeps files in memory: for tests.
public final class MemorySink: OutputSink, @unchecked Sendable {
    public private(set) var files: [String: [UInt8]] = [:]
    public private(set) var committed = false

    public init() {}

    public func write(_ files: [OutputFile]) throws {
        for file in files { self.files[file.path] = file.bytes }
    }

    public func commit() throws { committed = true }

    public func discard() { files = [:] }

    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }
}
