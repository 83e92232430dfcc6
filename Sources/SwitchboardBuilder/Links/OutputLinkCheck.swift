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
    /// `https://support.example.com/docs/`: absolute URLs under it are the site's own.
    let baseURL: String
    /// `/docs` or ``: every site path starts with it.
    let basePath: String
    /// The output folder as the user names it, for diagnostics (`public`).
    let displayRoot: String

    private var paths: Set<String> = []
    private var ids: [String: Set<String>] = [:]
    /// Distinct targets (path and fragment), each with the first place that names it and how many do.
    private var targets: [Target: (first: Place, count: Int)] = [:]
    private var targetOrder: [Target] = []
    private var problems: [Diagnostic] = []

    struct Target: Hashable, Sendable {
        var path: String
        var fragment: String?
    }

    struct Place: Sendable {
        var file: String
        var reference: OutputReference
    }

    public init(baseURL: String, displayRoot: String) {
        var base = baseURL
        if !base.hasSuffix("/") { base += "/" }
        self.baseURL = base
        var rest = base
        if let scheme = rest.range(of: "://") { rest = String(rest[scheme.upperBound...]) }
        var path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        basePath = path
        self.displayRoot = displayRoot
    }

    /// Checks a whole build's files, scanning them on all cores.
    public static func check(_ files: [OutputFile], baseURL: String, displayRoot: String) -> [Diagnostic] {
        var check = OutputLinkCheck(baseURL: baseURL, displayRoot: displayRoot)
        let base = check.baseURL
        // Chunks bound the memory of scanned-but-not-merged references.
        var start = 0
        while start < files.count {
            let end = min(files.count, start + 512)
            for scanned in Array(files[start..<end]).parallelMap({ OutputReferenceScanner.scan(path: $0.path, bytes: $0.bytes, baseURL: base) }) {
                check.add(scanned)
            }
            start = end
        }
        return check.finish()
    }

    /// Adds one output file.
    public mutating func add(path: String, bytes: [UInt8]) {
        add(OutputReferenceScanner.scan(path: path, bytes: bytes, baseURL: baseURL))
    }

    /// Adds an output file that exists but is not read (its references were checked when it was
    /// written and it is unchanged): links to it resolve, and its fragments are not checked.
    public mutating func addUnread(path: String) {
        paths.insert(path)
    }

    mutating func add(_ scanned: ScannedOutput) {
        paths.insert(scanned.path)
        if scanned.path.hasSuffix(".html") { ids[scanned.path] = scanned.ids }
        for reference in scanned.references {
            switch resolve(reference.url, from: scanned.path) {
            case .skip:
                break
            case .outsideBase:
                problems.append(diagnostic(Place(file: scanned.path, reference: reference), id: "broken-reference",
                                           "\(describe(reference)) leads outside the site's base path \(basePath)/"))
            case .target(let target):
                if let seen = targets[target] {
                    targets[target] = (seen.first, seen.count + 1)
                } else {
                    targets[target] = (Place(file: scanned.path, reference: reference), 1)
                    targetOrder.append(target)
                }
            }
        }
    }

    /// The diagnostics: one per broken target, at the first place that names it.
    public func finish() -> [Diagnostic] {
        var diagnostics = problems
        for target in targetOrder {
            guard let (first, count) = targets[target] else { continue }
            let others = count > 1 ? " (and \(count - 1) other place\(count == 2 ? "" : "s"))" : ""
            guard let file = existingFile(target.path) else {
                diagnostics.append(diagnostic(first, id: "broken-reference", "\(describe(first.reference)) leads to no file of the site\(others)"))
                continue
            }
            if let fragment = target.fragment, !fragment.isEmpty, let pageIDs = ids[file], !pageIDs.contains(fragment) {
                let suggestion = Suggestion.didYouMean(fragment, in: pageIDs)
                diagnostics.append(diagnostic(first, id: "missing-fragment",
                                              "\(describe(first.reference)): \(file) has no id '\(fragment)'\(suggestion)\(others)"))
            }
        }
        return diagnostics.sorted()
    }

    private func describe(_ reference: OutputReference) -> String {
        reference.kind == "URL" ? "the URL \(reference.url)" : "\(reference.kind) \"\(reference.url)\""
    }

    private func diagnostic(_ place: Place, id: String, _ message: String) -> Diagnostic {
        Diagnostic(file: displayRoot.isEmpty ? place.file : "\(displayRoot)/\(place.file)", position: place.reference.position,
                   id: id, message: message)
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

    enum Resolution {
        case skip
        case outsideBase
        case target(Target)
    }

    /// What a reference in the file at `from` names: a path inside the output (without the
    /// base path, no leading slash) and a fragment; `.skip` for other sites and schemes.
    func resolve(_ raw: String, from: String) -> Resolution {
        var url = Substring(raw).trimmingWhitespace()
        guard !url.isEmpty else { return .skip }
        var fragment: String?
        if let hash = url.firstIndex(of: "#") {
            fragment = percentDecoded(url[url.index(after: hash)...])
            url = url[..<hash]
        }
        if let query = url.firstIndex(of: "?") { url = url[..<query] }
        if url.isEmpty { return .target(Target(path: from, fragment: fragment)) } // "#id" or "?q": this file
        var sitePath: String
        if url.hasPrefix("//") {
            url = "https:" + url
        }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") {
            // A scheme: only the site's own absolute URLs are checked.
            let absolute = String(url)
            let bare = String(baseURL.dropLast())
            let insecure = baseURL.replacingOccurrences(of: "https://", with: "http://")
            if absolute.hasPrefix(baseURL) || absolute == bare {
                sitePath = basePath + "/" + absolute.dropFirst(min(absolute.count, baseURL.count))
            } else if absolute.hasPrefix(insecure) {
                sitePath = basePath + "/" + absolute.dropFirst(insecure.count)
            } else {
                return .skip
            }
        } else if url.hasPrefix("/") {
            sitePath = String(url)
        } else {
            // Relative to the folder of the page's URL.
            let folder = from.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            sitePath = basePath + "/" + (folder.isEmpty ? "" : folder + "/") + url
        }
        sitePath = percentDecoded(Substring(sitePath))
        guard basePath.isEmpty || sitePath == basePath || sitePath.hasPrefix(basePath + "/") else { return .outsideBase }
        let inside = sitePath.dropFirst(basePath.count)
        // Dot segments, as a browser resolves them.
        var parts: [Substring] = []
        let segments = inside.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment == ".." {
                guard !parts.isEmpty else { return .outsideBase }
                parts.removeLast()
            } else if segment != "." && !(segment.isEmpty && index < segments.count - 1) {
                parts.append(segment)
            }
            if (segment == "." || segment == "..") && index == segments.count - 1 { parts.append("") }
        }
        let path = parts.joined(separator: "/")
        return .target(Target(path: path, fragment: fragment))
    }

    private func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == 0x25, iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension Substring {
    func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
