#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import SwitchboardModel

/// Writes the site into a staging folder beside the output folder and
/// exchanges the two in one atomic step on commit, so the output folder never
/// disappears, not even for a moment, and a failed build leaves it as it was.
///
/// The staging folder (`.<output>.switchboard-next`) is kept between builds:
/// after a swap it holds the previous output, and the next build brings it up
/// to date in place. With a manifest (`manifestPath`, in the build cache) the
/// sink knows the hash of every file in both folders, so it writes only files
/// whose bytes differ and deletes only files that are gone; without one it
/// rewrites every file. Rewriting existing files also reuses their inodes:
/// creating and deleting ten thousand files per build made ext4 scan its
/// recently deleted inodes, which took longer than rendering.
///
/// Files are written with plain POSIX calls: Foundation's atomic writes fsync
/// each file, and durability comes from the final rename, not from syncing
/// every file.
public final class DiskSink: OutputSink, @unchecked Sendable {
    public let directory: String
    /// The reused staging folder, beside `directory`.
    public let staging: String
    /// Where the hashes of both folders' files are kept between runs (nil: only in memory).
    public let manifestPath: String?
    private let parked: String
    private let parent: String

    private var manifest: OutputManifest?
    /// The manifest being read on another core (`prepare`), taken by `begin`.
    private var manifestRead: BackgroundTask<OutputManifest>?
    /// Hashes of what the staging folder holds now; nil when unknown.
    private var staged: [String: ContentDigest]?
    private var published: [String: ContentDigest]?
    private var next: [String: ContentDigest] = [:]
    /// Files put whose bytes differ from the published ones (what `commit` reports as written).
    private var changed: [String] = []
    /// Folders the staging folder is known to hold. Those of the files it held are gathered on
    /// another core (`stagedFolders`) and taken at the first write: an edit writes a few files,
    /// and gathering them was 30 ms of a one-edit rebuild at 30,000 articles, on this thread.
    private var folders = Set<String>()
    private var stagedFolders: BackgroundTask<Set<String>>?
    /// Kept files the staging folder lacks, to copy from the output folder.
    private var copies: [String] = []

    public init(directory: String, manifestPath: String? = nil) {
        var directory = directory
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        self.directory = directory
        self.manifestPath = manifestPath
        let slash = directory.lastIndex(of: "/")
        let parent = slash.map { String(directory[...$0]) } ?? ""
        let name = slash.map { String(directory[directory.index(after: $0)...]) } ?? directory
        self.parent = parent.isEmpty ? "." : parent
        staging = "\(parent).\(name).switchboard-next"
        parked = "\(parent).\(name).switchboard-swap-\(getpid())"
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }

