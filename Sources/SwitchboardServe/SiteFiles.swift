/// A built site held in memory: output path (`kb/x/index.html`) → bytes.
public struct SiteFiles: PreviewFiles, Equatable {
    public var contents: [String: [UInt8]]

    public init(_ contents: [String: [UInt8]] = [:]) {
        self.contents = contents
    }

    public subscript(path: String) -> [UInt8]? { contents[path] }

    public func contains(_ path: String) -> Bool { contents[path] != nil }

    public var count: Int { contents.count }

    /// The outputs that were added, removed or changed from `previous` to `self`.
    /// Comparing bytes directly is cheaper than hashing both sides, and both are in memory.
    public func changedPaths(since previous: SiteFiles) -> Set<String> {
        var changed = Set<String>()
        for (path, bytes) in contents where previous.contents[path] != bytes { changed.insert(path) }
        for path in previous.contents.keys where contents[path] == nil { changed.insert(path) }
        return changed
    }
}
