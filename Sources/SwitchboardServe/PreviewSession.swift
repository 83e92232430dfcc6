import Foundation
import SwitchboardModel

/// One `serve` run's rebuild loop: builds through a ``PreviewBuilder``, updates the
/// ``PreviewSite`` that requests read, decides what open pages are told and tells them.
/// Rebuilds run one at a time, whichever thread asks (the watcher, the clock).
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
    /// and sends open pages what they need.
    @discardableResult
    public func rebuild(changedPaths: Set<String> = []) -> Outcome {
        rebuild(changedPaths: changedPaths, checkingEverything: false)
    }

    /// After a start that carried the site over from the cache folder (nothing changed since the
    /// last server), loads and checks everything, as a start with changes would have: otherwise
    /// the first save would pay for loading the whole site. Run it on another thread once the
    /// server answers; a save meanwhile waits for it. What changed meanwhile is sent as usual.
    @discardableResult
    public func warmUp() -> Outcome {
        rebuild(changedPaths: [], checkingEverything: true)
    }

    private func rebuild(changedPaths: Set<String>, checkingEverything: Bool) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        let started = DispatchTime.now().uptimeNanoseconds
        let now = clock()
        // The edited page first: shown, and its open tabs told, before the rest of the site is built.
        var shownAhead: [String: [UInt8]] = [:]
        var aheadSeconds: Double?
        if !changedPaths.isEmpty {
            let pages = builder.renderAhead(changedPaths: changedPaths, now: now)
            if !pages.isEmpty, site.showAhead(pages) {
                shownAhead = pages
                aheadSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                hub.broadcast(ReloadDecision.messages(forPagesShownAhead: Set(pages.keys), basePath: site.state.basePath))
            }
        }
        let build = builder.build(changedPaths: changedPaths, now: now, checkingEverything: checkingEverything)
        let (before, after) = site.apply(build)
        var changed = Set<String>()
        var messages: [LiveReloadMessage] = []
        let overlayChanged = before.overlay != after.overlay
        let old = build.replaced ?? before.files
        if let changedOutputs = build.changedOutputs {
            changed = changedOutputs
        } else if let new = build.files as? SiteFiles {
            changed = (old as? SiteFiles).map { new.changedPaths(since: $0) } ?? Set(new.contents.keys)
        }
        // A page shown ahead that the build made the same needs no second reload.
        if let new = build.files {
            for (path, bytes) in shownAhead where new[path] == bytes { changed.remove(path) }
        }
        if overlayChanged || (before.files == nil && after.files != nil) {
            messages = [LiveReloadMessage(path: after.basePath + "/", liveCSS: false, pages: nil)]
        } else if let old, let new = build.files {
            messages = ReloadDecision.messages(from: old, to: new, changed: changed, basePath: after.basePath)
        }
        hub.broadcast(messages)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        #if os(Linux)
        // The previous build's pages were just freed: give their memory back to the system,
        // or the server's resident size stays at the peak of two sites in memory.
        _ = glibcMallocTrim(0)
        #endif
        var outcome = Outcome(build: build, changedOutputs: changed.count, messages: messages, seconds: seconds,
                              overlayChanged: overlayChanged)
        outcome.pagesShownAhead = shownAhead.count
        outcome.secondsToPagesAhead = aheadSeconds
        return outcome
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module does not include).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
