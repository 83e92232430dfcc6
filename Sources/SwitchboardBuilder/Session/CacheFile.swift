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
