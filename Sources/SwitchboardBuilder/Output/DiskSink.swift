#if canImport(Glibc)
import Glibc
#endif
import SwitchboardModel

/// Writes the site into a staging folder beside the output folder and swaps
/// it in with a rename on commit, so a failed build leaves the output as it was.
///
/// Files are written with plain POSIX calls: Foundation's atomic writes fsync
/// each file, which makes a 10,000-page build twice as slow, and durability
/// comes from the final rename, not from syncing every file.
public final class DiskSink: OutputSink, @unchecked Sendable {
    public let directory: String
    private let staging: String
    private let previous: String

    public init(directory: String) {
        var directory = directory
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        self.directory = directory
        let pid = getpid()
        staging = "\(directory).switchboard-new-\(pid)"
        previous = "\(directory).switchboard-old-\(pid)"
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public func write(_ files: [OutputFile]) throws {
        Self.removeTree(staging)
        try Self.makeDirectory(staging)
        var directories = Set<String>()
        for file in files {
            var parts = file.path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                directories.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        for directory in directories.sorted(by: { $0.count < $1.count || ($0.count == $1.count && $0 < $1) }) {
            try Self.makeDirectory("\(staging)/\(directory)")
        }
        // One thread: creating files in parallel makes the threads queue on the
        // kernel's directory locks, which measured slower than writing in order.
        for file in files where !Self.writeFile("\(staging)/\(file.path)", file.bytes) {
            throw WriteError(path: file.path, reason: String(cString: strerror(errno)))
        }
    }

    public func commit() throws {
        var info = stat()
        let exists = lstat(directory, &info) == 0
        if exists, rename(directory, previous) != 0 {
            throw WriteError(path: directory, reason: String(cString: strerror(errno)))
        }
        if rename(staging, directory) != 0 {
            let reason = String(cString: strerror(errno))
            if exists { _ = rename(previous, directory) }
            throw WriteError(path: directory, reason: reason)
        }
        if exists { Self.removeTreeInParallel(previous) }
    }

    /// Removes the previous output with one thread per top-level entry group:
    /// unlinking in different folders does not contend for the same directory lock.
    static func removeTreeInParallel(_ path: String) {
        let entries = Self.entries(of: path).map { "\(path)/\($0)" }
        _ = entries.parallelMap { entry -> Bool in
            removeTree(entry)
            return true
        }
        rmdir(path)
    }

    static func entries(of path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func discard() {
        Self.removeTree(staging)
    }

    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Removes a folder and everything in it (no error if it is not there).
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            unlink(path)
            return
        }
        for name in entries(of: path) { removeTree("\(path)/\(name)") }
        rmdir(path)
    }
}
