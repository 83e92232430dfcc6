/// The outcome of loading: a Site when there are no errors, and every diagnostic, sorted.
public struct LoadResult: Sendable {
    public var site: Site?
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var fileCount: Int
    public var timings = StageTimings()
    /// How many files besides site.yml (always parsed) were parsed; the rest were reused from a `ParseCache`.
    public var parsedFileCount = 0
    /// Parses an article file again as this load did (see ``ArticleReparser``).
    public var reparser: ArticleReparser?
}
