import Foundation
import SwitchboardModel

/// What `serve` shows right now: the last good build, and the overlay while the latest
/// build failed. Requests read it from any thread; rebuilds replace it whole.
public final class PreviewSite: @unchecked Sendable {
    public struct State: Sendable {
        /// The last build that succeeded; `nil` until one has.
        public var files: (any PreviewFiles)?
        public var basePath: String
        /// The overlay's HTML while the latest build failed.
        public var overlay: String?
    }

    private let lock = NSLock()
    private var current = State(files: nil, basePath: "", overlay: nil)

    public init() {}

    public var state: State {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Serves `pages` (output path → bytes) over the last good build until the next build is
    /// applied. Refused (false) while the overlay shows or before any build succeeded: pages
    /// ahead of a build are shown only over a good one.
    public func showAhead(_ pages: [String: [UInt8]]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard current.overlay == nil, let files = current.files else { return false }
        current.files = PagesShownAhead(pages: pages, over: files)
        return true
    }

    /// Takes a build's result: its files when it succeeded, its overlay when it failed.
    /// Returns the state before and after; pages shown ahead are gone from both (a failed build
    /// serves the last good build without them).
    @discardableResult
    public func apply(_ build: PreviewBuild) -> (before: State, after: State) {
        lock.lock()
        defer { lock.unlock() }
        if let ahead = current.files as? PagesShownAhead { current.files = ahead.base }
        let before = current
        if let files = build.files {
            current.files = files
            current.overlay = nil
        } else {
            current.overlay = PreviewInjection.overlay(build.diagnostics)
        }
        if let basePath = build.basePath { current.basePath = basePath }
        return (before, current)
    }
}

/// Pages rendered ahead of a build, served over the last good build's files.
struct PagesShownAhead: PreviewFiles {
    var pages: [String: [UInt8]]
    var base: any PreviewFiles

    init(pages: [String: [UInt8]], over base: any PreviewFiles) {
        self.pages = pages
        self.base = base
    }

    subscript(path: String) -> [UInt8]? { pages[path] ?? base[path] }

    func contains(_ path: String) -> Bool { pages[path] != nil || base.contains(path) }
}
