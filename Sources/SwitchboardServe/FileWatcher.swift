/// Changes seen under the watched folders, gathered over a short quiet period.
public struct WatchBatch: Sendable, Equatable {
    /// Absolute paths of files (and folders) that were created, written, renamed or deleted.
    public var paths: Set<String>
    /// Events were lost (the kernel's queue overflowed) and the folders were scanned
    /// again: treat everything as changed.
    public var rescanned: Bool

    public init(paths: Set<String>, rescanned: Bool = false) {
        self.paths = paths
        self.rescanned = rescanned
    }
}

/// Watches folders recursively and reports batches of changes on its own thread.
public protocol FileWatcher: AnyObject, Sendable {
    /// Starts watching; `onChange` is called on the watcher's thread, one batch at a time.
    func start(onChange: @escaping @Sendable (WatchBatch) -> Void) throws
    /// Stops watching and waits for the watcher's thread to end.
    func stop()
}

/// The best watcher for this system: inotify on Linux, else polling.
public enum FileWatchers {
    public static func make(roots: [String], polling: Bool = false) -> any FileWatcher {
        #if os(Linux)
        if !polling { return InotifyWatcher(roots: roots) }
        #endif
        return PollingWatcher(roots: roots)
    }
}
