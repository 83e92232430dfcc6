import SwitchboardModel

/// The link check of everything a build publishes: every reference in every output
/// file (`href`, `src`, `srcset`, CSS `url()`, links in feeds, the sitemap and the
/// status API) must lead to an output file, and every fragment to an id on that page.
///
/// It takes files one at a time (`add`), so it can sit wherever the output passes,
/// and keeps only what the verdict needs: the set of paths, each page's ids, and each
/// distinct target with the first place that names it. Each file is scanned once;
/// resolving a target is a hash lookup, so the check is linear in the output's size.
public struct OutputLinkCheck: Sendable {
    /// Scans and resolves one file's references; safe to use from any thread.
    let resolver: OutputLinkResolver

    private var paths: Set<String> = []
    private var ids: [String: Set<String>] = [:]
    /// Pages added without being read (`addUnread(path:readable:)`) whose ids can be read on demand.
    private var readableLater: Set<String> = []
    /// Distinct targets (path and fragment), each with the first place that names it and how many do.
    private var targets: [Target: (first: Place, count: Int)] = [:]
    private var targetOrder: [Target] = []
    private var problems: [Diagnostic] = []

    typealias Target = OutputLinkResolver.Target

    struct Place: Sendable {
        var file: String
        var reference: OutputReference

        func precedes(_ other: Place) -> Bool {
            file != other.file ? ByteOrder.precedes(file, other.file) : reference.position < other.reference.position
        }
    }

    public init(baseURL: String, displayRoot: String) {
        resolver = OutputLinkResolver(baseURL: baseURL, displayRoot: displayRoot)
    }

    /// Checks a whole build's files, scanning them on all cores.
    public static func check(_ files: [OutputFile], baseURL: String, displayRoot: String) -> [Diagnostic] {
        var check = OutputLinkCheck(baseURL: baseURL, displayRoot: displayRoot)
        let resolver = check.resolver
        // Chunks bound the memory of scanned-but-not-merged references.
        var start = 0
        while start < files.count {
            let end = min(files.count, start + 512)
            for contribution in Array(files[start..<end]).parallelMap({ resolver.contribution(path: $0.path, bytes: $0.bytes) }) {
                check.add(contribution)
            }
            start = end
        }
        return check.finish()
    }

    /// Adds one output file, scanning it on this thread.
    public mutating func add(path: String, bytes: [UInt8]) {
        add(resolver.contribution(path: path, bytes: bytes))
    }

    /// Adds an output file that exists but is not read (its references were checked when it was
    /// written and it is unchanged): links to it resolve, and its fragments are not checked.
    /// With `readable`, `finish(readingIDs:)` reads the page's ids if a fragment names it.
    public mutating func addUnread(path: String, readable: Bool = false) {
        paths.insert(path)
        if readable { readableLater.insert(path) }
    }

    /// Room for a build of about `files` output files, `scanned` of them read for their links:
    /// grown from nothing, the tables were rehashed at every doubling, on the thread that merges
    /// every page's links (a fifth of its time in a clean build). A site names about four
    /// distinct targets (path and fragment) per output file: 50,038 for 13,533 files in the
    /// 10,000-file benchmark. A rebuild that reads few files is not given room it will not use
    /// (reserved for every file, the tables made its one-edit rebuild slower, 0.62 → 0.66 s).
    mutating func reserveCapacity(files: Int, scanned: Int) {
        paths.reserveCapacity(files)
        ids.reserveCapacity(scanned)
        targets.reserveCapacity(scanned * 4)
        targetOrder.reserveCapacity(scanned * 4)
    }

    /// Adds one output file scanned elsewhere (`resolver.contribution`, on any thread).
    mutating func add(_ contribution: OutputLinkContribution) {
        paths.insert(contribution.path)
        if let pageIDs = contribution.ids { ids[contribution.path] = pageIDs }
        problems += contribution.problems
        for named in contribution.named {
            // One lookup for a target seen before (most are: every page names the same few).
            if let index = targets.index(forKey: named.target) {
                // The earliest place by file and position, not the first added: a build that
                // carries pages over adds them in another order than a clean build, and must
                // report the same place.
                let place = Place(file: contribution.path, reference: named.reference)
                if place.precedes(targets.values[index].first) { targets.values[index].first = place }
                targets.values[index].count += 1
            } else {
                targets[named.target] = (Place(file: contribution.path, reference: named.reference), 1)
                targetOrder.append(named.target)
            }
        }
    }

    /// The output file each target in `targetOrder` names (nil: none), found on all cores: a
    /// folder URL is looked up as its `index.html`, a string made per target, and at 10,000
    /// files this was most of the end of a clean build, on one thread.
    private func existingFiles() -> [String?] {
        targetOrder.count > 1024 ? targetOrder.parallelMap { existingFile($0.path) } : targetOrder.map { existingFile($0.path) }
    }

    /// The diagnostics: one per broken target, at the first place that names it (by file and position).
    /// `readingIDs` supplies the ids of a page added unread but readable, when a fragment names it.
    public func finish(readingIDs: ((String) -> Set<String>?)? = nil) -> [Diagnostic] {
        finishNaming(readingIDs: readingIDs).diagnostics
    }

    /// `finish(readingIDs:)`, and the output files named by a reference of a file added (read):
    /// a file that goes in a later build can break only the links of the pages that name it.
    func finishNaming(readingIDs: ((String) -> Set<String>?)? = nil) -> (diagnostics: [Diagnostic], named: Set<String>) {
        var diagnostics = problems
        var ids = self.ids
        let files = existingFiles()
        var named = Set<String>(minimumCapacity: paths.count)
        for (target, file) in zip(targetOrder, files) {
            if let file { named.insert(file) }
            // Most targets name a file and no fragment: nothing more to look at.
            if file != nil, target.fragment?.isEmpty ?? true { continue }
            guard let (first, count) = targets[target] else { continue }
            let others = count > 1 ? " (and \(count - 1) other place\(count == 2 ? "" : "s"))" : ""
            guard let file else {
                diagnostics.append(diagnostic(first, id: "broken-reference", "\(resolver.describe(first.reference)) leads to no file of the site\(others)"))
                continue
            }
            if let fragment = target.fragment, !fragment.isEmpty, ids[file] == nil, readableLater.contains(file),
               let read = readingIDs?(file) {
                ids[file] = read
            }
            if let fragment = target.fragment, !fragment.isEmpty, let pageIDs = ids[file], !pageIDs.contains(fragment) {
                let suggestion = Suggestion.didYouMean(fragment, in: pageIDs)
                diagnostics.append(diagnostic(first, id: "missing-fragment",
                                              "\(resolver.describe(first.reference)): \(file) has no id '\(fragment)'\(suggestion)\(others)"))
            }
        }
        return (diagnostics.sorted(), named)
    }

    private func diagnostic(_ place: Place, id: String, _ message: String) -> Diagnostic {
        resolver.diagnostic(file: place.file, reference: place.reference, id: id, message)
    }

    /// The output file a path names: itself, or its `index.html` (a server adds the slash).
    private func existingFile(_ path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return paths.contains(index) ? index : nil
        }
        if paths.contains(path) { return path }
        return paths.contains(path + "/index.html") ? path + "/index.html" : nil
    }
}
