import Foundation
import SwitchboardModel

/// One `serve` run's rebuild loop: builds through a ``PreviewBuilder``, updates the
/// ``PreviewSite`` that requests read, decides what open pages are told and tells them.
/// Builds run one at a time, whichever thread asks (the watcher's saves, the clock, the warm-up);
/// pages rendered ahead are shown without waiting for a build that is running.
public final class PreviewSession: @unchecked Sendable {
    public let builder: any PreviewBuilder
    public let site: PreviewSite
    public let hub: LiveReloadHub
    /// The build clock: fixed with `--now`, else the current time.
    private let clock: @Sendable () -> Instant
    private let lock = NSLock()

    /// What one rebuild did, for the terminal.
    public struct Outcome: Sendable {
        public var build: PreviewBuild
        /// Outputs added, removed or changed since the last good build.
        public var changedOutputs: Int
        public var messages: [LiveReloadMessage]
        public var seconds: Double
        /// Whether the build failed or recovered (the overlay appeared, changed or went).
        public var overlayChanged: Bool
        /// Pages shown before the build ran (see ``PreviewBuilder/renderAhead(changedPaths:now:)``),
        /// and after how many seconds.
        public var pagesShownAhead = 0
        public var secondsToPagesAhead: Double?
    }

    public init(builder: any PreviewBuilder, site: PreviewSite = PreviewSite(), hub: LiveReloadHub = LiveReloadHub(),
                clock: @escaping @Sendable () -> Instant) {
        self.builder = builder
        self.site = site
        self.hub = hub
        self.clock = clock
    }

    /// Rebuilds after `changedPaths` changed (none: the clock moved, or the first build),
    /// and sends open pages what they need. Edited pages that can be rendered ahead are shown
    /// (and their tabs told) before the build runs.
    @discardableResult
    public func rebuild(changedPaths: Set<String> = []) -> Outcome {
        let started = DispatchTime.now().uptimeNanoseconds
        let ahead = showAhead(changedPaths, started: started)
        return build(changedPaths, checkingEverything: false, started: started, ahead: ahead)
    }

    /// What the watcher calls after a save: the edited pages are shown at once when they can
    /// be rendered ahead, and the build runs on the session's own queue. Saves that come while
    /// a build runs are shown at once too, and built together after it. `report` is called
    /// on that queue with each build's outcome.
    public func saved(_ changedPaths: Set<String>, report: @escaping @Sendable (Outcome) -> Void) {
        let started = DispatchTime.now().uptimeNanoseconds
        let ahead = showAhead(changedPaths, started: started)
        pendingLock.lock()
        if var waiting = pending {
            waiting.paths.formUnion(changedPaths)
            waiting.ahead.pages += ahead.pages
            pending = waiting
        } else {
            pending = (changedPaths, started, ahead)
        }
        let startsDraining = !draining
        draining = true
        pendingLock.unlock()
        if startsDraining { builds.async { self.drain(report) } }
    }

    /// After a start that carried the site over from the cache folder (nothing changed since the
    /// last server), loads and checks everything, as a start with changes would have: otherwise
    /// the first save would pay for loading the whole site. Run it on another thread once the
    /// server answers; a save meanwhile waits for it. What changed meanwhile is sent as usual.
    @discardableResult
    public func warmUp() -> Outcome {
        build([], checkingEverything: true, started: DispatchTime.now().uptimeNanoseconds, ahead: AheadShown())
    }

    /// Pages shown ahead of one build.
    private struct AheadShown {
        var pages = 0
        var seconds: Double?
    }

    private let pendingLock = NSLock()
    /// Saves not yet built: their paths, when the first came, and what was shown ahead of them.
    private var pending: (paths: Set<String>, started: UInt64, ahead: AheadShown)?
    /// Whether the build queue is taking pending saves.
    private var draining = false
    private let builds = DispatchQueue(label: "switchboard.preview.builds")
    private let aheadLock = NSLock()

    private func drain(_ report: @Sendable (Outcome) -> Void) {
        while true {
            pendingLock.lock()
            guard let next = pending else {
                draining = false
                pendingLock.unlock()
                return
            }
            pending = nil
            pendingLock.unlock()
            report(build(next.paths, checkingEverything: false, started: next.started, ahead: next.ahead))
        }
    }

    /// The edited pages first: shown, and their open tabs told, before the rest of the site is built.
    private func showAhead(_ changedPaths: Set<String>, started: UInt64) -> AheadShown {
        guard !changedPaths.isEmpty else { return AheadShown() }
        aheadLock.lock()
        defer { aheadLock.unlock() }
        let pages = builder.renderAhead(changedPaths: changedPaths, now: clock())
        guard !pages.isEmpty, site.showAhead(pages) else { return AheadShown() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        hub.broadcast(ReloadDecision.messages(forPagesShownAhead: Set(pages.keys), basePath: site.state.basePath))
        return AheadShown(pages: pages.count, seconds: seconds)
    }

    private func build(_ changedPaths: Set<String>, checkingEverything: Bool, started: UInt64, ahead: AheadShown) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        // The build reads files at least as new as every page shown ahead so far.
        let shownBefore = site.aheadShowings
        let build = builder.build(changedPaths: changedPaths, now: clock(), checkingEverything: checkingEverything)
        let applied = site.apply(build, aheadShownBefore: shownBefore)
        let (before, after) = (applied.before, applied.after)
        var changed = Set<String>()
        var messages: [LiveReloadMessage] = []
        let overlayChanged = before.overlay != after.overlay
        let old = build.replaced ?? before.files
        if let changedOutputs = build.changedOutputs {
            changed = changedOutputs
        } else if let new = build.files as? SiteFiles {
            changed = (old as? SiteFiles).map { new.changedPaths(since: $0) } ?? Set(new.contents.keys)
        }
        if let new = build.files {
            // A page shown ahead that the build made the same needs no second reload; one shown
            // after the build started stays until the next build, which tells its tabs then.
            for (path, bytes) in applied.replacedAhead where new[path] == bytes { changed.remove(path) }
            changed.subtract(applied.stillAhead)
        }
        if overlayChanged || (before.files == nil && after.files != nil) {
            messages = [LiveReloadMessage(path: after.basePath + "/", liveCSS: false, pages: nil)]
        } else if let old, let new = build.files {
            messages = ReloadDecision.messages(from: old, to: new, changed: changed, basePath: after.basePath)
        }
        hub.broadcast(messages)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        // The previous build's pages were just freed: give their memory back to the system,
        // or the server's resident size stays at the peak of two sites in memory.
        HeapTrim.releaseFreedMemory()
        var outcome = Outcome(build: build, changedOutputs: changed.count, messages: messages, seconds: seconds,
                              overlayChanged: overlayChanged)
        outcome.pagesShownAhead = ahead.pages
        outcome.secondsToPagesAhead = ahead.seconds
        return outcome
    }
}
