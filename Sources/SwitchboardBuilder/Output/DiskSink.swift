#if canImport(Glibc)
import Glibc
#endif
import SwitchboardModel

/// Writes the site into a staging folder beside the output folder and swaps
/// the two with renames on commit, so a failed build leaves the output as it was.
///
/// The staging folder (`.<output>.switchboard-next`) is kept between builds:
/// after a swap it holds the previous output, and the next build rewrites it
/// in place, deleting only files that are gone. Creating and deleting ten
/// thousand files and folders on every build made ext4 scan its recently
/// deleted inodes for each new one, which took more time than rendering;
/// rewriting existing files reuses their inodes.
///
/// Files are written with plain POSIX calls: Foundation's atomic writes fsync
/// each file, and durability comes from the final rename, not from syncing
/// every file.
public final class DiskSink: OutputSink, @unchecked Sendable {
    public let directory: String
    /// The reused staging folder, beside `directory`.
    public let staging: String
    private let parked: String
    private let parent: String
    /// Whether this sink has written into the staging folder (so `discard` may remove it).
    private var wroteStaging = false

    public init(directory: String) {
        var directory = directory
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        self.directory = directory
        let slash = directory.lastIndex(of: "/")
        let parent = slash.map { String(directory[...$0]) } ?? ""
        let name = slash.map { String(directory[directory.index(after: $0)...]) } ?? directory
        self.parent = parent.isEmpty ? "." : parent
        staging = "\(parent).\(name).switchboard-next"
        parked = "\(parent).\(name).switchboard-swap-\(getpid())"
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// The file that marks a folder as written by Switchboard. An existing output
    /// or staging folder without it is never replaced or pruned: pointing
    /// `--output` at a folder of one's own must not lose its files.
    public static let markerName = ".switchboard-output"
    static let markerText = "This folder is written by switchboard build and replaced by the next build.\n"

    public func write(_ files: [OutputFile]) throws {
        // Said here, or the first error would name the hidden staging folder.
        guard Self.isDirectory(parent) else {
            throw WriteError(path: directory, reason: "the folder it goes in, \(parent), does not exist")
        }
        for folder in [directory, staging] where Self.isDirectory(folder) && !Self.isOurs(folder) {
            throw WriteError(path: folder, reason: "it exists and was not written by switchboard (it has no \(Self.markerName)); "
                + "choose a new or empty folder, or remove it yourself")
        }
        if Self.exists(directory) && !Self.isDirectory(directory) {
            throw WriteError(path: directory, reason: "it exists and is not a folder")
        }
        let files = files + [OutputFile(path: Self.markerName, text: Self.markerText)]
        var wantedDirectories = Set<String>()
        for file in files {
            var parts = file.path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                wantedDirectories.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        let wantedFiles = Set(files.map(\.path))
        var existing = Set<String>()
        wroteStaging = true
        if Self.isDirectory(staging) {
            // Make the staging folder hold only what this build writes.
            Self.prune(staging, relative: "", keepFiles: wantedFiles, keepDirectories: wantedDirectories, existing: &existing)
        } else {
            Self.removeTree(staging)
            try Self.makeDirectory(staging)
        }
        // In byte order a folder comes before everything inside it.
        for directory in wantedDirectories.subtracting(existing).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            try Self.makeDirectory("\(staging)/\(directory)")
        }
        // One thread: creating files in parallel makes the threads queue on the
        // kernel's directory locks, which measured no faster than writing in order.
        for file in files where !Self.writeFile("\(staging)/\(file.path)", file.bytes) {
            throw WriteError(path: file.path, reason: String(cString: strerror(errno)))
        }
    }

    public func commit() throws {
        guard Self.exists(directory) else {
            guard rename(staging, directory) == 0 else { throw WriteError(path: directory, reason: String(cString: strerror(errno))) }
            return
        }
        guard rename(directory, parked) == 0 else { throw WriteError(path: directory, reason: String(cString: strerror(errno))) }
        guard rename(staging, directory) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(parked, directory)
            throw WriteError(path: directory, reason: reason)
        }
        // The previous output becomes the next build's staging folder.
        if rename(parked, staging) != 0 { Self.removeTree(parked) }
    }

    /// Removes what a failed build wrote into the staging folder; the output was not touched.
    /// A staging folder this sink did not write into (one of the user's own) is left alone.
    public func discard() {
        if wroteStaging { Self.removeTree(staging) }
        wroteStaging = false
    }

    /// Deletes what is not wanted under `path`, and notes the folders that stay.
    private static func prune(_ root: String, relative: String, keepFiles: Set<String>, keepDirectories: Set<String>,
                              existing: inout Set<String>) {
        let absolute = relative.isEmpty ? root : "\(root)/\(relative)"
        for name in entries(of: absolute) {
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            var info = stat()
            guard lstat("\(root)/\(path)", &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if keepDirectories.contains(path) {
                    existing.insert(path)
                    prune(root, relative: path, keepFiles: keepFiles, keepDirectories: keepDirectories, existing: &existing)
                } else {
                    removeTree("\(root)/\(path)")
                }
            } else if !keepFiles.contains(path) {
                unlink("\(root)/\(path)")
            }
        }
    }

    /// Empty, or marked as a Switchboard output.
    static func isOurs(_ folder: String) -> Bool {
        exists("\(folder)/\(markerName)") || entries(of: folder).isEmpty
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
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

    static func entries(of path: String) -> [String] {
        DirectoryListing.entries(of: path).map(\.name)
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
