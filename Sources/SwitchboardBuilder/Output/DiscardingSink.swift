import SwitchboardModel

/// Takes every file of a build and keeps none: `switchboard check` builds the site as
/// `switchboard build` does (every page rendered, every link of the output checked, the
/// cache folder read and written) without writing an output folder or holding the site.
/// It publishes nothing, so a build through it carries no page over.
public final class DiscardingSink: OutputSink, @unchecked Sendable {
    public init() {}

    public func begin() throws {}

    public func put(_ file: OutputFile, digest: ContentDigest) throws {}

    public func putAll(_ files: [OutputFile], digests: [ContentDigest]) throws {}

    public func keep(_ path: String, digest: ContentDigest) throws -> Bool { false }

    @discardableResult public func commit() throws -> OutputChanges { OutputChanges() }

    public func discard() {}

    public func keptBytes(_ path: String) -> [UInt8]? { nil }
}
