import Foundation
import SwitchboardModel

/// What `serve` shows right now: the last good build, pages rendered ahead of the next build
/// over it, and the overlay while the latest build failed. Requests read it from any thread;
/// rebuilds replace it whole.
public final class PreviewSite: @unchecked Sendable {
    public struct State: Sendable {
        /// The last build that succeeded (with any pages shown ahead over it); `nil` until one has.
        public var files: (any PreviewFiles)?
        public var basePath: String
        /// The overlay's HTML while the latest build failed.
        public var overlay: String?
    }

    /// What applying a build did.
    public struct Applied: Sendable {
        /// The state before and after, without pages shown ahead.
        public var before: State
        public var after: State
        /// Pages that were shown ahead and are now the build's own: what open tabs were sent.
        public var replacedAhead: [String: [UInt8]] = [:]
        /// Pages shown ahead after the build had started, still shown over it until the next build.
        public var stillAhead: Set<String> = []
    }

    private let lock = NSLock()
    private var current = State(files: nil, basePath: "", overlay: nil)
    /// The last good build, under the pages shown ahead.
    private var built: (any PreviewFiles)?
    /// Pages shown ahead, with the number of the showing that put them there.
    private var ahead: [String: (bytes: [UInt8], showing: Int)] = [:]
    private var showings = 0

    public init() {}

    public var state: State {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// How many times pages were shown ahead: a build that starts now reads files at least as
    /// new as every page shown so far.
    public var aheadShowings: Int {
        lock.lock()
        defer { lock.unlock() }
        return showings
    }

    /// Serves `pages` (output path → bytes) over the last good build until a build that started
    /// after this call is applied. Refused (false) while the overlay shows or before any build
    /// succeeded: pages ahead of a build are shown only over a good one.
    public func showAhead(_ pages: [String: [UInt8]]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard current.overlay == nil, let built else { return false }
        showings += 1
        for (path, bytes) in pages { ahead[path] = (bytes, showings) }
        current.files = PagesShownAhead(pages: ahead.mapValues(\.bytes), over: built)
        return true
    }

    /// Takes a build's result: its files when it succeeded, its overlay when it failed.
    ///
    /// Pages shown ahead up to showing `aheadShownBefore` (``aheadShowings`` when the build
    /// started) are replaced by the build's; later ones were rendered from files the build may
    /// not have read, and stay over it until the next. A failed build drops them all: the last
    /// good build is served under the overlay.
    @discardableResult
    public func apply(_ build: PreviewBuild, aheadShownBefore: Int = .max) -> Applied {
        lock.lock()
        defer { lock.unlock() }
        current.files = built
        var applied = Applied(before: current, after: current)
        if let files = build.files {
            built = files
            current.overlay = nil
            for (path, page) in ahead where page.showing <= aheadShownBefore {
                applied.replacedAhead[path] = page.bytes
                ahead[path] = nil
            }
        } else {
            current.overlay = PreviewInjection.overlay(build.diagnostics)
            ahead = [:]
        }
        if let basePath = build.basePath { current.basePath = basePath }
        current.files = built
        applied.after = current
        if let built, !ahead.isEmpty {
            current.files = PagesShownAhead(pages: ahead.mapValues(\.bytes), over: built)
            applied.stillAhead = Set(ahead.keys)
        }
        return applied
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
