import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SwitchboardModel

/// Watches folders by listing them every `interval` and comparing each file's size,
/// modification time and inode: for file systems without inotify (network mounts,
/// some containers), chosen with `serve --poll`.
public final class PollingWatcher: FileWatcher, @unchecked Sendable {
    public let roots: [String]
    public var interval: Double = 0.25

    struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    private let lock = NSLock()
    private var running = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    public init(roots: [String]) {
        self.roots = roots
    }

    public func start(onChange: @escaping @Sendable (WatchBatch) -> Void) throws {
        running = true
        let initial = scan()
        let thread = Thread { [self] in
            var previous = initial
            while isRunning {
                Thread.sleep(forTimeInterval: interval)
                guard isRunning else { break }
                let current = scan()
                var changed = Set<String>()
                for (path, stamp) in current where previous[path] != stamp { changed.insert(path) }
                for path in previous.keys where current[path] == nil { changed.insert(path) }
                previous = current
                if !changed.isEmpty { onChange(WatchBatch(paths: changed)) }
            }
            finished.signal()
        }
        thread.name = "switchboard polling watcher"
        self.thread = thread
        thread.start()
    }

    public func stop() {
        guard thread != nil else { return }
        lock.lock()
        running = false
        lock.unlock()
        finished.wait()
        thread = nil
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    /// Every file and folder under the roots with its stamp.
    func scan() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        func walk(_ folder: String) {
            for entry in DirectoryListing.entries(of: folder) where !WatchedPath.isEditorScratch(entry.name) {
                let path = "\(folder)/\(entry.name)"
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                stamps[path] = Stamp(size: Int64(info.st_size),
                                     modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                                     inode: UInt64(info.st_ino))
                if (info.st_mode & S_IFMT) == S_IFDIR { walk(path) }
            }
        }
        for root in roots { walk(root) }
        return stamps
    }
}
