#if canImport(Glibc)
import Glibc
#endif
import SwitchboardModel

/// A built site in an output folder, read file by file as requests come: `serve` with a cache
/// folder builds there instead of into memory, so the server neither holds every page nor
/// renders them all again when it starts next time.
///
/// Paths come from ``RequestPath``, which already refuses `..` and encoded traversal; they are
/// checked again here, so that nothing outside the folder is ever opened.
public struct FolderFiles: PreviewFiles {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public subscript(path: String) -> [UInt8]? {
        guard Self.isInside(path) else { return nil }
        // A folder or a missing file reads as nil.
        return FileReader.read(directory + "/" + path)
    }

    public func contains(_ path: String) -> Bool {
        guard Self.isInside(path) else { return false }
        var status = stat()
        return stat(directory + "/" + path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// A relative path with no empty, `.` or `..` segment and no NUL.
    static func isInside(_ path: String) -> Bool {
        guard !path.isEmpty, !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
