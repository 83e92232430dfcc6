#if canImport(Glibc)
import Glibc
#endif
import SwitchboardModel

/// Where the build cache keeps its files. One cache folder can serve several
/// output folders: each has its own files, named by a hash of its absolute path.
public enum BuildCache {
    /// The output manifest (`DiskSink`) of the output folder `output`.
    public static func outputManifestPath(in cache: String, for output: String) -> String {
        "\(cache)/output-\(key(for: output)).manifest"
    }

    static func key(for output: String) -> String {
        var absolute = output
        if !absolute.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if getcwd(&buffer, buffer.count) != nil {
                absolute = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + output
            }
        }
        while absolute.count > 1 && absolute.hasSuffix("/") { absolute.removeLast() }
        return String(ContentDigest(Array(absolute.utf8)).description.prefix(16))
    }
}
