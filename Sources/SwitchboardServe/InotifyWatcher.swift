#if os(Linux)
import Foundation
import Glibc
import SwitchboardModel

/// Watches folders with Linux's inotify: one watch per folder, added for new folders as
/// they appear. Editors' write-to-temp-then-rename saves arrive as `IN_MOVED_TO` on the
/// real name; their scratch files are ignored. When the kernel's queue overflows, every
/// folder is watched and scanned again and the batch says `rescanned`.
public final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    public let roots: [String]
    /// How long the folders must stay quiet before a batch is delivered; a save's burst
    /// of events (temp file, rename, attributes) lands in one batch.
    public var quietPeriod: Int32 = 8
    /// A batch is delivered at the latest this long after its first event.
    public var longestWait: Double = 0.1

    private var descriptor: Int32 = -1
    private var wakePipe: [Int32] = [-1, -1]
    private var folders: [Int32: String] = [:]
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                             | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)

    public init(roots: [String]) {
        self.roots = roots
    }

    public struct StartError: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "cannot watch files: \(reason)" }
    }

    public func start(onChange: @escaping @Sendable (WatchBatch) -> Void) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw StartError(reason: String(cString: strerror(errno))) }
        guard pipe(&wakePipe) == 0 else { throw StartError(reason: String(cString: strerror(errno))) }
        for root in roots { _ = watchTree(root) }
        let thread = Thread { [self] in
            run(onChange)
            finished.signal()
        }
        thread.name = "switchboard inotify"
        self.thread = thread
        thread.start()
    }

    public func stop() {
        guard thread != nil else { return }
        var byte: UInt8 = 1
        _ = write(wakePipe[1], &byte, 1)
        finished.wait()
        thread = nil
        close(descriptor)
        close(wakePipe[0])
        close(wakePipe[1])
    }

    /// Watches `folder` and every folder below it; returns the files found, so that files
    /// created in a new folder before its watch existed are not missed.
    private func watchTree(_ folder: String) -> [String] {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { return [] }
        folders[watch] = folder
        var found: [String] = []
        for entry in DirectoryListing.entries(of: folder) where !WatchedPath.isEditorScratch(entry.name) {
            let path = "\(folder)/\(entry.name)"
            if isFolder(path) {
                found.append(path)
                found += watchTree(path)
            } else {
                found.append(path)
            }
        }
        return found
    }

    private func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func run(_ onChange: @Sendable (WatchBatch) -> Void) {
        var batch = WatchBatch(paths: [])
        var firstEvent: Double?
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var polls = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                         pollfd(fd: wakePipe[0], events: Int16(POLLIN), revents: 0)]
            let timeout: Int32 = firstEvent == nil ? -1 : quietPeriod
            let ready = poll(&polls, 2, timeout)
            if ready < 0 && errno == EINTR { continue }
            if polls[1].revents != 0 { return }
            if ready > 0 && polls[0].revents != 0 {
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 {
                    parse(buffer, count: count, into: &batch)
                    if firstEvent == nil { firstEvent = Self.seconds() }
                }
            }
            guard let started = firstEvent else { continue }
            if ready == 0 || Self.seconds() - started >= longestWait {
                if !batch.paths.isEmpty || batch.rescanned { onChange(batch) }
                batch = WatchBatch(paths: [])
                firstEvent = nil
            }
        }
    }

    private func parse(_ buffer: [UInt8], count: Int, into batch: inout WatchBatch) {
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)].prefix { $0 != 0 }
            offset += headerSize + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                for root in roots { batch.paths.formUnion(watchTree(root)) }
                batch.rescanned = true
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[watch] = nil
                continue
            }
            guard let folder = folders[watch] else { continue }
            if nameBytes.isEmpty {
                // The watched folder itself was deleted or moved.
                if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { batch.paths.insert(folder) }
                continue
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if WatchedPath.isEditorScratch(name) { continue }
            let path = "\(folder)/\(name)"
            batch.paths.insert(path)
            if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                batch.paths.formUnion(watchTree(path))
            }
        }
    }

    private static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
#endif
