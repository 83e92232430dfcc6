#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of a folder, read with POSIX calls.
public enum DirectoryListing {
    public struct Entry: Sendable {
        public var name: String
        /// `d_type`: `DT_DIR`, `DT_REG`, `DT_LNK` or `DT_UNKNOWN`.
        public var type: UInt8
    }

    /// Every entry but `.` and `..`, in the order the file system gives; empty when the folder cannot be read.
    public static func entries(of path: String) -> [Entry] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { entries.append(Entry(name: name, type: entry.pointee.d_type)) }
        }
        return entries
    }
}
