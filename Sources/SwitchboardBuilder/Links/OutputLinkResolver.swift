import SwitchboardModel

/// What one output file brings to the link check: the targets its references name,
/// the ids it offers, and the references that lead outside the site. Worked out on
/// any thread (`OutputLinkResolver.contribution`), merged on one (`OutputLinkCheck.add`).
struct OutputLinkContribution: Sendable {
    struct Named: Sendable {
        var target: OutputLinkResolver.Target
        var reference: OutputReference
    }

    var path: String
    /// An HTML page's ids (fragment targets); nil for other files.
    var ids: Set<String>?
    var named: [Named] = []
    var problems: [Diagnostic] = []
}

/// Scans an output file and resolves its references against the site's base URL.
/// It holds no state of the build, so pages are scanned on all cores while they are
/// rendered, and the only work left to the single thread that merges is hashing targets.
struct OutputLinkResolver: Sendable {
    /// `https://support.example.com/docs/`: absolute URLs under it are the site's own.
    let baseURL: String
    /// The same with `http://`, which also names the site.
    let insecureBaseURL: String
    /// `/docs` or ``: every site path starts with it.
    let basePath: String
    /// The output folder as the user names it, for diagnostics (`public`).
    let displayRoot: String

    struct Target: Hashable, Sendable {
        var path: String
        var fragment: String?
    }

    enum Resolution {
        case skip
        case outsideBase
        case target(Target)
    }

    init(baseURL: String, displayRoot: String) {
        var base = baseURL
        if !base.hasSuffix("/") { base += "/" }
        self.baseURL = base
        insecureBaseURL = base.hasPrefix("https://") ? "http://" + base.dropFirst("https://".count) : base
        var rest = Substring(base)
        if let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")), rest[colon...].hasPrefix("://") {
            rest = rest[rest.utf8.index(colon, offsetBy: 3)...]
        }
        var path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        basePath = path
        self.displayRoot = displayRoot
    }

    /// Scans one output file and resolves every reference in it.
    func contribution(path: String, bytes: [UInt8]) -> OutputLinkContribution {
        let scanned = OutputReferenceScanner.scan(path: path, bytes: bytes, baseURL: baseURL)
        var contribution = OutputLinkContribution(path: path, ids: path.hasSuffix(".html") ? scanned.ids : nil)
        contribution.named.reserveCapacity(scanned.references.count)
        for reference in scanned.references {
            switch resolve(reference.url, from: path) {
            case .skip:
                break
            case .outsideBase:
                contribution.problems.append(diagnostic(file: path, reference: reference, id: "broken-reference",
                                                        "\(describe(reference)) leads outside the site's base path \(basePath)/"))
            case .target(let target):
                contribution.named.append(.init(target: target, reference: reference))
            }
        }
        return contribution
    }

    func describe(_ reference: OutputReference) -> String {
        reference.kind == "URL" ? "the URL \(reference.url)" : "\(reference.kind) \"\(reference.url)\""
    }

    func diagnostic(file: String, reference: OutputReference, id: String, _ message: String) -> Diagnostic {
        Diagnostic(file: displayRoot.isEmpty ? file : "\(displayRoot)/\(file)", position: reference.position,
                   id: id, message: message)
    }

    /// What a reference in the file at `from` names: a path inside the output (without the
    /// base path, no leading slash) and a fragment; `.skip` for other sites and schemes.
    func resolve(_ raw: String, from: String) -> Resolution {
        // Bytes throughout: `#`, `?`, `:` and `/` are ASCII, so a byte search finds them
        // where a browser does, without comparing Characters.
        var url = Self.trimmingWhitespace(Substring(raw))
        guard !url.isEmpty else { return .skip }
        var fragment: String?
        if let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = Self.percentDecoded(url[url.utf8.index(after: hash)...])
            url = url[..<hash]
        }
        if let query = url.utf8.firstIndex(of: UInt8(ascii: "?")) { url = url[..<query] }
        if url.isEmpty { return .target(Target(path: from, fragment: fragment)) } // "#id" or "?q": this file
        var sitePath: String
        if url.utf8.starts(with: "//".utf8) {
            url = "https:" + url
        }
        if let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")), !url.utf8[..<colon].contains(UInt8(ascii: "/")) {
            // A scheme: only the site's own absolute URLs are checked.
            if url.utf8.starts(with: baseURL.utf8) {
                sitePath = basePath + "/" + Substring(url.utf8.dropFirst(baseURL.utf8.count))
            } else if url.utf8.elementsEqual(baseURL.utf8.dropLast()) {
                sitePath = basePath + "/"
            } else if url.utf8.starts(with: insecureBaseURL.utf8) {
                sitePath = basePath + "/" + Substring(url.utf8.dropFirst(insecureBaseURL.utf8.count))
            } else {
                return .skip
            }
        } else if url.utf8.first == UInt8(ascii: "/") {
            sitePath = String(url)
        } else {
            // Relative to the folder of the page's URL.
            let folder = from.utf8.lastIndex(of: UInt8(ascii: "/")).map { from[...$0] } ?? ""
            sitePath = basePath + "/" + folder + url
        }
        sitePath = Self.percentDecoded(Substring(sitePath))
        guard basePath.isEmpty || sitePath == basePath || sitePath.utf8.starts(with: (basePath + "/").utf8) else { return .outsideBase }
        let inside = sitePath.utf8.dropFirst(basePath.utf8.count)
        // Dot segments, as a browser resolves them; most paths have none and are kept as they are.
        if !Self.hasDotOrEmptySegment(Substring(inside)) {
            return .target(Target(path: String(Substring(inside.dropFirst(inside.first == UInt8(ascii: "/") ? 1 : 0))), fragment: fragment))
        }
        var parts: [Substring] = []
        let segments = Substring(inside).split(separator: "/", omittingEmptySubsequences: false)
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

    /// The text without leading and trailing white space; most references have none and
    /// are returned at once, without walking Characters.
    static func trimmingWhitespace(_ text: Substring) -> Substring {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return text }
        var text = text
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }

    /// Whether a path has a `.` or `..` segment, or an empty one other than the first and last.
    static func hasDotOrEmptySegment(_ path: Substring) -> Bool {
        let bytes = path.utf8
        var length = 0, dots = 0, index = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                if length > 0 && dots == length && length <= 2 { return true }
                if length == 0 && index > 0 { return true }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            index += 1
        }
        return length > 0 && dots == length && length <= 2
    }

    static func percentDecoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
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
