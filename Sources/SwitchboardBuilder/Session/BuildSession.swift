import Dispatch
import SwitchboardModel

/// A build that can be run again and again: load → validate → render → write,
/// through one sink. `switchboard build` runs it once; a development server keeps
/// one alive and calls `build(changedPaths:)` after every edit, then asks the
/// report which outputs changed.
///
/// The session remembers what it built (in memory, and in the cache folder when
/// the configuration names one), so a rebuild whose inputs are all unchanged
/// does nothing, a page whose inputs are unchanged is carried over instead of
/// rendered, and the sink writes only files whose bytes changed. A failed build
/// leaves the published site as it was. One build at a time.
public final class BuildSession {
    /// What to build; change it between builds (for instance to move the clock).
    public var configuration: BuildConfiguration
    public let sink: any OutputSink
    /// Set by a long-lived session (`switchboard serve`): each page's search analysis is kept
    /// between builds, so a save re-tokenizes only the pages whose text changed. Nil (the
    /// default) keeps nothing, which is what a single build wants.
    public var searchAnalyses: SearchAnalysisCache?
    private var memory: BuildMemory?
    /// Parsed content files, reused while their bytes and surroundings are unchanged.
    private let parseCache = ParseCache()
    /// Article pages and search documents, reused while what they read is unchanged.
    private let articlePages = ArticlePageMemo()
    /// How many articles' page specs the last build made again (the others were reused).
    var articlePagesMade: Int { articlePages.lastMade }
    /// How many parsed files the session holds for its next build (tests): none once a session
    /// that builds once has written them to the cache folder.
    var heldParsedFiles: Int { parseCache.count }
    /// Content files' hashes under their stat stamps, so unchanged files are not read to be hashed.
    private var fileDigests = FileDigests()
    private var fileDigestsKey: String?
    private var parseCacheKey: String?
    private let cacheWrites = DispatchGroup()
    private var memoryKey: String?
    /// Cache files read on other cores while this thread lists and stats the content
    /// (`prefetch`), each taken where the build first needs it.
    private var prefetched: (memory: (path: String, task: BackgroundTask<BuildMemory?>)?,
                             fileDigests: (path: String, task: BackgroundTask<FileDigests>)?,
                             searchEntries: (path: String, task: BackgroundTask<SearchEntryStore.Previous?>)?) = (nil, nil, nil)
    /// The parse cache's and the search cache's indexes being read on other cores (`prefetch`).
    private let restores = DispatchGroup()
    /// Renders edited articles' pages ahead of the next build, from the last build; nil while a
    /// build runs, and after one that failed or carried the site over without loading it.
    public private(set) var pagesAhead: PagesAheadRenderer?
    /// The theme of the last build, under the hash of the templates folder it was loaded from.
    private var loadedTheme: (digest: ContentDigest, theme: TemplateSet?, diagnostics: [Diagnostic])?
    /// The theme being loaded on another core (`prefetch`), under the hash of the folder it was
    /// loaded from; nil when the folder changed while it was read.
    private var themeRead: BackgroundTask<(digest: ContentDigest, theme: TemplateSet?, diagnostics: [Diagnostic])?>?

    public init(configuration: BuildConfiguration, sink: any OutputSink) {
        self.configuration = configuration
        self.sink = sink
    }

    /// A session that goes away first finishes writing the cache folder.
    deinit { waitForCacheWrites() }

    /// Waits until the cache files of the last build are written (they are written on another
    /// core while the build returns; the next build, or the end of the session, waits for them too).
    public func waitForCacheWrites() {
        cacheWrites.wait()
        storedAnalyses.entries?.waitForWrites()
        DiskSink.waitForManifestWrites()
    }

