/// Limits on one content file, so that a hostile or broken file costs a
/// diagnostic in bounded time and memory instead of the build machine.
///
/// The defaults are far beyond anything a real page needs (the largest bundled
/// file is a few kilobytes, its YAML a few hundred nodes at most five deep).
public struct InputLimits: Sendable, Hashable {
    /// Bytes in one file (`file-too-large`).
    public var maxFileBytes: Int
    /// Mappings and lists inside each other in YAML (`yaml-too-deep`).
    public var maxYAMLDepth: Int
    /// Scalars, mappings and lists in one file's YAML (`yaml-too-many-nodes`).
    public var maxYAMLNodes: Int

    /// Markdown has no limit of its own beyond the file's size: cmark-gfm parses and renders
    /// without recursion, and so does the renderer's walk of its tree.
    public init(maxFileBytes: Int = 1 << 20, maxYAMLDepth: Int = 32, maxYAMLNodes: Int = 50_000) {
        self.maxFileBytes = maxFileBytes
        self.maxYAMLDepth = maxYAMLDepth
        self.maxYAMLNodes = maxYAMLNodes
    }

    public static let standard = InputLimits()
}
