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
        load(reusing: nil)
    }

    /// Loads, reusing from `cache` every file whose bytes and surroundings (the set of
    /// content paths, base path, raw-HTML switch and clock) are what they were when it
    /// was last parsed, and keeps this load's files in it for the next.
    ///
    /// A caller that has already walked the folder passes what it found as `discovered`
    /// (with the same display path), and the hash of each file's bytes as `fileDigests`,
    /// keyed by absolute path: then the cache is consulted without reading any file.
    ///
    /// With `bodies`, each article parsed or decoded from the cache folder keeps its body there,
    /// not in memory (see `ArticleBodyStore`); one kept in `cache`'s memory keeps it where it is.
    public func load(reusing cache: ParseCache?, discovered: ContentDiscovery.Result? = nil,
                     fileDigests: [String: ContentDigest]? = nil, bodies: ArticleBodyStore? = nil) -> LoadResult {
        _ = MarkdownRenderer.shared // registers cmark-gfm's extensions before any thread parses
        var timings = StageTimings()
        // `git log` runs while the files are parsed; only assembly needs its answer.
        let readsGitDates = options.readsGitDates, directory = contentDirectory
        let gitDates = BackgroundTask { readsGitDates ? GitDates.read(directory) : [:] }

        let discovery = discovered ?? ContentDiscovery(root: contentDirectory, displayRoot: displayPath).discover()
        var diagnostics = discovery.diagnostics
        let files = discovery.files
        if discovered == nil { timings.lap("discover") }

        // site.yml first: its base URL and raw-HTML switch shape every other page.
        var config: SiteConfig?
        var siteFile: LoadedFile?
        // Made once: only its base path depends on site.yml.
        var map = ContentMap(files: files, basePath: "")
        if let site = files.first(where: { $0.collection == .site }) {
            let decoder = EntryDecoder(map: map, markdownOptions: MarkdownOptions(),
                                       displayRoot: displayPath, today: options.now.day, limits: options.limits)
            let loaded = decoder.decode(site)
            if case .site(let value)? = loaded.entry { config = value }
            siteFile = loaded
        } else if !files.isEmpty || discovery.diagnostics.isEmpty {
            diagnostics.append(Diagnostic(file: "\(displayPath)/site.yml", id: "missing-file",
                                          message: "content/site.yml is required: the site's title, base_url, language, time_zone and organisation"))
        }
        if let baseURL = options.baseURL { config?.baseURL = baseURL }

        map.basePath = config?.basePath ?? ""
        let decoder = EntryDecoder(
            map: map,
            markdownOptions: MarkdownOptions(allowRawHTML: config?.allowRawHTML ?? false),
            displayRoot: displayPath,
            today: options.now.day,
            limits: options.limits
        )
        // Everything a file's parse depends on besides its own path and bytes and what its links
        // find in the content map (`ContentMapReads`): keyed by every content path instead, a
        // file added, removed or renamed had every file of the site parsed again.
        var surroundings = ContentHasher()
        surroundings.add(map.basePath)
        surroundings.add(config?.allowRawHTML == true ? 1 : 0)
        // The clock's day, not its instant: a parse reads no more of it (`EntryDecoder.today`).
        // Keyed by the instant, every file was parsed again by every build run without a fixed
        // clock (`--now`, `SOURCE_DATE_EPOCH`): the usual `switchboard build`.
        surroundings.add(options.now.day.description)
        surroundings.add(displayPath)
        let environment = surroundings.finish()
        // Every page and asset path, for a parse that read them all (a broken link's suggestion).
        let everyPath = EveryContentPath(map)
        let fileMap = map
        /// The key of `file` with these bytes whose parse read `reads`.
        @Sendable func key(_ file: DiscoveredFile, _ digest: ContentDigest, _ reads: ContentMapReads) -> ContentDigest {
            var hasher = ContentHasher()
            hasher.add(environment)
            hasher.add(file.path)
            hasher.add(file.absolutePath)
            hasher.add(digest)
            reads.add(to: &hasher, in: fileMap, allPaths: everyPath.digest)
            return hasher.finish()
        }
        let previous = cache?.entries ?? [:]
        let stored = cache?.stored ?? [:]
        let parsed = files.filter { $0.collection != .site }.parallelMap { file -> ParseCache.Lookup in
            guard cache != nil, let digest = fileDigests?[file.absolutePath] ?? FileReader.read(file.absolutePath).map({ ContentDigest($0) })
            else { return ParseCache.Lookup(key: nil, file: decoder.decode(file).storingBody(in: bodies), source: .parsed) }
            // A kept entry is taken if the key its reads give now is the one it was stored under:
            // the same bytes, parsed again, would read the same paths and find the same there.
            if let known = previous[file.path], known.key == key(file, digest, known.reads) {
                return ParseCache.Lookup(key: known.key, reads: known.reads, file: known.file, source: .memory)
            }
            // From the cache folder: decoded here, on all cores; a damaged entry is parsed again.
            // An article's body goes to the store as the cache encoded it, not decoded.
            if let saved = stored[file.path] {
                var reads = ContentMapReads()
                let accept = { (stored: ContentMapReads) -> Bool in
                    reads = stored
                    return saved.key == key(file, digest, stored)
                }
                if let decoded = saved.blob.decoded(keepingBodyEncoded: bodies != nil, accepting: accept) {
                    return ParseCache.Lookup(key: saved.key, reads: reads, file: decoded.storingBody(in: bodies), source: .disk)
                }
            }
            // Encoded for the cache folder later, as it is written, so no copy of every parsed file is held.
            let (loaded, reads) = decoder.decodeReading(file)
            return ParseCache.Lookup(key: key(file, digest, reads), reads: reads, file: loaded.storingBody(in: bodies), source: .parsed)
        }
        // Each file is copied out of its lookup (`perf` shows the whole lookup copied, by `map` as
        // by index): the copy the load needs, since the parse cache keeps the lookups and the site
        // the files. The count and the diagnostics read their fields in place, by index.
        let loadedCount = parsed.count + (siteFile == nil ? 0 : 1)
        var loaded: [LoadedFile] = []
        loaded.reserveCapacity(loadedCount)
        if let siteFile { loaded.append(siteFile) }
        for index in parsed.indices { loaded.append(parsed[index].file) }
        var parsedCount = 0
        for index in parsed.indices where parsed[index].source == .parsed { parsedCount += 1 }
        cache?.keep(parsed)
        for index in loaded.indices where !loaded[index].diagnostics.isEmpty { diagnostics.append(contentsOf: loaded[index].diagnostics) }
        timings.lap("parse and validate files")

        var commitDates = options.commitDates
        commitDates.merge(gitDates.wait()) { _, fromGit in fromGit }
        var assembler = SiteAssembler(config: config, now: options.now, displayRoot: displayPath, commitDates: commitDates)
        let site = assembler.assemble(loaded)
        // The site holds its own copies of the entries: these go on another core (freeing ten
        // thousand parsed files held up the building thread by a hundredth of a second).
        BackgroundRelease.release(consume loaded)
        diagnostics.append(contentsOf: assembler.diagnostics)
        diagnostics.sort()
        timings.lap("cross-file checks")
        var result = LoadResult(site: diagnostics.hasErrors ? nil : site, diagnostics: diagnostics, fileCount: files.count, timings: timings)
        result.parsedFileCount = parsedCount
        result.reparser = ArticleReparser(contentDirectory: contentDirectory, decoder: decoder, now: options.now, commitDates: commitDates,
                                          knownPaths: Set(files.map(\.path)))
        return result
    }
}