    /// Builds the site and publishes it through the sink when there are no errors.
    ///
    /// `changedPaths` are the paths a caller knows changed (from a file watcher), or
    /// nil when it does not know. The session compares content hashes either way,
    /// so a missed or extra path costs time, never correctness.
    ///
    /// With `carryingOver` false the build goes through every stage even when nothing it reads
    /// changed: a long-lived session that started by carrying the site over from the cache
    /// folder loads everything this way, so that its first rebuild after an edit costs what the
    /// later ones do.
    public func build(changedPaths: Set<String>? = nil, carryingOver: Bool = true) -> BuildReport {
        // The previous build's cache files are written before this build reads or changes the
        // caches. They are not waited for at the end of a build: a save in `serve` shows without them.
        cacheWrites.wait()
        restores.wait()
        prefetch()
        pagesAhead = nil
        var timings = StageTimings()
        let configuration = self.configuration
        let loadOptions = configuration.loadOptions
        let discovered = ContentDiscovery(root: configuration.contentDirectory).discover()
        loadFileDigests()
        let (fingerprint, digestsByPath, templatesDigest) = InputFingerprint.compute(configuration, discovered: discovered, fileDigests: fileDigests)
        saveFileDigests()
        loadMemory()
        timings.lap("discover and hash inputs")
        if carryingOver, let memory, memory.fingerprint == fingerprint {
            if let report = carryOver(memory, fileCount: discovered.files.count, timings: timings) { return report }
            self.memory = BuildMemory()
        }

        sink.prepare()
        loadParseCache()
        // A session that builds once keeps the bodies of the articles it parses in a temporary
        // file (`ArticleBodyStore`), read back by the page and the search document that need
        // each one: held in memory, they were a quarter of a 10,000-file build's peak. A long-lived
        // session keeps them in memory for its next build.
        let bodies = configuration.buildsOnce ? ArticleBodyStore() : nil
        var loaded = SiteLoader(contentDirectory: configuration.contentDirectory, options: loadOptions)
            .load(reusing: parseCache, discovered: discovered, fileDigests: digestsByPath, bodies: bodies)
        let basePath = loaded.site?.basePath
        saveParseCache()
        timings.append(loaded.timings)
        // The theme is loaded again only when a file of the templates folder changed: parsing
        // every template was a third of a save's rebuild of a small site in `serve`.
        let read = themeRead?.wait()
        themeRead = nil
        if loadedTheme?.digest != templatesDigest {
            if let read, read.digest == templatesDigest {
                loadedTheme = read
            } else {
                let (theme, diagnostics) = TemplateSet.load(directory: configuration.templatesDirectory)
                loadedTheme = (templatesDigest, theme, diagnostics)
            }
        }
        let (theme, themeDiagnostics) = (loadedTheme!.theme, loadedTheme!.diagnostics)
        var diagnostics = (loaded.diagnostics + themeDiagnostics).sorted()
        func failed() -> BuildReport {
            var report = BuildReport(succeeded: false, diagnostics: diagnostics.sorted(), contentFileCount: loaded.fileCount, timings: timings)
            report.parsedFiles = loaded.parsedFileCount
            report.basePath = basePath
            return report
        }
        guard var site = loaded.site, let theme, !fails(diagnostics) else { return failed() }

        var stage = StageTimings()
        var builder = SiteBuilder(site: site, templates: theme)
        // A session that builds once has no next build to reuse articles' specs in; the memo
        // would hold every spec to the end of the build.
        if !configuration.buildsOnce { builder.articleMemo = articlePages }
        var plan = builder.plan()
        if configuration.buildsOnce {
            // The articles' bodies are held by the specs and search documents planned from them,
            // which are let go as each page renders and each document is analysed; the site
            // would hold them all to the end (with the parse cache, `saveParseCache`). Every
            // holder of the site from here on gets it without them.
            loaded.site = nil
            site = site.withoutArticleBodies()
            builder = SiteBuilder(site: site, templates: theme)
        }
        let pageCount = plan.pages.count
        diagnostics += plan.diagnostics
        stage.lap("page contexts")
        if fails(diagnostics) {
            timings.append(stage)
            return failed()
        }

        let previous = memory ?? BuildMemory()
        var next = BuildMemory()
        // Sized like the last build's: grown from nothing, each table rehashed every key it
        // held at every doubling (13,500 outputs at 10,000 files), on this thread.
        next.outputs.reserveCapacity(previous.outputs.count)
        next.pages.reserveCapacity(previous.pages.count)
        next.scripts.reserveCapacity(previous.scripts.count)
        next.ids.reserveCapacity(previous.ids.count)
        var duplicates: [Diagnostic] = []
        var rendered = 0
        // The search index is rebuilt only when a document changed, on a background queue. It
        // starts before the output folder is looked at (`sink.begin`), which it does not read.
        let documentDigests = plan.documents.parallelMap { document in
            var hasher = ContentHasher()
            hasher.add(document: document)
            return hasher.finish()
        }
        var documents = ContentHasher()
        for digest in documentDigests { documents.add(digest) }
        let documentsDigest = documents.finish()
        var searchIndex: BackgroundTask<[OutputFile]>?
        analysedDocuments = nil
        // Taken once: asking again would read the cache folder again after a write-through.
        var analyses: SearchAnalysisCache?
        if previous.search?.inputs != documentsDigest {
            analyses = analysisCache()
            searchIndex = SearchStage.start(HandOffList(plan.documents), site: site, digests: documentDigests, cache: analyses)
        }
        // The search stage's list is their only holder now: each goes once analysed.
        plan.documents = []
        let renderer = builder.renderer(compiles: configuration.compilesTemplates)
        let changes: OutputChanges
        var encodedMemory: BackgroundTask<[UInt8]?>?
        do {
            try sink.begin()
            // Every reference of the output is checked as the files pass; kept pages are read
            // back from the sink, because a target they name may be gone from this build.
            // Scanning happens on all cores (with rendering); this thread only merges.
            var links = OutputLinkCheck(baseURL: site.config.baseURL, displayRoot: configuration.outputDisplayPath)
            // About as many files as the last build wrote, a first build its pages and as many
            // again; all read when there is no last build to keep pages from.
            let expectedFiles = max(previous.outputs.count, pageCount * 2)
            links.reserveCapacity(files: expectedFiles, scanned: previous.outputs.isEmpty ? expectedFiles : 0)
            let resolver = links.resolver
            let keptSink = UncheckedSink(sink)
            /// Records one output of this build; false for a path another output already took.
            func register(_ file: OutputFile, digest: ContentDigest, links contribution: OutputLinkContribution) -> Bool {
                // Duplicates are found as files are produced, not by sorting at the end.
                guard next.outputs.updateValue(digest, forKey: file.path) == nil else {
                    duplicates.append(.duplicateOutput(file.path))
                    return false
                }
                if previous.outputs[file.path] == nil { newPaths += 1 }
                links.add(contribution)
                if let pageIDs = contribution.ids {
                    let idsDigest = Self.digest(of: pageIDs)
                    next.ids[file.path] = idsDigest
                    // A page that is new had no fragments anything could name.
                    if let before = previous.ids[file.path], before != idsDigest { idsChanged = true }
                }
                return true
            }
            /// Files made whole (not pages): scanned on all cores, then handed to the sink
            /// together, which may write them on all cores (ten thousand search files).
            ///
            /// A file with the bytes the last build published is kept instead, as an unchanged
            /// page is: not scanned for links again. Most of the search index's files, the
            /// sitemap (7,500 links at 10,000 files) and the feeds are the same after an edit,
            /// and scanning them was a tenth of the edit at 30,000 files.
            func putAll(_ files: [OutputFile], digests: [ContentDigest]? = nil) throws {
                let digests = digests ?? (files.count > 16 ? files.parallelMap { ContentDigest($0.bytes) } : files.map { ContentDigest($0.bytes) })
                var changed: [OutputFile] = [], changedDigests: [ContentDigest] = []
                for (file, digest) in zip(files, digests) {
                    if previous.outputs[file.path] == digest, try keepPublished(file.path, digest: digest) { continue }
                    changed.append(file)
                    changedDigests.append(digest)
                }
                try putScanned(changed, digests: changedDigests)
            }
            /// Keeps an output the sink holds as the last build published it (a page whose inputs
            /// did not change, a file made with the same bytes): not written, not scanned again,
            /// its inline scripts and ids as the last build found them. False when another output
            /// took the path or the sink no longer holds it. Every path kept is one of the last
            /// build's outputs (its pages, search files and headers are among them: `BuildMemory`
            /// refuses a memory where they are not), so only `register` can add a new path.
            func keepPublished(_ path: String, digest: ContentDigest) throws -> Bool {
                guard next.outputs[path] == nil, try sink.keep(path, digest: digest) else { return false }
                next.outputs[path] = digest
                keptPaths.append(path)
                if let scripts = previous.scripts[path] { next.scripts[path] = scripts }
                if let pageIDs = previous.ids[path] { next.ids[path] = pageIDs }
                return true
            }
            func putScanned(_ files: [OutputFile], digests: [ContentDigest]) throws {
                let scanned = files.parallelMap { file in
                    (resolver.contribution(path: file.path, bytes: file.bytes),
                     file.path.hasSuffix(".html") ? InlineScripts.hashSources(in: file.bytes) : [])
                }
                var accepted: [OutputFile] = [], acceptedDigests: [ContentDigest] = []
                for (index, file) in files.enumerated() {
                    if !scanned[index].1.isEmpty { next.scripts[file.path] = scanned[index].1 }
                    let digest = digests[index]
                    if register(file, digest: digest, links: scanned[index].0) {
                        accepted.append(file)
                        acceptedDigests.append(digest)
                    }
                }
                try sink.putAll(accepted, digests: acceptedDigests)
            }
            /// Kept files: HTML is read back and scanned on all cores; other files only exist.
            /// Called once, at the end, when it is known whether the kept pages need reading at all.
            func checkKept(_ paths: [String]) {
                let contributions = paths.parallelMap { path -> OutputLinkContribution? in
                    guard path.hasSuffix(".html"), let bytes = keptSink.value.keptBytes(path) else { return nil }
                    return resolver.contribution(path: path, bytes: bytes)
                }
                for (path, contribution) in zip(paths, contributions) {
                    if let contribution { links.add(contribution) } else { links.addUnread(path: path) }
                }
            }

            // Pages carried over, checked for links once every output is known (`checkKept`).
            var keptPaths: [String] = []
            // Outputs registered that the last build did not have. With none, this build's paths
            // are a subset of the last build's, and counting them tells whether any went: two
            // passes over every path (40,000 at 30,000 articles) are then not needed.
            var newPaths = 0
            var idsChanged = false
            // Cleared when the sink turns out not to hold the previous site (deleted by hand).
            var sinkHoldsPrevious = true
            // Pages go to the sink a batch at a time: nothing holds the whole site's HTML. The
            // next batch renders on the other cores while this thread hands the current one to
            // the sink: writing is mostly the kernel creating files, which on a disk costs as
            // much as rendering, and the cores had waited for it.
            // Each batch takes its specs out of the queue, so they go once rendered; what the
            // closing files read of them (the precached pages' addresses) is kept aside.
            let precached = plan.pages.filter { ServiceWorker.isPrecached($0.url) }
            let pages = HandOffList(plan.pages)
            plan.pages = []
            let known = previous.pages
            func renderBatch(from start: Int, usePrevious: Bool) -> BackgroundTask<(batch: [PageSpec], results: [PageResult])> {
                BackgroundTask {
                    let batch = pages.take(start..<min(start + Self.batchSize, pageCount))
                    let results = batch.parallelMap { spec -> PageResult in
                        // An article's context is made here, and only when the page is rendered:
                        // its digest is its inputs' hash.
                        let page = spec.specDigest == nil ? spec.finished() : spec
                        let inputs = renderer.digest(page)
                        if usePrevious, let kept = known[page.outputPath], kept.inputs == inputs {
                            return PageResult(path: page.outputPath, inputs: inputs, output: kept.output)
                        }
                        return PageResult(rendering: page, inputs: inputs, renderer: renderer, resolver: resolver)
                    }
                    return (batch, results)
                }
            }
            var start = 0
            var upcoming = pageCount == 0 ? nil : renderBatch(from: 0, usePrevious: sinkHoldsPrevious)
            while let current = upcoming {
                let (batch, results) = current.wait()
                // Started before this batch is written, so it may still count on the previous
                // site being in the sink; a page it kept that the sink lacks is rendered below.
                upcoming = start + batch.count < pageCount ? renderBatch(from: start + batch.count, usePrevious: sinkHoldsPrevious) : nil
                var rerender: [Int] = []
                var finished = results
                for (index, result) in results.enumerated() where result.file == nil {
                    if try !keepPublished(result.path, digest: result.output) {
                        sinkHoldsPrevious = false
                        rerender.append(index)
                    }
                }
                if !rerender.isEmpty {
                    let again = rerender.parallelMap { index in
                        PageResult(rendering: batch[index], inputs: results[index].inputs, renderer: renderer, resolver: resolver)
                    }
                    for (index, result) in zip(rerender, again) { finished[index] = result }
                }
                // The batch's pages are handed to the sink together, which writes them on all
                // cores: on a disk, one file at a time on this thread left a core idle whenever
                // the kernel made it wait.
                var written: [OutputFile] = [], writtenDigests: [ContentDigest] = []
                for result in finished {
                    if let file = result.file, let contribution = result.links {
                        rendered += 1
                        if !result.scripts.isEmpty { next.scripts[file.path] = result.scripts }
                        if register(file, digest: result.output, links: contribution) {
                            written.append(file)
                            writtenDigests.append(result.output)
                        }
                    }
                    next.pages[result.path] = (result.inputs, result.output)
                }
                if !written.isEmpty { try sink.putAll(written, digests: writtenDigests) }
                start += batch.count
            }
            stage.lap("render pages (search index alongside)")

            var searchFiles: [String: ContentDigest] = [:]
            if let searchIndex {
                let files = searchIndex.take()
                analysedDocuments = analyses?.lastMisses
                saveAnalysisCache()
                let digests = files.parallelMap { ContentDigest($0.bytes) }
                for (file, digest) in zip(files, digests) { searchFiles[file.path] = digest }
                try putAll(files, digests: digests)
                // The index's files go on another core (freed here, they held up the build).
                BackgroundRelease.release(consume files)
            } else if let known = previous.search {
                for (path, digest) in known.files {
                    guard next.outputs[path] == nil else {
                        duplicates.append(.duplicateOutput(path))
                        continue
                    }
                    if try !sink.keep(path, digest: digest) {
                        // The sink no longer holds the index: build it after all.
                        throw Restart()
                    }
                    next.outputs[path] = digest
                    keptPaths.append(path)
                    searchFiles[path] = digest
                }
            }
            next.search = (documentsDigest, searchFiles)
            try putAll(plan.fileList())
            stage.lap("search index, rest")
            let closing = builder.closingFiles(pages: precached, outputs: next.outputs)
            try putAll(closing.files)
            diagnostics += closing.diagnostics
            // `_headers` reads every output path: with the same paths as the last build's and
            // the same other inputs, the published one is kept (making it took a twentieth of a
            // one-edit rebuild at 30,000 pages).
            var scriptSources = Set<String>(minimumCapacity: next.scripts.count)
            for sources in next.scripts.values { scriptSources.formUnion(sources) }
            let headersInputs = builder.headersInputs(scriptSources: scriptSources)
            let headersPath = "_headers"
            let samePaths = previous.outputs.count == next.outputs.count + 1 && previous.outputs[headersPath] != nil && newPaths == 0
            if samePaths, let known = previous.headers, known.inputs == headersInputs, try keepPublished(headersPath, digest: known.output) {
                next.headers = known
            } else {
                let headers = builder.headersFile(paths: Set(next.outputs.keys), scriptSources: scriptSources)
                let digest = ContentDigest(headers.bytes)
                try putAll([headers], digests: [digest])
                next.headers = (headersInputs, digest)
            }
            stage.lap("service worker, redirects, headers")
            // The previous build passed the link check (a build with errors is not remembered). If
            // no output path that an output named is gone (new ones cannot break a link, nor can
            // the loss of a file nothing named: a search index file, say) and no page that was
            // already there changed its ids, what the kept files name still exists: they are not
            // read, except a page whose ids a new fragment names. The files named are then those
            // the last build knew of and those named by what this one read.
            let noneRemoved = newPaths == 0 && next.outputs.count == previous.outputs.count
            let nothingNamedRemoved = noneRemoved || previous.outputs.keys.allSatisfy { next.outputs[$0] != nil || !previous.named.contains($0) }
            let keptUnread = nothingNamedRemoved && !idsChanged && !previous.outputs.isEmpty
            if keptUnread {
                for path in keptPaths { links.addUnread(path: path, readable: path.hasSuffix(".html")) }
            } else {
                checkKept(keptPaths)
            }
            let (linkProblems, named) = links.finishNaming(readingIDs: { path in
                keptSink.value.keptBytes(path).map { resolver.contribution(path: path, bytes: $0).ids ?? [] }
            })
            next.named = keptUnread ? previous.named.union(named) : named
            diagnostics += linkProblems
            // Its tables (every output path, page ids and target) are freed on another core, as
            // `plan` is below: on this thread it held up the end of a clean build by some 10 ms
            // at 10,000 files. (Captured by `register`, it cannot be consumed: emptied instead.)
            BackgroundRelease.release(links)
            links = OutputLinkCheck(baseURL: "", displayRoot: "")
            stage.lap("link check")
            if bodies?.readFailed == true {
                diagnostics.append(Diagnostic(file: "output", id: "output-failed",
                                              message: "an article's body could not be read back from the build's temporary file"))
            }
            if fails(diagnostics) {
                sink.discard()
                diagnostics += duplicates
                timings.append(stage)
                return failed()
            }
            if !duplicates.isEmpty {
                sink.discard()
                diagnostics += duplicates
                timings.append(stage)
                return failed()
            }
            // The memory of this build is encoded while the sink commits (it is the same whether
            // or not the commit succeeds, and is written only if it does): encoded after, it held
            // up the end of a build by a few per cent of a one-edit rebuild.
            next.fingerprint = diagnostics.isEmpty ? fingerprint : nil
            next.basePath = site.basePath
            let remembered = next
            let program = configuration.programIdentity
            encodedMemory = memoryPath == nil ? nil : BackgroundTask { remembered.encoded(program: program) }
            changes = try sink.commit()
            stage.lap("write and swap in")
        } catch is Restart {
            // The search stage shares its caches with the next build's: it finishes first.
            searchIndex?.waitUntilDone()
            sink.discard()
            memory = BuildMemory()
            return build(changedPaths: changedPaths)
        } catch {
            searchIndex?.waitUntilDone()
            sink.discard()
            diagnostics.append(Diagnostic(file: "output", id: "output-failed", message: "\(error)"))
            timings.append(stage)
            return failed()
        }
        timings.append(stage)
        remember(next, encoded: encodedMemory)
        pagesAhead = loaded.reparser.map {
            PagesAheadRenderer(reparser: $0, renderer: renderer, articles: articlePages.entries, failsOnWarnings: configuration.failsOnWarnings)
        }
        var report = BuildReport(succeeded: true, diagnostics: diagnostics.sorted(), contentFileCount: loaded.fileCount,
                                 pageCount: pageCount, outputCount: next.outputs.count, renderedPages: rendered,
                                 changes: changes, timings: timings)
        report.parsedFiles = loaded.parsedFileCount
        report.analysedDocuments = analysedDocuments
        report.basePath = site.basePath
        // The page specs, search documents and what the previous build remembered are freed on
        // another core: on this thread it delayed the report by a tenth of a second at 10,000 files.
        BackgroundRelease.release((plan, consume previous))
        // (`consume` of a `var` crashes this compiler: emptied instead, so the copy above is the last.)
        plan = SiteBuilder.Plan(pages: [], documents: [], files: [], sitemap: nil, diagnostics: [])
        return report
    }

