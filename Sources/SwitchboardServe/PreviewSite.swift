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

    /// Takes a build's result: its files when it succeeded, its overlay when it failed.
    /// Returns the state before and after.
    @discardableResult
    public func apply(_ build: PreviewBuild) -> (before: State, after: State) {
        lock.lock()
        defer { lock.unlock() }
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
