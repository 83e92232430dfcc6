#if canImport(Glibc)
import Glibc
#endif
import SwitchboardModel

/// One hash of everything a build reads: every content file's path and bytes,
/// every template and asset, the options (clock, base URL, strictness, commit
/// dates) and the program itself. When it equals the last build's, nothing
/// needs building.
enum InputFingerprint {
    static func compute(_ configuration: BuildConfiguration, discovered: ContentDiscovery.Result, commitDates: [String: Day]) -> ContentDigest {
        var hasher = ContentHasher()
        hasher.add(programIdentity)
        hasher.add(configuration.contentDirectory)
        hasher.add(configuration.templatesDirectory)
        hasher.add(configuration.failsOnWarnings ? 1 : 0)
        hasher.add(configuration.loadOptions.now.description)
        hasher.add(configuration.loadOptions.baseURL ?? "\u{0}")
        for (path, day) in commitDates.sorted(by: { $0.key < $1.key }) {
            hasher.add(path)
            hasher.add(day.description)
        }
        hasher.add(discovered.diagnostics.count)
        for file in discovered.files {
            hasher.add(file.path)
            hasher.add(file.absolutePath)
            hasher.add(FileReader.read(file.absolutePath).map { ContentDigest($0) } ?? ContentDigest(high: 0, low: 0))
        }
        addFolder(configuration.templatesDirectory, to: &hasher)
        addFolder(configuration.templatesDirectory + "/assets", to: &hasher)
        return hasher.finish()
    }

    private static func addFolder(_ folder: String, to hasher: inout ContentHasher) {
        for entry in DirectoryListing.entries(of: folder).sorted(by: { $0.name < $1.name }) {
            hasher.add(entry.name)
            if let bytes = FileReader.read("\(folder)/\(entry.name)") { hasher.add(ContentDigest(bytes)) }
        }
    }

    /// The running program's inode, size and modification time: a rebuilt
    /// `switchboard` may render differently, so it invalidates the cache.
    static let programIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