    /// One hash of a page's ids, in an order that does not depend on the set's.
    static func digest(of ids: Set<String>) -> ContentDigest {
        var hasher = ContentHasher()
        hasher.add(ids.count)
        for id in ids.sorted(by: { ByteOrder.precedes($0, $1) }) { hasher.add(id) }
        return hasher.finish()
    }

    /// Pages rendered in parallel before they go to the sink.
    static let batchSize = 256

    /// One page of a batch: rendered (with its links scanned and inline scripts hashed,
    /// all on the worker's thread), or only digested when the previous build's output can be kept.
    private struct PageResult: Sendable {
        var path: String
        var inputs: ContentDigest
        var output: ContentDigest
        var file: OutputFile?
        var links: OutputLinkContribution?
        var scripts: [String] = []

        init(path: String, inputs: ContentDigest, output: ContentDigest) {
            self.path = path
            self.inputs = inputs
            self.output = output
        }

        init(rendering page: PageSpec, inputs: ContentDigest, renderer: PageRenderer, resolver: OutputLinkResolver) {
            let file = renderer.render(page)
            path = file.path
            self.inputs = inputs
            output = ContentDigest(file.bytes)
            self.file = file
            links = resolver.contribution(path: file.path, bytes: file.bytes)
            scripts = InlineScripts.hashSources(in: file.bytes)
        }
    }

