#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls: no Foundation overhead per file.
public enum FileReader {
    /// `count` bytes of an open file from `offset` (`pread`, so many threads may read one
    /// descriptor at once); nil when fewer can be read.
    public static func read(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                done += got
            }
            complete = done == count
            initialized = done
        }
        return complete ? bytes : nil
    }

    /// Whether anything (a file, a folder, a link) is at `path` now.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The file's bytes, at most `limit + 1` of them: a caller with a limit learns that the file
    /// is too large without reading (or allocating) all of it.
    public static func read(_ path: String, limit: Int = .max) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let cap = limit == .max ? Int.max : limit + 1
        // Sized from fstat, so the common case is one allocation of exactly the file's size;
        // the file may still grow while it is read, which the probe below notices.
        // Read into uninitialised room: zero-filling it first cost a second pass over every page
        // of a large file (the search index's pieces, 670 KB each, are read back on every edit).
        let size = min(Int(info.st_size), cap)
        var failed = false
        // Files of /proc say they are empty and are read by the probe below. Asking for no room
        // at all would have the standard library write the count of its shared empty array,
        // which ThreadSanitizer reports as a race between two threads reading such files.
        var bytes = size == 0 ? [] : [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failed = true; break }
                if count == 0 { break }
                filled += count
            }
            initialized = filled
        }
        if failed { return nil }
        if bytes.count < size { return bytes }
        var probe = [UInt8](repeating: 0, count: 4096)
        while bytes.count < cap {
            let count = probe.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: probe[..<count])
        }
        if bytes.count > cap { bytes.removeSubrange(cap...) }
        return bytes
    }
}
