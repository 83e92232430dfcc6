import SwitchboardMarkdown

/// A link to an anchor of another page, checked once every page's headings are known.
struct PendingAnchor: Sendable, Codable {
    var file: String
    var position: SourcePosition
    /// Content path of the target.
    var target: String
    var anchor: String
}

/// Renders the Markdown of one file, rewriting relative links to content files
/// into page URLs and reporting links whose target does not exist.
struct PageLinker: Sendable {
    let map: ContentMap
    /// Content path of the file being rendered.
    let path: String
    let options: MarkdownOptions
    var pendingAnchors: [PendingAnchor] = []
    /// What the links read of the map: the parse cache's key covers these, not the whole map.
    var reads: ContentMapReads { ContentMapReads(paths: looked.paths, everyPath: looked.everyPath) }
    private var looked = Looked()

    /// The content paths the links looked up so far, and whether a suggestion read them all.
    private struct Looked {
        var paths = Set<String>()
        var everyPath = false
    }

    init(map: ContentMap, path: String, options: MarkdownOptions) {
        self.map = map
        self.path = path
        self.options = options
    }

    /// Renders `source`, whose first line is line `lineOffset + 1` of the file.
    ///
    /// A file's body (`keepingSource` false) keeps only what was rendered: nothing reads its
    /// Markdown after this, and a long-lived `serve` held 27 MB of it at 10,000 articles. Short
    /// fields keep theirs (the status API publishes an update's Markdown as written).
    mutating func render(_ source: String, lineOffset: Int, keepingSource: Bool = true,
                         diagnostics: inout DiagnosticCollector) -> MarkdownText {
        var pending: [PendingAnchor] = []
        var looked = self.looked
        var rendered = MarkdownRenderer.shared.render(source, options: options) { link in
            let position = SourcePosition(line: link.line + lineOffset, column: link.column)
            return resolve(link, at: position, diagnostics: &diagnostics, pending: &pending, looked: &looked)
        }
        pendingAnchors.append(contentsOf: pending)
        self.looked = looked
        // The links were checked and rewritten as they were rendered (above); nothing reads the list after.
        rendered.links = []
        return MarkdownText(source: keepingSource ? source : "", rendered: rendered)
    }

    private func resolve(_ link: MarkdownLink, at position: SourcePosition, diagnostics: inout DiagnosticCollector,
                         pending: inout [PendingAnchor], looked: inout Looked) -> String? {
        let destination = link.destination
        if destination.isEmpty { return nil }
        if destination.hasPrefix("#") {
            if path.hasSuffix(".md") {
                pending.append(PendingAnchor(file: diagnostics.file, position: position, target: path, anchor: String(destination.dropFirst())))
            }
            return nil
        }
        if Self.isExternal(destination) { return nil }
        if destination.hasPrefix("/") { return map.url(destination) }

        // Byte-level splitting: this runs for every link of every page.
        let bytes = Array(destination.utf8)
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let fragment = hash.map { String(decoding: bytes[($0 + 1)...], as: UTF8.self) }
        let pathEnd = bytes[..<(hash ?? bytes.count)].firstIndex(of: UInt8(ascii: "?")) ?? (hash ?? bytes.count)
        let target = String(decoding: bytes[..<pathEnd], as: UTF8.self)
        let decoded = target.removingPercentEncoding ?? target
        guard let resolved = Self.resolve(decoded, from: path) else {
            diagnostics.error("broken-link", "the link '\(destination)' leads outside the content folder", at: position)
            return nil
        }
        looked.paths.insert(resolved)
        if let page = map.pageURLs[resolved] {
            if let fragment, !fragment.isEmpty {
                if resolved.hasSuffix(".md") {
                    pending.append(PendingAnchor(file: diagnostics.file, position: position, target: resolved, anchor: fragment))
                }
                // FAQ entries are anchors already; the heading's anchor replaces them.
                let base = page.split(separator: "#", maxSplits: 1).first.map(String.init) ?? page
                return map.url(base) + "#" + fragment
            }
            return map.url(page)
        }
        if map.assets.contains(resolved) {
            return map.url("/" + resolved)
        }
        // The suggestion looks through every path.
        looked.everyPath = true
        let candidates = Array(map.pageURLs.keys) + Array(map.assets)
        let relativeCandidates = candidates.map { Self.relative($0, from: path) }
        let suggestion = Suggestion.didYouMean(decoded, in: relativeCandidates)
        diagnostics.error("broken-link", "the link '\(destination)' leads to content/\(resolved), which does not exist\(suggestion)", at: position)
        return nil
    }

    /// A scheme (`https:`, `mailto:`, `tel:`) or a protocol-relative `//host`.
    static func isExternal(_ destination: String) -> Bool {
        var sawScheme = false
        for byte in destination.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return sawScheme
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                sawScheme = true
            case UInt8(ascii: "/"):
                return !sawScheme && destination.utf8.starts(with: "//".utf8)
            default: return false
            }
        }
        return false
    }

    /// `target` relative to the folder of `from`, as a content path; nil when it climbs out.
    static func resolve(_ target: String, from: String) -> String? {
        let slash = UInt8(ascii: "/")
        var parts = from.utf8.split(separator: slash).dropLast().map { Array($0) }
        for component in target.utf8.split(separator: slash) {
            if component.elementsEqual(".".utf8) { continue }
            if component.elementsEqual("..".utf8) {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(Array(component))
            }
        }
        var joined: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { joined.append(slash) }
            joined += part
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// The relative path from the folder of `from` to `target`, for suggestions.
    static func relative(_ target: String, from: String) -> String {
        let base = from.split(separator: "/").dropLast()
        let goal = target.split(separator: "/")
        var common = 0
        while common < base.count, common < goal.count - 1, base[base.startIndex + common] == goal[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + goal[common...].map(String.init)).joined(separator: "/")
    }
}

extension String {
    /// Decodes `%20` and friends; nil when the escapes are malformed.
    var removingPercentEncoding: String? {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