    /// Lets workers read kept files while the build thread waits for them: `keptBytes`
    /// only reads, and no other sink call runs until the parallel map returns.
    private struct UncheckedSink: @unchecked Sendable {
        let value: any OutputSink
        init(_ value: any OutputSink) { self.value = value }
    }

    private struct Restart: Error {}

    /// Nothing read changed: publish the same files again (the sink has them all).
    private func carryOver(_ memory: BuildMemory, fileCount: Int, timings: StageTimings) -> BuildReport? {
        var timings = timings
        do {
            try sink.begin()
            for (path, digest) in memory.outputs where try !sink.keep(path, digest: digest) {
                sink.discard()
                return nil
            }
            let changes = try sink.commit()
            timings.lap("carry over (nothing changed)")
            var report = BuildReport(succeeded: true, diagnostics: [], contentFileCount: fileCount, pageCount: memory.pages.count,
                                     outputCount: memory.outputs.count, renderedPages: 0, changes: changes, timings: timings)
            report.carriedOver = true
            report.basePath = memory.basePath
            return report
        } catch {
            sink.discard()
            return nil
        }
    }

    /// What was built is remembered on disk for an output folder only: a sink in memory starts empty.
    private var memoryPath: String? {
        guard let directory = (sink as? DiskSink)?.directory else { return nil }
        // The cache is kept per output: two output folders sharing a cache do not mix.
        return configuration.cacheDirectory.map { "\($0)/session-\(BuildCache.key(for: directory)).memory" }
    }

