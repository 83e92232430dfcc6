import Dispatch
import SwitchboardModel

/// Stages 4 to 6 of the pipeline: render pages, write the search index and the
/// status outputs. Pure: it produces files; a sink writes them. `BuildSession`
/// drives it file by file; `build()` collects everything, for tests.
public struct SiteBuilder: Sendable {
    public let site: Site
    public let templates: TemplateSet
    /// The output folder as the user names it, for the link check's diagnostics.
    public var outputDisplayPath = "public"
    /// A long-lived session's articles from its last build (see `ArticlePageMemo`).
    var articleMemo: ArticlePageMemo?

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

    /// What the page families produce before anything is rendered.
    struct Plan: Sendable {
        var pages: [PageSpec]
        var documents: [SearchDocument]
        /// Files that need no template: feeds, JSON, CSV, assets, robots.txt.
        var files: [OutputFile]
        /// `sitemap.xml`, made from the pages' URLs on another core while the build goes on.
        var sitemap: BackgroundTask<OutputFile>?
        var diagnostics: [Diagnostic]

        /// Every file that needs no template, the sitemap included (waited for).
        func fileList() -> [OutputFile] {
            files + (sitemap.map { [$0.wait()] } ?? [])
        }
    }

    /// Builds every page family's specs (on all cores: they are independent) and the files that need no template.
    func plan() -> Plan {
        // The families before and after the knowledge base, in the order their pages are listed.
        let before: [@Sendable (Site) -> PageSet] = [HomePage.build, PolicyPages.build]
        let after: [@Sendable (Site) -> PageSet] = [
            DevicePages.build, EscalationPages.build, SupportPages.build, VendorPages.build,
            SearchPage.build, StatusStage.build,
        ]
        let site = self.site
        // The knowledge base, a page per article, maps its articles on all cores itself; run
        // inside the families' own parallel map it had one core, because libdispatch runs an
        // apply nested in another on the calling thread alone. The other families, small, run on
        // a background queue meanwhile.
        let others = BackgroundTask { (before + after).parallelMap { $0(site) } }
        // The knowledge base and the FAQ link entries through one index (made for each, it was a
        // twentieth of a one-edit rebuild's work at 10,000 articles), made on another core while
        // the knowledge base lists its categories.
        let entries = BackgroundTask { EntryIndex(site) }
        // The FAQ (its page quotes every answer for search engines) waits for the index on a
        // core of its own rather than after the knowledge base, which had left the other core
        // idle while the FAQ was planned on this one.
        let faq = BackgroundTask { FAQPages.build(site, entries: entries.wait()) }
        let knowledgeBase = KnowledgeBasePages.build(site, entries: entries, memo: articleMemo)
        let otherSets = others.wait()
        let faqSet = faq.wait()
        // Listed in order: the families before the knowledge base, its pages, the FAQ, the rest.
        var set = consume knowledgeBase
        var first = PageSet()
        for family in otherSets[..<before.count] { first.append(family) }
        set.prepend(first)
        for family in [faqSet] + otherSets[before.count...] { set.append(family) }
        var diagnostics: [Diagnostic] = []
        // Every page's template is there but in a broken theme: the pages are then taken as they
        // are, not copied one by one (a spec holds its context; 7,500 copies showed in a rebuild).
        var pages = set.pages
        if pages.contains(where: { !templates.has($0.template) }) {
            pages = []
            for page in set.pages {
                if templates.has(page.template) {
                    pages.append(page)
                } else {
                    diagnostics.append(Diagnostic(file: "templates/\(page.template).mustache", id: "missing-template",
                                                  message: "the page \(page.url) needs the template '\(page.template)'"))
                }
            }
        }
        var files = set.files
        files += templates.assetFiles
        files += site.assets.compactMap { asset in
            FileReader.read(asset.absolutePath).map { OutputFile(path: asset.path, bytes: $0) }
        }
        files.append(SiteFiles.robots(site: site))
        let listed = pages
        let sitemap = BackgroundTask { SiteFiles.sitemap(listed, site: site) }
        return Plan(pages: pages, documents: set.documents, files: files, sitemap: sitemap, diagnostics: diagnostics)
    }

