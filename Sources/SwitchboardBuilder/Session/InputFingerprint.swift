#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SwitchboardModel

/// One hash of everything a build reads: every content file's path and bytes,
/// every template and asset, the options (clock, base URL, strictness, commit
/// dates, or the state of the git checkout they come from) and the program itself. When it equals the last build's, nothing
/// needs building.
public enum InputFingerprint {
    /// The fingerprint, the hash of each content file's bytes by absolute path (for the parse
    /// cache), and one hash of the templates folder and its assets (everything `TemplateSet.load`
    /// reads, and its path). `fileDigests` remembers the hashes under the files' stamps between builds.
    static func compute(_ configuration: BuildConfiguration, discovered: ContentDiscovery.Result, fileDigests: FileDigests)
        -> (fingerprint: ContentDigest, files: [String: ContentDigest], templates: ContentDigest) {
        var hasher = ContentHasher()
        hasher.add(configuration.programIdentity)
        hasher.add(configuration.contentDirectory)
        hasher.add(configuration.templatesDirectory)
        hasher.add(configuration.failsOnWarnings ? 1 : 0)
        hasher.add(configuration.compilesTemplates ? 1 : 0)
        hasher.add(configuration.loadOptions.now.description)
        hasher.add(configuration.loadOptions.baseURL ?? "\u{0}")
        // Commit dates fill in articles' "updated": they change only with the checkout.
        hasher.add(configuration.loadOptions.readsGitDates ? GitState.identity(of: configuration.contentDirectory) : "")
        for (path, day) in configuration.loadOptions.commitDates.sorted(by: { $0.key < $1.key }) {
            hasher.add(path)
            hasher.add(day.description)
        }
        hasher.add(discovered.diagnostics.count)
        // Only files whose stamp changed are read and hashed, on all cores.
        let digests = fileDigests.digests(of: discovered.files.map(\.absolutePath))
        var files: [String: ContentDigest] = [:]
        files.reserveCapacity(digests.count)
        for (file, digest) in zip(discovered.files, digests) {
            hasher.add(file.path)
            hasher.add(file.absolutePath)
            hasher.add(digest ?? ContentDigest(high: 0, low: 0))
            if let digest { files[file.absolutePath] = digest }
        }
        let templatesDigest = templatesDigest(configuration.templatesDirectory)
        hasher.add(templatesDigest)
        return (hasher.finish(), files, templatesDigest)
    }

    /// The hash of a templates folder and its assets: everything `TemplateSet.load` reads.
    static func templatesDigest(_ directory: String) -> ContentDigest {
        var templates = ContentHasher()
        templates.add(directory)
        addFolder(directory, to: &templates)
        addFolder(directory + "/assets", to: &templates)
        return templates.finish()
    }

    private static func addFolder(_ folder: String, to hasher: inout ContentHasher) {
        for entry in DirectoryListing.entries(of: folder).sorted(by: { $0.name < $1.name }) {
            hasher.add(entry.name)
            if let bytes = FileReader.read("\(folder)/\(entry.name)") { hasher.add(ContentDigest(bytes)) }
        }
    }

    /// The running program's inode, size and modification time: a rebuilt
    /// `switchboard` may render differently, so it invalidates the cache.
    public static let programIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}

/// What changes whenever the commit dates of a checkout can: its HEAD, index and
/// reflog, read as files. Cheaper than running `git log` when nothing changed.
enum GitState {
    static func identity(of directory: String) -> String {
        guard let resolved = realpath(directory, nil) else { return "none" }
        var folder = String(cString: resolved)
        free(resolved)
        while true {
            let dotGit = folder + "/.git"
            var gitDirectory: String?
            if DiskSink.isDirectory(dotGit) {
                gitDirectory = dotGit
            } else if let bytes = FileReader.read(dotGit) {
                // A worktree: ".git" is a file naming the real folder.
                let text = String(decoding: bytes, as: UTF8.self)
                if text.hasPrefix("gitdir: ") {
                    let path = text.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
                    gitDirectory = path.hasPrefix("/") ? path : folder + "/" + path
                }
            }
            if let gitDirectory {
                var parts = [String(decoding: FileReader.read(gitDirectory + "/HEAD") ?? [], as: UTF8.self)]
                for file in ["index", "logs/HEAD"] {
                    var info = stat()
                    if stat("\(gitDirectory)/\(file)", &info) == 0 {
                        parts.append("\(file):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
                    }
                }
                return parts.joined(separator: "\n")
            }
            guard let slash = folder.lastIndex(of: "/"), folder != "/" else { return "none" }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }
}