    /// `switchboard build`'s search analyses, kept in the cache folder (`searchAnalyses`, set by a
    /// long-lived session, is kept in memory instead).
    private let storedAnalyses = SearchAnalysisCache()
    /// How many search documents this build tokenized (see `BuildReport.analysedDocuments`).
    private var analysedDocuments: Int?
    private var storedAnalysesKey: String?

    private var analysisCachePath: String? {
        configuration.cacheDirectory.map { "\($0)/search.cache" }
    }

    private func analysisCache() -> SearchAnalysisCache? {
        if let searchAnalyses {
            keepEntriesInMemory(searchAnalyses)
            return searchAnalyses
        }
        restores.wait()
        guard let path = analysisCachePath else { return nil }
        // Written through and let go by the last build: the folder holds them.
        if storedAnalyses.wasLetGo { storedAnalysesKey = nil }
        Self.restore(storedAnalyses, from: path, ifNot: &storedAnalysesKey, program: configuration.programIdentity)
        if configuration.buildsOnce {
            let program = configuration.programIdentity
            storedAnalyses.writeThrough = { cache in Self.write(cache, to: path, program: program) }
            if storedAnalyses.pieces == nil, let folder = configuration.cacheDirectory {
                storedAnalyses.pieces = SearchPieceFolder(path: "\(folder)/search-pieces", identity: program)
                let path = Self.searchEntriesPath(in: folder)
                let ahead = prefetched.searchEntries?.path == path ? prefetched.searchEntries?.task : nil
                prefetched.searchEntries = nil
                storedAnalyses.entries = SearchEntryStore(path: path, identity: program, ahead: ahead)
            }
        } else {
            keepEntriesInMemory(storedAnalyses)
        }
        return storedAnalyses
    }

