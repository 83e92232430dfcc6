import Dispatch
import SwitchboardModel

/// Stages 4 to 6 of the pipeline: render pages, write the search index and the
/// status outputs. Pure: it returns files; a sink writes them.
public struct SiteBuilder: Sendable {
    public let site: Site
    public let templates: TemplateSet
    /// The output folder as the user names it, for the link check's diagnostics.
    public var outputDisplayPath = "public"

    public init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
    }

    /// Everything the build publishes, sorted by path.
    public struct Output: Sendable {
        public var files: [OutputFile]
        public var diagnostics: [Diagnostic]
        /// How many HTML pages were rendered.
        public var pageCount: Int
        public var timings: StageTimings
    }

    public func build() -> Output {
        var timings = StageTimings()
        // The page families are independent of each other: build them on all cores.
        let families: [@Sendable (Site) -> PageSet] = [
            HomePage.build, PolicyPages.build, KnowledgeBasePages.build, FAQPages.build, DevicePages.build,
            EscalationPages.build, SupportPages.build, VendorPages.build, SearchPage.build, StatusStage.build,
        ]
        let site = self.site
        var set = PageSet()
        for family in families.parallelMap({ $0(site) }) { set.append(family) }

        timings.lap("page contexts")
        var diagnostics: [Diagnostic] = []
        var pages: [PageSpec] = []
        for page in set.pages {
            if templates.has(page.template) {
                pages.append(page)
            } else {
                diagnostics.append(Diagnostic(file: "templates/\(page.template).mustache", id: "missing-template",
                                              message: "the page \(page.url) needs the template '\(page.template)'"))
            }
        }
        // The search index needs only the documents: it is written while the pages
        // render, so each stage's single-threaded stretches use the other's idle core.
        let searchIndex = ConcurrentResult<[OutputFile]>()
        let documents = set.documents
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            searchIndex.value = SearchStage.files(documents, site: site)
        }
        let renderer = PageRenderer(site: site, templates: templates, statusBanner: StatusStage.banner(site))
        var files = pages.parallelMap { renderer.render($0) }
        timings.lap("render pages (search index alongside)")
        group.wait()
        timings.lap("search index, rest")
        files += set.files
        files += searchIndex.value ?? []
        files += templates.assetFiles
        files += site.assets.compactMap { asset in
            FileReader.read(asset.absolutePath).map { OutputFile(path: asset.path, bytes: $0) }
        }
        files.append(SiteFiles.sitemap(pages, site: site))
        files.append(SiteFiles.robots(site: site))
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for (previous, file) in zip(files, files.dropFirst()) where previous.path == file.path {
            diagnostics.append(Diagnostic(file: file.path, id: "duplicate-output", message: "two outputs are written to \(file.path)"))
        }
        timings.lap("assets, sitemap")
        diagnostics += OutputLinkCheck.check(files, baseURL: site.config.baseURL, displayRoot: outputDisplayPath)
        timings.lap("link check")
        return Output(files: files, diagnostics: diagnostics, pageCount: pages.count, timings: timings)
    }
}
