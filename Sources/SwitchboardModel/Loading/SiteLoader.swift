import Dispatch
import SwitchboardMarkdown

/// Stages 1 to 3 of the pipeline: discover, parse, decode and validate into a `Site`.
/// Every stage runs to completion and collects diagnostics; nothing is written.
public struct SiteLoader {
    public var contentDirectory: String
    public var displayPath: String
    public var options: LoadOptions

    public init(contentDirectory: String, displayPath: String? = nil, options: LoadOptions) {
        self.contentDirectory = contentDirectory
        self.displayPath = displayPath ?? contentDirectory
        self.options = options
    }

    public func load() -> LoadResult {
        _ = MarkdownRenderer.shared // registers cmark-gfm's extensions before any thread parses
        var timings = StageTimings()
        // `git log` runs while the files are parsed; only assembly needs its answer.
        let gitDates = GitDatesTask(directory: contentDirectory, enabled: options.readsGitDates)

        let discovery = ContentDiscovery(root: contentDirectory, displayRoot: displayPath).discover()
        var diagnostics = discovery.diagnostics
        let files = discovery.files
        timings.lap("discover")

        // site.yml first: its base URL and raw-HTML switch shape every other page.
        var config: SiteConfig?
        var siteFile: LoadedFile?
        if let site = files.first(where: { $0.collection == .site }) {
            let decoder = EntryDecoder(map: ContentMap(files: files, basePath: ""), markdownOptions: MarkdownOptions(),
                                       displayRoot: displayPath, now: options.now, limits: options.limits)
            let loaded = decoder.decode(site)
            if case .site(let value)? = loaded.entry { config = value }
            siteFile = loaded
        } else if !files.isEmpty || discovery.diagnostics.isEmpty {
            diagnostics.append(Diagnostic(file: "\(displayPath)/site.yml", id: "missing-file",
                                          message: "content/site.yml is required: the site's title, base_url, language, time_zone and organisation"))
        }
        if let baseURL = options.baseURL { config?.baseURL = baseURL }

        let map = ContentMap(files: files, basePath: config?.basePath ?? "")
        let decoder = EntryDecoder(
            map: map,
            markdownOptions: MarkdownOptions(allowRawHTML: config?.allowRawHTML ?? false),
            displayRoot: displayPath,
            now: options.now,
            limits: options.limits
        )
        var loaded = files.filter { $0.collection != .site }.parallelMap { decoder.decode($0) }
        if let siteFile { loaded.insert(siteFile, at: 0) }
        for file in loaded { diagnostics.append(contentsOf: file.diagnostics) }
        timings.lap("parse and validate files")

        var commitDates = options.commitDates
        commitDates.merge(gitDates.wait()) { _, fromGit in fromGit }
        var assembler = SiteAssembler(config: config, now: options.now, displayRoot: displayPath, commitDates: commitDates)
        let site = assembler.assemble(loaded)
        diagnostics.append(contentsOf: assembler.diagnostics)
        diagnostics.sort()
        timings.lap("cross-file checks")
        return LoadResult(site: diagnostics.hasErrors ? nil : site, diagnostics: diagnostics, fileCount: files.count, timings: timings)
    }
}

/// `GitDates.read` on a background queue.
private final class GitDatesTask: @unchecked Sendable {
    private let group = DispatchGroup()
    private var dates: [String: Day] = [:]

    init(directory: String, enabled: Bool) {
        guard enabled else { return }
        DispatchQueue.global().async(group: group) { self.dates = GitDates.read(directory) }
    }

    /// The dates; the group's wait orders the background write before this read.
    func wait() -> [String: Day] {
        group.wait()
        return dates
    }
}
