#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stage 1: walks content/ and sorts every file into its collection.
public struct ContentDiscovery {
    public var root: String
    /// How diagnostics name the root (the path as the user gave it).
    public var displayRoot: String

    public init(root: String, displayRoot: String? = nil) {
        self.root = root
        self.displayRoot = displayRoot ?? root
    }

    public struct Result: Sendable {
        public var files: [DiscoveredFile]
        public var diagnostics: [Diagnostic]
    }

    public func discover() -> Result {
        var result = Result(files: [], diagnostics: [])
        guard let realRoot = Self.realPath(root), Self.isDirectory(realRoot) else {
            result.diagnostics.append(Diagnostic(file: displayRoot, id: "content-missing", message: "the content folder does not exist"))
            return result
        }
        walk(relative: "", absolute: realRoot, realRoot: realRoot, into: &result)
        result.files.sort { ByteOrder.precedes($0.path, $1.path) }
        return result
    }

    private func walk(relative: String, absolute: String, realRoot: String, into result: inout Result) {
        // Hidden entries (.DS_Store, .gitkeep) are not content.
        for entry in DirectoryListing.entries(of: absolute) where !entry.name.hasPrefix(".") {
            let (name, type) = (entry.name, entry.type)
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            var fullPath = "\(absolute)/\(name)"
            var isDirectory = type == UInt8(DT_DIR)
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                guard let target = Self.realPath(fullPath) else {
                    report(path, "broken-symlink", "the symbolic link leads nowhere", into: &result)
                    continue
                }
                if type == UInt8(DT_LNK), target != realRoot, !target.hasPrefix(realRoot + "/") {
                    report(path, "symlink-outside", "the symbolic link leads outside the content folder (to \(target)); it is not followed", into: &result)
                    continue
                }
                fullPath = target
                isDirectory = Self.isDirectory(target)
            }
            if isDirectory {
                if path.hasSuffix(".md") || path.hasSuffix(".yml"), case .entry = ContentPathClassifier.classify(path) {
                    report(path, "not-a-file", "this is a folder, but a file belongs here", into: &result)
                    continue
                }
                walk(relative: path, absolute: fullPath, realRoot: realRoot, into: &result)
                continue
            }
            switch ContentPathClassifier.classify(path) {
            case .entry(let collection, let slug, let category):
                result.files.append(DiscoveredFile(path: path, absolutePath: fullPath, collection: collection, slug: slug, category: category))
            case .asset:
                result.files.append(DiscoveredFile(path: path, absolutePath: fullPath, collection: .asset, slug: name, category: nil))
            case .unexpected(let message):
                report(path, "unexpected-file", message, into: &result)
            case .invalidSlug(let message, let suggestion):
                report(path, "invalid-slug", "\(message); did you mean '\(suggestion)'?", into: &result)
            }
        }
    }

    private func report(_ path: String, _ id: String, _ message: String, into result: inout Result) {
        result.diagnostics.append(Diagnostic(file: "\(displayRoot)/\(path)", id: id, message: message))
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
