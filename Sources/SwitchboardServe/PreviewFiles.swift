/// A built site as `serve` reads it: output path (`kb/x/index.html`) → bytes. In memory
/// (``SiteFiles``) or an output folder on disk (``FolderFiles``).
public protocol PreviewFiles: Sendable {
    /// The bytes of one output, nil when the site has no such file.
    subscript(path: String) -> [UInt8]? { get }
    /// Whether the site has the output, without reading it.
    func contains(_ path: String) -> Bool
}
