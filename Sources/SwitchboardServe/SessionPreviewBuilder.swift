import Foundation
import SwitchboardBuilder
import SwitchboardModel

/// A ``PreviewBuilder`` on the incremental engine: one `BuildSession` kept alive for the
/// whole run. A save re-renders only the pages whose inputs changed, and the session reports
/// which outputs changed, so nothing is compared byte for byte here.
///
/// With a cache folder the site is published into `<cache>/preview/site` through a `DiskSink`
/// and served from there: the server does not hold every output in memory, and the next
/// server finds the site already built (with the session's memory beside it), so it starts
/// by checking what changed instead of rendering every page. Without one, or when another
/// server holds that folder, the site is kept in a `MemorySink`.
public final class SessionPreviewBuilder: PreviewBuilder, @unchecked Sendable {
    private let session: BuildSession
    private let memorySink: MemorySink?
    private let folder: PreviewOutputFolder?
    /// Where the site is built: an output folder in the cache folder, or nil for memory.
    public var outputDirectory: String? { folder?.site }
    private let lock = NSLock()
    /// The last build's renderer of pages ahead, read while the next build runs.
    private var pagesAhead: PagesAheadRenderer?
    private let aheadLock = NSLock()

    /// `loadOptions.now` is replaced by each build's clock. Commit dates are read from git
    /// once: a save does not change them, and `git log` on every save would cost more than
    /// the rest of a small site's rebuild.
    ///
    /// With a `cacheDirectory` (shared with `switchboard build`), the first build takes parsed
    /// files and search analyses from it, and saves add to it; without one, they are kept in memory only.
    public init(contentDirectory: String, templatesDirectory: String, loadOptions: LoadOptions, cacheDirectory: String? = nil) {
        var loadOptions = loadOptions
        if loadOptions.readsGitDates {
            loadOptions.commitDates.merge(GitDates.read(contentDirectory)) { _, fromGit in fromGit }
            loadOptions.readsGitDates = false
        }
        folder = cacheDirectory.flatMap { PreviewOutputFolder(cacheDirectory: $0) }
        memorySink = folder == nil ? MemorySink() : nil
        let sink: any OutputSink = folder.map { DiskSink(directory: $0.site, manifestPath: $0.manifest) } ?? memorySink!
        session = BuildSession(configuration: BuildConfiguration(contentDirectory: contentDirectory,
                                                                 templatesDirectory: templatesDirectory,
                                                                 loadOptions: loadOptions, cacheDirectory: cacheDirectory),
                               sink: sink)
        // With a cache folder the session keeps its analyses there (and in memory as well).
        if cacheDirectory == nil { session.searchAnalyses = SearchAnalysisCache() }
    }

    /// Waits until the last build's cache files are written: before the process exits.
    public func waitForCacheWrites() {
        lock.lock()
        defer { lock.unlock() }
        session.waitForCacheWrites()
    }

    /// Renders from the last good build's ``PagesAheadRenderer``, without waiting for a build
    /// that is running: a save that comes while the last one is still being built shows at once.
    public func renderAhead(changedPaths: Set<String>, now: Instant) -> [String: [UInt8]] {
        aheadLock.lock()
        let renderer = pagesAhead
        aheadLock.unlock()
        var pages: [String: [UInt8]] = [:]
        for file in renderer?.render(changedPaths: changedPaths, now: now) ?? [] { pages[file.path] = file.bytes }
        return pages
    }

    public func build(changedPaths: Set<String>, now: Instant, checkingEverything: Bool) -> PreviewBuild {
        lock.lock()
        defer { lock.unlock() }
        session.configuration.loadOptions.now = now
        let report = session.build(changedPaths: changedPaths, carryingOver: !checkingEverything)
        aheadLock.lock()
        pagesAhead = session.pagesAhead
        aheadLock.unlock()
        guard report.succeeded else {
            var build = PreviewBuild(files: nil, diagnostics: report.diagnostics, basePath: nil, fileCount: report.contentFileCount)
            build.timings = report.timings
            return build
        }
        let files: any PreviewFiles = folder.map { FolderFiles(directory: $0.site) } ?? SiteFiles(memorySink!.files)
        var build = PreviewBuild(files: files, diagnostics: report.diagnostics, basePath: report.basePath,
                                 fileCount: report.contentFileCount,
                                 changedOutputs: Set(report.changes.written).union(report.changes.removed))
        // A build that changed outputs swapped the folders: the previous site is in the staging
        // folder until the next build updates it. (A build that changed nothing swaps nothing.)
        if let sink = session.sink as? DiskSink, !(report.changes.written.isEmpty && report.changes.removed.isEmpty) {
            build.replaced = FolderFiles(directory: sink.staging)
        }
        build.outputCount = report.outputCount
        build.renderedPages = report.renderedPages
        build.carriedOver = report.carriedOver
        build.timings = report.timings
        return build
    }
}
