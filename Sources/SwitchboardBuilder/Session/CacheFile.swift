#if canImport(Glibc)
import Glibc
#endif
import SwitchboardModel

/// Files in the build cache: written beside their place and renamed, so an
/// interrupted build leaves the old file or the new one, never half of one.
enum CacheFile {
    static func write(_ path: String, _ bytes: [UInt8]) {
        if let slash = path.lastIndex(of: "/") { makeFolders(String(path[..<slash])) }
        let temporary = "\(path).\(getpid()).tmp"
        guard DiskSink.writeFile(temporary, bytes) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Writes what `produce` hands its output, piece by piece, beside `path`, then renames it
    /// over `path` (or over `path` + `alternateSuffix` when `produce` returns true).
    static func stream(_ path: String, alternateSuffix: String = "", _ produce: (@escaping ([UInt8]) -> Void) -> Bool) -> Bool {
        if let slash = path.lastIndex(of: "/") { makeFolders(String(path[..<slash])) }
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        let failed = Flag()
        let alternate = produce { piece in
            guard !failed.value else { return }
            piece.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { failed.value = true; return }
                    offset += written
                }
            }
        }
        close(descriptor)
        let target = alternate ? path + alternateSuffix : path
        if failed.value || rename(temporary, target) != 0 {
            unlink(temporary)
            return false
        }
        return alternate
    }

    private final class Flag: @unchecked Sendable { var value = false }

    static func read(_ path: String) -> [UInt8]? { FileReader.read(path) }

    static func remove(_ path: String) { unlink(path) }

    static func makeFolders(_ folder: String) {
        var path = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            path += "/\(part)"
            mkdir(path, 0o755)
        }
    }
}