    /// The files made from the whole output once everything else is written: `/sw.js` (its
    /// version hashes the kept pages' bytes) and the redirect pages and `_redirects` (an alias may
    /// not take a path another output has); then `_headers` (`headersFile`). They read only output
    /// paths, output digests and the inline scripts' hashes, so an incremental build need not
    /// hold or re-read any page.
    func closingFiles(pages: [PageSpec], outputs: [String: ContentDigest]) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        var files: [OutputFile] = []
        let worker = ServiceWorker.file(pages: pages, outputDigests: outputs, templates: templates, site: site)
        if let worker { files.append(worker) }
        let redirects = RedirectPages.files(RedirectPages.redirects(site), taken: { outputs[$0] != nil || $0 == worker?.path }, site: site)
        files += redirects.files
        return (files, redirects.diagnostics)
    }

    /// `_headers`, for every output path (the closing files' included): its CSP allows every
    /// inline script found in the pages (`scriptSources`).
    func headersFile(paths: Set<String>, scriptSources: Set<String>) -> OutputFile {
        HeadersFile.file(paths: paths, scriptSources: scriptSources, hashed: headersHashedPaths, site: site)
    }

    /// The asset paths `_headers` marks immutable (their names hold their hash).
    var headersHashedPaths: Set<String> { Set(templates.assetFiles.map(\.path)) }

    /// A hash of what `_headers` reads besides the set of output paths: a build whose output
    /// paths are the last build's keeps its `_headers` when this is the same too.
    func headersInputs(scriptSources: Set<String>) -> ContentDigest {
        var hasher = ContentHasher()
        hasher.add("headers 1")
        hasher.add(site.basePath)
        for list in [scriptSources, headersHashedPaths] {
            hasher.add(list.count)
            for item in list.sorted(by: { ByteOrder.precedes($0, $1) }) { hasher.add(item) }
        }
        return hasher.finish()
    }

    func renderer(compiles: Bool = true) -> PageRenderer {
        PageRenderer(site: site, templates: templates, statusBanner: StatusStage.banner(site), compiles: compiles)
    }

    public func build() -> Output {
        var timings = StageTimings()
        let plan = plan()
        timings.lap("page contexts")
        let searchIndex = SearchStage.start(HandOffList(plan.documents), site: site)
        let renderer = renderer()
        var files = plan.pages.parallelMap { renderer.render($0) }
        timings.lap("render pages (search index alongside)")
        files += searchIndex.wait()
        files += plan.fileList()
        timings.lap("search index, rest")
        let outputs = Dictionary(files.map { ($0.path, ContentDigest($0.bytes)) }, uniquingKeysWith: { first, _ in first })
        var scripts = Set<String>()
        for file in files where file.path.hasSuffix(".html") { scripts.formUnion(InlineScripts.hashSources(in: file.bytes)) }
        let closing = closingFiles(pages: plan.pages, outputs: outputs)
        files += closing.files
        files.append(headersFile(paths: Set(outputs.keys).union(closing.files.map(\.path)), scriptSources: scripts))
        timings.lap("service worker, redirects, headers")
        files.sort { ByteOrder.precedes($0.path, $1.path) }
        var diagnostics = plan.diagnostics + closing.diagnostics
        for (previous, file) in zip(files, files.dropFirst()) where previous.path == file.path {
            diagnostics.append(Diagnostic.duplicateOutput(file.path))
        }
        diagnostics += OutputLinkCheck.check(files, baseURL: site.config.baseURL, displayRoot: outputDisplayPath)
        timings.lap("link check")
        return Output(files: files, diagnostics: diagnostics, pageCount: plan.pages.count, timings: timings)
    }
}

extension Diagnostic {
    static func duplicateOutput(_ path: String) -> Diagnostic {
        Diagnostic(file: path, id: "duplicate-output", message: "two outputs are written to \(path)")
    }
}
