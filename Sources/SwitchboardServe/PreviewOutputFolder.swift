import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder in the cache folder that `serve` builds its site into (`<cache>/preview/site`),
/// held with an exclusive `flock` for as long as the server runs: a second server sharing the
/// cache folder gets nil and builds into memory instead of writing over the first one's site.
final class PreviewOutputFolder: @unchecked Sendable {
    /// The output folder the build writes and requests read.
    let site: String
    /// The output manifest beside it, so the next server knows what the folder holds.
    let manifest: String
    private let lockDescriptor: Int32

    init?(cacheDirectory: String) {
        let folder = cacheDirectory + "/preview"
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        let descriptor = open(folder + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        lockDescriptor = descriptor
        site = folder + "/site"
        manifest = folder + "/site.manifest"
    }

    deinit {
        // Closing the descriptor releases the lock.
        close(lockDescriptor)
    }
}
