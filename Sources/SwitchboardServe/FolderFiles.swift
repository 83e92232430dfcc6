#if canImport(Glibc)
import Glibc
#endif

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
        return Self.read(directory + "/" + path)
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

    /// The bytes of a regular file; nil for anything else (a folder, a missing file).
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        // A file that shrank while it was read (it cannot in a folder only the build writes).
        return filled == bytes.count ? bytes : Array(bytes[..<filled])
    }
}
