import Foundation
import SwitchboardModel

/// What a theme's templates include of each other, partials (`{{> name}}`) and parents
/// (`{{< name}}`), and how deep their sections nest: read from the text as swift-mustache
/// reads tags (comments skipped, delimiter changes followed), in one pass.
///
/// It serves four purposes: a page's template digest covers what its template includes, so
/// an edit to a partial or parent renders the page again; swift-mustache parses only what it
/// renders and what that includes; and, before anything parses a template, a template that
/// includes itself, directly or through others (`template-cycle`), or whose sections nest too
/// deep with what it includes (`template-too-deep`), is refused. swift-mustache follows such an
/// inclusion until the stack overflows, and its parser recursed once per nested section: the
/// build crashed on both.
struct TemplateIncludes: Sendable {
    /// One inclusion: the template named, and the byte offset of its tag in the template.
    struct Tag: Equatable, Sendable {
        var name: String
        var offset: Int
    }

    /// A template's tags as far as inclusions and nesting go. Places are byte offsets, turned
    /// into lines and columns only for a diagnostic.
    struct Scan: Sendable {
        var tags: [Tag] = []
        /// The depth each tag of `tags` is at.
        var depths: [Int] = []
        /// Where sections first nest 1, 2, 3… deep: the tag that opens the first section at
        /// each depth. Its count is the deepest they nest.
        var depthReachedAt: [Int] = []
        var deepest: Int { depthReachedAt.count }
        /// False when some tag could not be followed: a delimiter change swift-mustache will
        /// refuse (the scan stops there, as swift-mustache's parse does), or a name chosen by a value.
        var complete = true
        /// The first partial or parent named by a value (`{{>*name}}`).
        var dynamicAt: Int?
    }

    /// A template's inclusions, by template; nil for a template whose tags cannot all be read,
    /// which counts as including every template.
    let tags: [String: [Tag]?]
    private let scans: [String: Scan]
    private let sources: [String: String]

    init(_ sources: [String: String]) {
        var tags: [String: [Tag]?] = [:], scans: [String: Scan] = [:]
        for (name, text) in sources {
            let scan = Self.read(text)
            tags[name] = scan.complete ? scan.tags : nil
            scans[name] = scan
        }
        self.tags = tags
        self.scans = scans
        self.sources = sources
    }

