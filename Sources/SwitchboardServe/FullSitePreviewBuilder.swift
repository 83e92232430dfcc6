import Foundation
import SwitchboardBuilder
import SwitchboardModel

/// A ``PreviewBuilder`` that runs the whole pipeline on every change (load, validate,
/// render) into memory, exactly as `build` does but without writing. The templates are
/// loaded again only when a path under the templates folder changed.
public final class FullSitePreviewBuilder: PreviewBuilder, @unchecked Sendable {
    public let contentDirectory: String
    public let templatesDirectory: String
    public let baseURL: String?
    private let readsGitDates: Bool
    private let lock = NSLock()
    private var templates: (TemplateSet?, [Diagnostic])?
    /// Read once: saving a file does not change its last commit, and `git log` on every
    /// save would cost more than the rest of a small site's rebuild.
    private var commitDates: [String: Day]?

    public init(contentDirectory: String, templatesDirectory: String, baseURL: String?, readsGitDates: Bool = true) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.baseURL = baseURL
        self.readsGitDates = readsGitDates
    }

    public func build(changedPaths: Set<String>, now: Instant) -> PreviewBuild {
        lock.lock()
        defer { lock.unlock() }
        if commitDates == nil { commitDates = readsGitDates ? GitDates.read(contentDirectory) : [:] }
        let options = LoadOptions(now: now, baseURL: baseURL, commitDates: commitDates ?? [:])
        let loaded = SiteLoader(contentDirectory: contentDirectory, options: options).load()
        if templates == nil || changedPaths.contains(where: { WatchedPath.isInside($0, folder: templatesDirectory) }) {
            templates = TemplateSet.load(directory: templatesDirectory)
        }
        let (theme, themeDiagnostics) = templates ?? (nil, [])
        var diagnostics = (loaded.diagnostics + themeDiagnostics).sorted()
        let basePath = loaded.site?.basePath
        guard let site = loaded.site, let theme, !diagnostics.hasErrors else {
            return PreviewBuild(files: nil, diagnostics: diagnostics, basePath: basePath, fileCount: loaded.fileCount)
        }
        let built = SiteBuilder(site: site, templates: theme).build()
        diagnostics = (diagnostics + built.diagnostics).sorted()
        if diagnostics.hasErrors {
            return PreviewBuild(files: nil, diagnostics: diagnostics, basePath: basePath, fileCount: loaded.fileCount)
        }
        var contents = [String: [UInt8]](minimumCapacity: built.files.count)
        for file in built.files { contents[file.path] = file.bytes }
        return PreviewBuild(files: SiteFiles(contents), diagnostics: diagnostics, basePath: basePath, fileCount: loaded.fileCount)
    }
}
