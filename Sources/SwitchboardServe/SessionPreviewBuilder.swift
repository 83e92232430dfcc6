import Foundation
import SwitchboardBuilder
import SwitchboardModel

/// A ``PreviewBuilder`` on the incremental engine: one `BuildSession` kept alive for the
/// whole run, publishing into a `MemorySink`. A save re-renders only the pages whose
/// inputs changed, and the session reports which outputs changed, so nothing is compared
/// byte for byte here.
public final class SessionPreviewBuilder: PreviewBuilder, @unchecked Sendable {
    private let session: BuildSession
    private let sink = MemorySink()
    private let lock = NSLock()

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

    public func build(changedPaths: Set<String>, now: Instant) -> PreviewBuild {
        lock.lock()
        defer { lock.unlock() }
        session.configuration.loadOptions.now = now
        let report = session.build(changedPaths: changedPaths)
        var build = report.succeeded
            ? PreviewBuild(files: SiteFiles(sink.files), diagnostics: report.diagnostics, basePath: report.basePath,
                           fileCount: report.contentFileCount,
                           changedOutputs: Set(report.changes.written).union(report.changes.removed))
            : PreviewBuild(files: nil, diagnostics: report.diagnostics, basePath: nil, fileCount: report.contentFileCount)
        build.timings = report.timings
        return build
    }
}