    /// A long-lived session keeps its scored entries in memory between builds
    /// (`SearchEntryStore`), so a save scores again only the terms of the pages that changed
    /// (and places only their postings). In memory rather than in the cache folder, whose file
    /// `switchboard build` keeps for its own output.
    private func keepEntriesInMemory(_ cache: SearchAnalysisCache) {
        if cache.entries == nil { cache.entries = SearchEntryStore(keptInMemoryFor: configuration.programIdentity) }
    }

    /// Written on another core when a document was analysed or dropped.
    private func saveAnalysisCache() {
        guard searchAnalyses == nil, let path = analysisCachePath else { return }
        save(storedAnalyses, to: path)
    }

    private var parseCachePath: String? {
        configuration.cacheDirectory.map { "\($0)/parsed.cache" }
    }

    /// The search index's scored entries in the cache folder `folder` (`SearchEntryStore`).
    private static func searchEntriesPath(in folder: String) -> String {
        "\(folder)/search-entries"
    }

    /// Parsed files from the cache folder, the first time a build uses that folder.
    private func loadParseCache() {
        restores.wait()
        guard let path = parseCachePath else { return }
        Self.restore(parseCache, from: path, ifNot: &parseCacheKey, program: configuration.programIdentity)
    }

    /// Written when a file was parsed, or one went away. A session that builds once lets the
    /// parsed files go once they are written (or at once, without a cache folder): held to the
    /// end, they kept every article's body alive after its page was rendered.
    private func saveParseCache() {
        guard configuration.buildsOnce else {
            // The next build reads the entries: made after the write, on its core, not on that load's path.
            if let path = parseCachePath { save(parseCache, to: path) { $0.makeEntries() } }
            return
        }
        let cache = parseCache
        // Let go, so the next build of this session reads the folder again.
        parseCacheKey = nil
        guard let path = parseCachePath, cache.needsWrite else {
            cache.letGo()
            return
        }
        let program = configuration.programIdentity
        DispatchQueue.global().async(group: cacheWrites) {
            Self.write(cache, to: path, program: program)
            cache.letGo()
        }
    }

