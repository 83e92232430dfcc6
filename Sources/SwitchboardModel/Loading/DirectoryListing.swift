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

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    /// Every entry but `.` and `..`, in the order the file system gives; empty when the folder cannot be read.
    public static func entries(of path: String) -> [Entry] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            // The record is read through its address, never copied whole: `readdir` packs records
            // to the length of their names, so the full `dirent` (a 256-byte name) can run past
            // the end of the buffer it sits in. Copying `entry.pointee` crashed `serve` once, on
            // a record at the end of a page.
            let record = UnsafeRawPointer(entry)
            let name = String(cString: record.advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self))
            let type = record.load(fromByteOffset: Self.typeOffset, as: UInt8.self)
            if name != "." && name != ".." { entries.append(Entry(name: name, type: type)) }
        }
        return entries
    }
}
