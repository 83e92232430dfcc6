/// A reference found while validating, checked once every file is loaded.
public struct ReferenceUse: Sendable, Codable {
    public var kind: ReferenceKind
    public var value: String
    public var file: String
    public var position: SourcePosition
}

/// A former URL of a page (`aliases:`), where it was written.
public struct Alias: Sendable, Hashable, Codable {
    /// The site path without the base path, such as `/kb/old-name/`.
    public var path: String
    public var file: String
    public var position: SourcePosition

    public init(path: String, file: String, position: SourcePosition) {
        self.path = path
        self.file = file
        self.position = position
    }

    /// The file a site path is served from: `/a/` is `a/index.html`.
    public static func outputPath(of url: String) -> String {
        var path = String(url.drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }
}