    /// Reads `path` and its delta into `entries`, unless they were read from there already.
    private static func restore(_ entries: some CacheFolderEntries, from path: String, ifNot readFrom: inout String?, program: String) {
        guard readFrom != path else { return }
        readFrom = path
        entries.restore(path: path, identity: program)
    }

    /// Streams a delta or a new base to `path` on another core, while the build goes on (nothing
    /// changes `entries` until the next build, which starts after this write ends). A base
    /// replaces the delta beside it; a delta leaves the base as it is.
    /// `afterwards` runs on the same core once the write is done.
    private func save<Entries: CacheFolderEntries>(_ entries: Entries, to path: String, afterwards: @escaping @Sendable (Entries) -> Void = { _ in }) {
        guard entries.needsWrite else { return }
        let program = configuration.programIdentity
        DispatchQueue.global().async(group: cacheWrites) {
            Self.write(entries, to: path, program: program)
            afterwards(entries)
        }
    }

    /// Writes a delta or a new base to `path` now; a base replaces the delta beside it.
    private static func write(_ entries: some CacheFolderEntries, to path: String, program: String) {
        let wroteDelta = CacheFile.stream(path, alternateSuffix: ".delta") { entries.write(identity: program, to: $0) }
        if !wroteDelta { CacheFile.remove(path + ".delta") }
    }

