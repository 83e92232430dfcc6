import SwitchboardModel

/// What one preview build produced.
public struct PreviewBuild: Sendable {
    /// Every output of the site, keyed by its path in the output folder (`kb/x/index.html`);
    /// `nil` when the build failed, so that the last good build keeps being served.
    public var files: (any PreviewFiles)?
    /// The outputs as they were before this build, when the builder still has them after
    /// publishing it (an output folder's previous tree); else the site's last good build is used.
    public var replaced: (any PreviewFiles)?
    /// Every diagnostic of the build, sorted; errors among them mean `files` is `nil`.
    public var diagnostics: [Diagnostic]
    /// The path prefix of the site's base URL (`""` or `/docs`), from the loaded `site.yml`.
    public var basePath: String?
    /// How many outputs the site has (0 when the build failed).
    public var outputCount = 0
    /// Nothing the build reads had changed since the builder's last build, or the one its cache
    /// folder remembers: the site was taken as it was, without loading anything.
    public var carriedOver = false
    /// How many pages this build rendered (the rest were carried over from the last build).
    public var renderedPages = 0
    /// How many content files were read.
    public var fileCount: Int
    /// The outputs added, changed or removed since the builder's previous good build,
    /// when the builder knows them; else they are found by comparing the two sites.
    public var changedOutputs: Set<String>?
    /// How long each stage of the build took, when the builder measures it (`serve --timings`).
    public var timings = StageTimings()

    public init(files: (any PreviewFiles)?, diagnostics: [Diagnostic], basePath: String?, fileCount: Int, changedOutputs: Set<String>? = nil) {
        self.files = files
        self.diagnostics = diagnostics
        self.basePath = basePath
        self.fileCount = fileCount
        self.changedOutputs = changedOutputs
    }
}

/// Builds the site for `serve`, into memory, as often as files change.
///
/// The seam between the server and the build engine: today a whole-site build into
/// memory (``FullSitePreviewBuilder``); an incremental build session can take its place
/// without the server, the watcher or the reload decision changing.
public protocol PreviewBuilder: AnyObject, Sendable {
    /// Builds the site after `changedPaths` (absolute or as given to the watcher) changed.
    /// An empty set means only the clock moved (or nothing is known); the first call builds everything.
    /// `checkingEverything` goes through every stage even when nothing changed (see ``PreviewSession/warmUp()``).
    func build(changedPaths: Set<String>, now: Instant, checkingEverything: Bool) -> PreviewBuild

    /// The pages that `changedPaths` changed, by output path, rendered before the next build
    /// when the builder can tell them exactly from its last good build (an edited article that
    /// keeps its place in the site); else empty. The session shows them at once; the build
    /// that follows tells open pages again if a page turns out different.
    func renderAhead(changedPaths: Set<String>, now: Instant) -> [String: [UInt8]]
}

extension PreviewBuilder {
    /// A builder that renders nothing ahead: every save waits for its build.
    public func renderAhead(changedPaths: Set<String>, now: Instant) -> [String: [UInt8]] { [:] }

    public func build(changedPaths: Set<String>, now: Instant) -> PreviewBuild {
        build(changedPaths: changedPaths, now: now, checkingEverything: false)
    }
}