        /// A published file to carry over whose bytes are no longer the ones written.
        static func changedByHand(_ path: String) -> WriteError {
            WriteError(path: path, reason: "the published file changed since switchboard wrote it; build again with --no-cache")
        }
    }

    /// The file that marks a folder as written by Switchboard. An existing output
    /// or staging folder without it is never replaced or pruned: pointing
    /// `--output` at a folder of one's own must not lose its files. It also names
    /// the hash of the site it belongs to, so a manifest is trusted only for the
    /// folder it describes.
    public static let markerName = ".switchboard-output"
    static let markerText = "This folder is written by switchboard build and replaced by the next build.\n"

    /// Manifests being written on another core, by any sink: read after them (`prepare`, `begin`).
    private static let manifestWrites = DispatchGroup()

    /// Waits until every manifest a sink wrote is in its file: a process waits before it ends
    /// (`BuildSession.waitForCacheWrites`).
    public static func waitForManifestWrites() { manifestWrites.wait() }

    /// Reads the manifest on another core while the build loads, if it is not held yet: at
    /// 10,000 files it names 27,000 files, read on the build's path by `begin`.
    public func prepare() {
        guard manifest == nil, manifestRead == nil else { return }
        Self.manifestWrites.wait()
        let path = manifestPath
        manifestRead = BackgroundTask { path.flatMap(OutputManifest.read) ?? OutputManifest() }
    }

    public func begin() throws {
        // Said here, or the first error would name the hidden staging folder.
        guard Self.isDirectory(parent) else {
            throw WriteError(path: directory, reason: "the folder it goes in, \(parent), does not exist")
        }
        for folder in [directory, staging] where Self.isDirectory(folder) && !Self.isOurs(folder) {
            throw WriteError(path: folder, reason: "it exists and was not written by switchboard (it has no \(Self.markerName)); "
                + "choose a new or empty folder, or remove it yourself")
        }
        if Self.exists(directory) && !Self.isDirectory(directory) {
            throw WriteError(path: directory, reason: "it exists and is not a folder")
        }
        if let manifestRead {
            self.manifestRead = nil
            if manifest == nil { manifest = manifestRead.wait() }
        }
        if manifest == nil {
            Self.manifestWrites.wait()
            manifest = manifestPath.flatMap(OutputManifest.read) ?? OutputManifest()
        }
        let manifest = self.manifest!
        published = manifest.published.flatMap { Self.siteDigest(of: directory) == $0.digest ? $0.files : nil }
        next = [:]
        next.reserveCapacity(published?.count ?? 0)
        changed = []
        folders = []
        stagedFolders = nil
        copies = []
        if !Self.exists(staging) {
            if let slash = staging.lastIndex(of: "/") { CacheFile.makeFolders(String(staging[..<slash])) }
            try Self.makeDirectory(staging)
            staged = [:]
        } else if Self.isDirectory(staging), let tree = manifest.staging, Self.siteDigest(of: staging) == tree.digest {
            staged = tree.files
            let paths = tree.paths
            stagedFolders = BackgroundTask {
                var folders = Set<String>()
                for path in paths { Self.addParents(of: path, to: &folders) }
                return folders
            }
        } else {
            if !Self.isDirectory(staging) { Self.removeTree(staging); try Self.makeDirectory(staging) }
            staged = nil
        }
        // The marker without a site hash, before anything is written: the staging folder stays
        // recognisably ours if this build fails or is killed, and is not trusted as holding any
        // site until `commit` names one. A staging folder whose contents are known keeps its
        // marker until the first change to it: a build that publishes the same site again
        // changes nothing there, and the next build can still trust what it holds (clearing it
        // here made every edit after a no-change build rewrite all 17,000 files of a large site).
        markerCleared = false
        if staged == nil || staged?.isEmpty == true { try clearMarker() }
    }

    /// Whether this build has replaced the staging folder's marker with one naming no site.
    private var markerCleared = false

    /// Marks the staging folder as holding no known site, once per build, before its first change.
    private func clearMarker() throws {
        guard !markerCleared else { return }
        guard Self.writeFile("\(staging)/\(Self.markerName)", Array(Self.markerText.utf8)) else {
            throw WriteError(path: Self.markerName, reason: String(cString: strerror(errno)))
        }
        markerCleared = true
    }

    public func put(_ file: OutputFile, digest: ContentDigest) throws {
        record(file.path, digest)
        if let staged, staged[file.path] == digest { return }
        try write(file.path, file.bytes)
    }

    /// The bookkeeping and folders in order, then the files on all cores: on a disk most of a
    /// small file's cost is the kernel creating it, and the search index alone is ten thousand.
    public func putAll(_ files: [OutputFile], digests: [ContentDigest]) throws {
        var writes: [Int] = []
        for (index, file) in files.enumerated() {
            record(file.path, digests[index])
            if let staged, staged[file.path] == digests[index] { continue }
            writes.append(index)
        }
        guard !writes.isEmpty else { return }
        try clearMarker()
        try makeParentFolders(of: writes.map { files[$0].path })
        let staging = self.staging
        let written = writes.parallelMap { index in Self.writeFile("\(staging)/\(files[index].path)", files[index].bytes) }
        // A file that could not be written this way (a folder of an older site in its place, a
        // full disk) goes through `write`, which clears the way or says why it failed.
        for (index, ok) in zip(writes, written) where !ok { try write(files[index].path, files[index].bytes) }
    }

    /// Notes a file put, and whether its bytes differ from the published ones.
    private func record(_ path: String, _ digest: ContentDigest) {
        next[path] = digest
        // With no published site every file is written, and `commit` says so without this list.
        if let published, published[path] != digest { changed.append(path) }
    }

    public func keep(_ path: String, digest: ContentDigest) throws -> Bool {
        guard published?[path] == digest else { return false }
        next[path] = digest
        // Copied from the output folder at commit, and only if the site changed at all.
        if staged?[path] != digest { copies.append(path) }
        return true
    }

    @discardableResult public func commit() throws -> OutputChanges {
        // As many files as were published, all of them published paths (the usual rebuild): the
        // published tree's order holds, and no file went. Finding that out walks the paths once,
        // where sorting them in and looking for files that went walked them three times (40,000
        // at 30,000 articles).
        let sameTree = published != nil && next.count == published?.count
            ? manifest?.published.flatMap { OutputManifest.Tree(files: next, pathsOf: $0) } : nil
        let samePaths = sameTree != nil
        let tree = sameTree ?? OutputManifest.Tree(files: next, orderedLike: manifest?.published)
        if published != nil, manifest?.published?.digest == tree.digest {
            // The same site again: nothing to write, nothing to swap.
            staged = nil
            published = nil
            next = [:]
            return OutputChanges()
        }
        try clearMarker()
        try carryAll(copies)
        copies = []
        // Make the staging folder hold only this build's files.
        if let staged {
            var gone = Set<String>()
            for path in staged.keys where next[path] == nil {
                unlink("\(staging)/\(path)")
                Self.addParents(of: path, to: &gone)
            }
            if !gone.isEmpty {
                var wanted = Set<String>()
                for path in next.keys { Self.addParents(of: path, to: &wanted) }
                // Deepest first, so a folder is empty when its turn comes.
                for folder in gone.subtracting(wanted).sorted(by: { $0.count > $1.count }) { rmdir("\(staging)/\(folder)") }
            }
        } else {
            var wanted = Set<String>()
            for path in next.keys { Self.addParents(of: path, to: &wanted) }
            Self.prune(staging, relative: "", keepFiles: Set(next.keys).union([Self.markerName]), keepDirectories: wanted)
        }
        guard Self.writeFile("\(staging)/\(Self.markerName)", Array((Self.markerText + "site \(tree.digest)\n").utf8)) else {
            throw WriteError(path: Self.markerName, reason: String(cString: strerror(errno)))
        }
        let existed = Self.exists(directory)
        try swapIn()

        var changes = OutputChanges()
        if let published {
            var seen = Set<String>(minimumCapacity: changed.count)
            changes.written = changed.filter { seen.insert($0).inserted && published[$0] != next[$0] }
            if !samePaths { changes.removed = published.keys.filter { next[$0] == nil } }
            changes.written.sort { ByteOrder.precedes($0, $1) }
            changes.removed.sort { ByteOrder.precedes($0, $1) }
        } else {
            // Every file is new: the tree has them in byte order already (sorting them again
            // was a third of the end of a clean build's single-threaded sorting).
            changes.written = tree.paths
        }

        // The published files are the manifest's published tree (`begin` trusted them only then).
        let previous = existed && published != nil ? manifest?.published : nil
        manifest = OutputManifest(published: tree, staging: existed ? previous : OutputManifest.Tree(files: [:]))
        // Written on another core: the site is already swapped in, and 27,000 lines at 10,000
        // files held up the build's report. A manifest behind its folders' markers is not
        // trusted (`begin`), so a process killed before the write only costs a full rewrite.
        if let manifestPath, let written = manifest {
            let job = UncheckedJob { written.write(to: manifestPath) }
            DispatchQueue.global().async(group: Self.manifestWrites) { job.run() }
        }
        staged = nil
        published = nil
        next = [:]
        changed = []
        stagedFolders = nil
        return changes
    }

    /// Nothing to undo: the output was not touched, and the next build brings the staging folder up to date.
    public func discard() {
        // What the staging folder holds is no longer known, once this build has changed it.
        if markerCleared {
            manifest?.staging = nil
            Self.manifestWrites.wait()
            if let manifestPath { manifest?.write(to: manifestPath) }
        }
        next = [:]
        changed = []
        stagedFolders = nil
        copies = []
    }

    /// A kept file is the published one, byte for byte (`keep` checked its hash).
    public func keptBytes(_ path: String) -> [UInt8]? {
        FileReader.read("\(directory)/\(path)")
    }

    /// Exchanges the staging and output folders; the old output becomes the next staging folder.
    private func swapIn() throws {
        guard Self.exists(directory) else {
            guard rename(staging, directory) == 0 else { throw WriteError(path: directory, reason: String(cString: strerror(errno))) }
            return
        }
        if AtomicExchange.exchange(staging, directory) { return }
        // No RENAME_EXCHANGE (not Linux, or a file system without it): two renames,
        // with a moment between them when the output folder is missing.
        guard rename(directory, parked) == 0 else { throw WriteError(path: directory, reason: String(cString: strerror(errno))) }
        guard rename(staging, directory) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(parked, directory)
            throw WriteError(path: directory, reason: reason)
        }
        if rename(parked, staging) != 0 { Self.removeTree(parked) }
    }

    /// Puts published files into the staging folder as hard links: no bytes copied and no new
    /// inode, which on ext4 after mass deletions costs more than the copy. `writeFile` never
    /// rewrites a linked file in place. Each file is first read and checked against the hash it
    /// was published with, so an output someone changed by hand is not carried into the next
    /// site. The edit after a clean build carries over every file (40,000 at 30,000 articles),
    /// so the folders are made first and the files read, checked and linked on all cores.
    ///
    /// A file last modified before the output folder's marker was written (which `commit` writes
    /// after every file of the site, just before the swap) has not been changed since it was
    /// published, and is linked without being read: reading and hashing every file was half of
    /// the first edit after a clean build. One modified at the marker's time or later (an edit
    /// by hand, or a file written in the marker's clock tick) is read and checked as above. Like
    /// `make` and `rsync`, this trusts modification times: a file changed by hand and given
    /// back an older time is carried as it is.
    private func carryAll(_ paths: [String]) throws {
        guard !paths.isEmpty else { return }
        try makeParentFolders(of: paths)
        let directory = self.directory, staging = self.staging, next = self.next
        let markerTime = Self.modificationTime(of: "\(directory)/\(Self.markerName)")
        let carried = paths.parallelMap { path -> CarryResult in
            var untouched = false
            if let markerTime, let fileTime = Self.modificationTime(of: "\(directory)/\(path)") { untouched = Self.precedes(fileTime, markerTime) }
            guard untouched || Self.published(path, in: directory, digest: next[path]) != nil else { return .changed }
            let target = "\(staging)/\(path)"
            unlink(target)
            return link("\(directory)/\(path)", target) == 0 ? .linked : .notLinked
        }
        for (path, result) in zip(paths, carried) {
            switch result {
            case .linked: continue
            case .changed: throw WriteError.changedByHand(path)
            case .notLinked:
                // No hard links here (another file system, a limit reached): a copy, by `write`,
                // which clears the way or says why it failed. Read again rather than held: with
                // no links at all, that would be the whole site in memory.
                guard let bytes = Self.published(path, in: directory, digest: next[path]) else { throw WriteError.changedByHand(path) }
                try write(path, bytes)
            }
        }
    }

    /// When the regular file at `path` (not followed if a link) was last modified.
    static func modificationTime(of path: String) -> timespec? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return info.st_mtim
    }

    static func precedes(_ a: timespec, _ b: timespec) -> Bool {
        a.tv_sec != b.tv_sec ? a.tv_sec < b.tv_sec : a.tv_nsec < b.tv_nsec
    }

    /// The published file's bytes, if they still hash to `digest`.
    private static func published(_ path: String, in directory: String, digest: ContentDigest?) -> [UInt8]? {
        guard let bytes = FileReader.read("\(directory)/\(path)"), ContentDigest(bytes) == digest else { return nil }
        return bytes
    }

    private enum CarryResult: Sendable {
        case linked, changed, notLinked
    }

    private func write(_ path: String, _ bytes: [UInt8]) throws {
        try clearMarker()
        try makeParentFolders(of: [path])
        let absolute = "\(staging)/\(path)"
        if Self.writeFile(absolute, bytes) { return }
        // A folder left from an older site is in the way; one of this build's is a conflict.
        if errno == EISDIR, !next.keys.contains(where: { $0.hasPrefix(path + "/") }) {
            Self.removeTree(absolute)
            if Self.writeFile(absolute, bytes) { return }
        }
        throw WriteError(path: path, reason: String(cString: strerror(errno)))
    }

    /// The folders the files at `paths` go in that this build has not made yet, made a level at
    /// a time, a level of many on all cores: a clean build makes a folder per page (7,500 at
    /// 10,000 files), and so does the first edit after one, which carries every file over; on a
    /// disk a `mkdir` costs about what writing the page does, and one at a time on this thread
    /// it kept a core waiting on the kernel.
    private func makeParentFolders(of paths: [String]) throws {
        takeStagedFolders()
        var levels: [[String]] = []
        for path in paths {
            guard let slash = path.lastIndex(of: "/"), !folders.contains(String(path[..<slash])) else { continue }
            var folder = ""
            for (depth, part) in path[..<slash].split(separator: "/").enumerated() {
                folder = folder.isEmpty ? String(part) : "\(folder)/\(part)"
                guard folders.insert(folder).inserted else { continue }
                while levels.count <= depth { levels.append([]) }
                levels[depth].append(folder)
            }
        }
        let staging = self.staging
        for level in levels {
            guard level.count >= 32 else {
                for folder in level { try makeFolder(folder) }
                continue
            }
            let made = level.parallelMap { folder in
                let absolute = "\(staging)/\(folder)"
                return mkdir(absolute, 0o755) == 0 || (errno == EEXIST && Self.isDirectory(absolute))
            }
            // A folder that could not simply be made (a file of an older site in its place) is
            // made again here, which clears the way or says why it cannot.
            for (folder, ok) in zip(level, made) where !ok { try makeFolder(folder) }
        }
    }

    /// The staging folder's folders, gathered on another core at `begin`, taken into `folders`.
    private func takeStagedFolders() {
        guard let stagedFolders else { return }
        self.stagedFolders = nil
        let known = stagedFolders.take()
        if folders.isEmpty { folders = known } else { folders.formUnion(known) }
    }

    /// Creates one folder whose parent exists, replacing a file in the way.
    private func makeFolder(_ path: String) throws {
        let absolute = "\(staging)/\(path)"
        if mkdir(absolute, 0o755) != 0 {
            guard errno == EEXIST else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
            if !Self.isDirectory(absolute) {
                guard next[path] == nil else { throw WriteError(path: path, reason: "this build writes both a file and a folder here") }
                unlink(absolute)
                try Self.makeDirectory(absolute)
            }
        }
    }

    static func addParents(of path: String, to set: inout Set<String>) {
        var end = path.endIndex
        while let slash = path[..<end].lastIndex(of: "/") {
            if !set.insert(String(path[..<slash])).inserted { return }
            end = slash
        }
    }

    /// The site hash named by a folder's marker file.
    static func siteDigest(of folder: String) -> ContentDigest? {
        guard let bytes = FileReader.read("\(folder)/\(markerName)") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let range = text.range(of: "\nsite ") else { return nil }
        return ContentDigest(hex: text[range.upperBound...].prefix(32))
    }

    /// Deletes what is not wanted under `path`.
    private static func prune(_ root: String, relative: String, keepFiles: Set<String>, keepDirectories: Set<String>) {
        let absolute = relative.isEmpty ? root : "\(root)/\(relative)"
        for name in entries(of: absolute) {
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            var info = stat()
            guard lstat("\(root)/\(path)", &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if keepDirectories.contains(path) {
                    prune(root, relative: path, keepFiles: keepFiles, keepDirectories: keepDirectories)
                } else {
                    removeTree("\(root)/\(path)")
                }
            } else if !keepFiles.contains(path) {
                unlink("\(root)/\(path)")
            }
        }
    }

    /// Empty, or marked as a Switchboard output.
    static func isOurs(_ folder: String) -> Bool {
        exists("\(folder)/\(markerName)") || entries(of: folder).isEmpty
    }

    static func exists(_ path: String) -> Bool { FileReader.exists(path) }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Writes a file, reusing its inode when it exists; a file with other links (one carried
    /// over from the published folder, `carry`) is replaced instead, or the published copy
    /// would change with it.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        var descriptor = open(path, O_WRONLY | O_CREAT, 0o644)
        guard descriptor >= 0 else { return false }
        var info = stat()
        // What the file held before: its bytes past the new length are cut after writing.
        var held = Int.max
        if fstat(descriptor, &info) == 0 {
            held = Int(info.st_size)
            if info.st_nlink > 1 {
                close(descriptor)
                unlink(path)
                descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                guard descriptor >= 0 else { return false }
                held = 0
            }
        }
        defer { close(descriptor) }
        let wrote = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
        // A longer file already there is cut to the new length after writing, not emptied
        // first: ext4 (with its default `auto_da_alloc`) takes a file truncated to nothing and
        // written again for one being replaced, and writes it back to the disk as it is closed,
        // on the closing thread. Truncating every file, new ones included, had cost a clean
        // build on ext4 a fifth of its time.
        guard wrote, held > bytes.count else { return wrote }
        return ftruncate(descriptor, off_t(bytes.count)) == 0
    }

    static func entries(of path: String) -> [String] {
        DirectoryListing.entries(of: path).map(\.name)
    }

    /// Removes a folder and everything in it (no error if it is not there).
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            unlink(path)
            return
        }
        for name in entries(of: path) { removeTree("\(path)/\(name)") }
        rmdir(path)
    }
}