    private var fileDigestsPath: String? {
        configuration.cacheDirectory.map { "\($0)/inputs.digests" }
    }

    /// Starts reading, on other cores, the cache files the build reads before it can use more
    /// than one core itself: the session memory, the file hashes, and the indexes of the parse
    /// cache and the search cache; and loading the theme, when the session holds none. Listing
    /// and statting the content runs meanwhile; at 10,000 files these reads had been about 90 ms
    /// of a one-edit rebuild's path. A build that carries the site over does not use the
    /// caches' indexes; the next build waits for them (`restores`).
    private func prefetch() {
        let program = configuration.programIdentity
        if let path = memoryPath, memoryKey != path || memory == nil {
            prefetched.memory = (path, BackgroundTask { BuildMemory.read(path, program: program) })
        }
        if let path = fileDigestsPath, fileDigestsKey != path {
            prefetched.fileDigests = (path, BackgroundTask { Self.readFileDigests(path) })
        }
        if let path = parseCachePath { restoreAhead(parseCache, from: path, ifNot: &parseCacheKey) }
        // The search index's scored entries, for the store a build that runs once makes later.
        if configuration.buildsOnce, searchAnalyses == nil, storedAnalyses.entries == nil, let folder = configuration.cacheDirectory {
            let path = Self.searchEntriesPath(in: folder)
            prefetched.searchEntries = (path, SearchEntryStore.readAhead(path: path, identity: program))
        }
        if loadedTheme == nil, themeRead == nil {
            // Hashed before and after it is read, so a theme read while the folder changed is
            // never taken for either state of it.
            let directory = configuration.templatesDirectory
            themeRead = BackgroundTask {
                let before = InputFingerprint.templatesDigest(directory)
                let (theme, diagnostics) = TemplateSet.load(directory: directory)
                guard InputFingerprint.templatesDigest(directory) == before else { return nil }
                return (before, theme, diagnostics)
            }
        }
        if searchAnalyses == nil, let path = analysisCachePath {
            if storedAnalyses.wasLetGo { storedAnalysesKey = nil }
            restoreAhead(storedAnalyses, from: path, ifNot: &storedAnalysesKey)
        }
    }

    /// `restore` on another core (in `restores`, which each cache's first use waits for).
    private func restoreAhead(_ entries: some CacheFolderEntries & Sendable, from path: String, ifNot readFrom: inout String?) {
        guard readFrom != path else { return }
        readFrom = path
        let program = configuration.programIdentity
        DispatchQueue.global().async(group: restores) { entries.restore(path: path, identity: program) }
    }

    private static func readFileDigests(_ path: String) -> FileDigests {
        CacheFile.read(path).flatMap { FileDigests(serialized: $0) } ?? FileDigests()
    }

    private func loadFileDigests() {
        if let (path, task) = prefetched.fileDigests {
            prefetched.fileDigests = nil
            if path == fileDigestsPath, fileDigestsKey != path {
                fileDigestsKey = path
                fileDigests = task.wait()
                return
            }
        }
        guard fileDigestsKey != fileDigestsPath else { return }
        fileDigestsKey = fileDigestsPath
        fileDigests = fileDigestsPath.map(Self.readFileDigests) ?? FileDigests()
    }

    /// Written when a file was hashed (changed, new, or too recent to be trusted yet).
    private func saveFileDigests() {
        guard let path = fileDigestsPath, fileDigests.lastHashedCount > 0 else { return }
        let bytes = fileDigests.serialized()
        DispatchQueue.global().async(group: cacheWrites) { CacheFile.write(path, bytes) }
    }

    private func loadMemory() {
        if memoryKey != memoryPath { memory = nil }
        let read = prefetched.memory
        prefetched.memory = nil
        guard memory == nil, let path = memoryPath else { return }
        memoryKey = path
        if let read, read.path == path {
            memory = read.task.wait()
        } else {
            memory = BuildMemory.read(path, program: configuration.programIdentity)
        }
    }

    /// Keeps `next` as the memory of the last build, and writes `encoded`, its bytes
    /// (`BuildMemory.encoded(program:)`, made while the sink committed), to the cache folder.
    private func remember(_ next: BuildMemory, encoded: BackgroundTask<[UInt8]?>?) {
        memory = next
        memoryKey = memoryPath
        // Written on another core, like the other cache files: the next build waits for it.
        if let path = memoryPath, let encoded {
            DispatchQueue.global().async(group: cacheWrites) {
                if let bytes = encoded.wait() { CacheFile.write(path, bytes) }
            }
        }
    }

    private func fails(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.hasErrors || (configuration.failsOnWarnings && !diagnostics.isEmpty)
    }
}