    /// Its inclusions and the depth of its sections (`#`, `^`, `$`, `<` open one, `/` closes
    /// one), read as swift-mustache reads tags.
    static func read(_ text: String) -> Scan {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var result = Scan()
        var depth = 0
        var at = 0
        while let start = find(open, in: bytes, from: at) {
            let kindAt = start + open.count
            guard kindAt < bytes.count else { break }
            let kind = bytes[kindAt]
            if kind == UInt8(ascii: "=") {
                // `{{=<% %>=}}`: the two new delimiters, then `=` and the old closing one.
                let end = find([UInt8(ascii: "=")] + close, in: bytes, from: kindAt + 1)
                let parts = end.map { String(decoding: bytes[(kindAt + 1)..<$0], as: UTF8.self).split(whereSeparator: \.isWhitespace) } ?? []
                guard let end, parts.count == 2 else {
                    result.complete = false
                    return result
                }
                at = end + 1 + close.count
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
                continue
            }
            guard let end = find(close, in: bytes, from: kindAt + 1) else { break }
            if kind == UInt8(ascii: ">") || kind == UInt8(ascii: "<") {
                let name = String(decoding: bytes[(kindAt + 1)..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if name.hasPrefix("*") {
                    result.complete = false
                    result.dynamicAt = result.dynamicAt ?? start
                } else {
                    result.tags.append(Tag(name: name, offset: start))
                    result.depths.append(depth)
                }
            }
            if kind == UInt8(ascii: "#") || kind == UInt8(ascii: "^") || kind == UInt8(ascii: "$") || kind == UInt8(ascii: "<") {
                depth += 1
                if depth > result.deepest { result.depthReachedAt.append(start) }
            } else if kind == UInt8(ascii: "/") {
                depth = max(0, depth - 1)
            }
            // A comment, a variable or a section tag: nothing inside it is a tag.
            at = end + close.count
        }
        return result
    }

    /// `roots` and every template they include, transitively, sorted.
    func closure(of roots: [String]) -> [String] {
        var seen: Set<String> = []
        var queue = roots
        while let next = queue.popLast() {
            guard seen.insert(next).inserted, let found = tags[next] else { continue }
            guard let included = found else { return tags.keys.sorted() }
            queue += included.map(\.name)
        }
        return seen.filter { tags[$0] != nil }.sorted()
    }

    /// An error at each tag through which a template includes itself, directly or through
    /// others; `file` names a template's file for the diagnostic.
    func cycles(file: (String) -> String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in scans.keys.sorted() {
            for tag in scans[name]!.tags {
                guard let path = path(from: tag.name, to: name) else { continue }
                let chain = ([name] + path).joined(separator: " → ")
                diagnostics.append(Diagnostic(file: file(name), position: position(tag.offset, in: name), id: "template-cycle",
                                              message: "\(tag.name) includes this template again (\(chain)): a template may not include itself, directly or through others, as rendering it would never end"))
            }
        }
        return diagnostics
    }

    /// An error for each template whose sections nest deeper than `limit`, counting those of
    /// the templates it includes where it includes them: at the tag that opens the section one
    /// too many, or at the inclusion that takes it past the limit when neither template does
    /// alone. Rendering slows with each level (every name is looked up through the levels
    /// above it), and swift-mustache, which recurses per level, crashed at a few thousand.
    func nesting(limit: Int, file: (String) -> String) -> [Diagnostic] {
        var memo: [String: Int] = [:]
        var visiting: Set<String> = []
        /// The deepest nesting of `name` with what it includes (what is unknown or in a circle adds nothing).
        func depth(_ name: String) -> Int {
            if let known = memo[name] { return known }
            guard let scan = scans[name], visiting.insert(name).inserted else { return 0 }
            var deepest = scan.deepest
            for (tag, at) in zip(scan.tags, scan.depths) { deepest = max(deepest, at + depth(tag.name)) }
            visiting.remove(name)
            memo[name] = deepest
            return deepest
        }
        var diagnostics: [Diagnostic] = []
        for name in scans.keys.sorted() {
            let scan = scans[name]!
            if scan.deepest > limit {
                diagnostics.append(Diagnostic(file: file(name), position: position(scan.depthReachedAt[limit], in: name), id: "template-too-deep",
                                              message: "this section is \(limit + 1) deep (the template nests \(scan.deepest) deep); at most \(limit): rendering slows with each level, and deeper nesting can exhaust the stack"))
                continue
            }
            for (tag, at) in zip(scan.tags, scan.depths) where (scans[tag.name]?.deepest ?? 0) <= limit {
                let total = at + depth(tag.name)
                guard total > limit else { continue }
                diagnostics.append(Diagnostic(file: file(name), position: position(tag.offset, in: name), id: "template-too-deep",
                                              message: "including \(tag.name) here nests sections \(total) deep; at most \(limit): rendering slows with each level, and deeper nesting can exhaust the stack"))
                break
            }
        }
        return diagnostics
    }

    /// An error at the first partial or parent of each template whose name comes from a value
    /// (`{{>*name}}`): what it includes cannot be checked for circles or depth.
    func dynamicNames(file: (String) -> String) -> [Diagnostic] {
        scans.keys.sorted().compactMap { name in
            scans[name]!.dynamicAt.map {
                Diagnostic(file: file(name), position: position($0, in: name), id: "template-dynamic-partial",
                           message: "a partial whose name comes from a value ({{>*name}}) is not supported: the theme could not be checked for templates that include themselves")
            }
        }
    }

    /// The templates from `start` to `goal` by inclusions (both ends included), if any.
    private func path(from start: String, to goal: String) -> [String]? {
        var previous: [String: String] = [:]
        var queue = [start]
        var seen: Set<String> = [start]
        var index = 0
        while index < queue.count {
            let current = queue[index]
            index += 1
            if current == goal {
                var path = [current]
                while let before = previous[path[0]] { path.insert(before, at: 0) }
                return path
            }
            for tag in scans[current]?.tags ?? [] where seen.insert(tag.name).inserted {
                previous[tag.name] = current
                queue.append(tag.name)
            }
        }
        return nil
    }

    /// Line and column of byte `offset` in template `name`.
    private func position(_ offset: Int, in name: String) -> SourcePosition {
        Self.position(of: offset, in: sources[name] ?? "")
    }

    /// Line and column (in characters) of byte `offset` of `text`, 1-based.
    static func position(of offset: Int, in text: String) -> SourcePosition {
        let bytes = Array(text.utf8.prefix(offset))
        let lineStart = (bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let line = bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return SourcePosition(line: line, column: String(decoding: bytes[lineStart...], as: UTF8.self).count + 1)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start + needle.count <= bytes.count else { return nil }
        var at = start
        while at + needle.count <= bytes.count {
            if bytes[at] == needle[0], bytes[at..<(at + needle.count)].elementsEqual(needle) { return at }
            at += 1
        }
        return nil
    }
}
