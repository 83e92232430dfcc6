import SwitchboardModel

/// The outcome of one build of a `BuildSession`.
public struct BuildReport: Sendable {
    /// The new site was published. False when there were errors (or warnings with
    /// `failsOnWarnings`) or the sink could not write; the published site is then unchanged.
    public var succeeded: Bool
    /// Every diagnostic, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// Content files found.
    public var contentFileCount: Int
    /// HTML pages in the site.
    public var pageCount: Int
    /// Files in the site (pages, feeds, search index, assets).
    public var outputCount: Int
    /// Pages rendered through the templates in this build; the rest were carried
    /// over because nothing they read had changed.
    public var renderedPages: Int
    /// Content files parsed in this build; the rest were reused from the session's
    /// last build or from the cache folder.
    public var parsedFiles = 0
    /// Search documents tokenized in this build, when the search index was rebuilt with an
    /// analysis cache (in memory or in the cache folder); nil otherwise.
    public var analysedDocuments: Int?
    /// Nothing the build reads had changed since the session's last build (or the one its cache
    /// folder remembers), so the published site was taken as it was, without loading anything.
    public var carriedOver = false
    /// The path of the site's base URL (`""` or `/docs`) when the site loaded; `serve` answers under it.
    public var basePath: String?
    /// Outputs that are new, changed or gone compared with the site published before
    /// (all outputs when the sink did not know what was published). Empty on failure.
    public var changes: OutputChanges
    /// How long each stage took.
    public var timings: StageTimings

    public init(succeeded: Bool, diagnostics: [Diagnostic], contentFileCount: Int = 0, pageCount: Int = 0, outputCount: Int = 0,
                renderedPages: Int = 0, changes: OutputChanges = OutputChanges(), timings: StageTimings = StageTimings()) {
        self.succeeded = succeeded
        self.diagnostics = diagnostics
        self.contentFileCount = contentFileCount
        self.pageCount = pageCount
        self.outputCount = outputCount
        self.renderedPages = renderedPages
        self.changes = changes
        self.timings = timings
    }
}
