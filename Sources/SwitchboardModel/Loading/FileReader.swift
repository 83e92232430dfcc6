#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls: no Foundation overhead per file.
public enum FileReader {
    /// The file's bytes, at most `limit + 1` of them: a caller with a limit learns that the file
    /// is too large without reading (or allocating) all of it.
    public static func read(_ path: String, limit: Int = .max) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let cap = limit == .max ? Int.max : limit + 1
        var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), cap))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 { return nil }
            if count == 0 { break }
            filled += count
            if filled >= cap { break }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
