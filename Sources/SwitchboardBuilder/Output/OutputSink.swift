import SwitchboardModel

/// Where a build's files go. Every file of a build passes through one sink, as
/// soon as it is produced: nothing holds the whole site at once.
///
/// A build calls `begin`, then `put` (or `keep`) once per output path, then
/// `commit`, which publishes the new site in one step, or `discard`, which
/// leaves the published site exactly as it was. Calls come from one thread at a time.
public protocol OutputSink: AnyObject {
    /// Says that a site will be built: a sink may start reading what `begin` needs while the
    /// build loads its content. Optional; `begin` works without it.
    func prepare()
    /// Starts the next site. Throws when the sink cannot be written (a folder not ours).
    func begin() throws
    /// One file of the next site, with the hash of its bytes. A sink may skip writing bytes it already holds.
    func put(_ file: OutputFile, digest: ContentDigest) throws
    /// Several files, as `put` for each in order; a sink may write them on all cores.
    func putAll(_ files: [OutputFile], digests: [ContentDigest]) throws
    /// Carries the published file at `path`, whose bytes hash to `digest`, into the
    /// next site without its bytes. False when the sink does not hold exactly that
    /// file; the caller then renders it and calls `put`.
    func keep(_ path: String, digest: ContentDigest) throws -> Bool
    /// Publishes the next site in one step and says which paths changed.
    @discardableResult func commit() throws -> OutputChanges
    /// Throws away the next site; the published one stays as it was.
    func discard()
    /// The bytes of a file the sink has kept (`keep` answered true) in the next site, for
    /// checks that read every output, such as the link check. Nil when it cannot be read.
    /// Unlike the other calls, it may be called from several threads at once (with no other
    /// call running), so kept pages are read on all cores.
    func keptBytes(_ path: String) -> [UInt8]?
}

extension OutputSink {
    public func prepare() {}

    public func putAll(_ files: [OutputFile], digests: [ContentDigest]) throws {
        for (file, digest) in zip(files, digests) { try put(file, digest: digest) }
    }
}

/// What a commit changed, compared with the site published before it.
public struct OutputChanges: Sendable, Equatable {
    /// Paths that are new or whose bytes differ, sorted.
    public var written: [String]
    /// Paths that were published before and are gone, sorted.
    public var removed: [String]

    public init(written: [String] = [], removed: [String] = []) {
        self.written = written
        self.removed = removed
    }

    public var isEmpty: Bool { written.isEmpty && removed.isEmpty }
}

extension OutputSink {
    /// One file of the next site.
    public func put(_ file: OutputFile) throws {
        try put(file, digest: ContentDigest(file.bytes))
    }

    /// Starts the next site and puts every file in it.
    public func write(_ files: [OutputFile]) throws {
        try begin()
        for file in files { try put(file) }
    }
}
