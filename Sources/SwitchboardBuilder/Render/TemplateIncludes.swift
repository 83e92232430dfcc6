import Foundation
import SwitchboardModel

/// What a theme's templates include of each other: partials (`{{> name}}`) and parents
/// (`{{< name}}`), read from the text as swift-mustache reads tags (comments skipped,
/// delimiter changes followed).
///
/// It serves three purposes: a page's template digest covers what its template includes, so
/// an edit to a partial or parent renders the page again; swift-mustache parses only what it
/// renders and what that includes; and a template that includes itself, directly or through
/// others, is refused when the theme loads (`template-cycle`). swift-mustache follows such an
/// inclusion until the stack overflows, and the build crashed.
struct TemplateIncludes: Sendable {
    /// One inclusion: the template named and where its tag starts.
    struct Tag: Equatable, Sendable {
        var name: String
        var position: SourcePosition
    }

    /// A template's inclusions, by template; nil for a template whose tags cannot be read
    /// (a delimiter change swift-mustache will refuse, or a name chosen by a value), which
    /// counts as including every template.
    let tags: [String: [Tag]?]

    init(_ sources: [String: String]) {
        tags = sources.mapValues(Self.scan)
    }

    /// The tags of `text` that include another template; nil as above.
    static func scan(_ text: String) -> [Tag]? {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var found: [Tag] = []
        var at = 0
        while let start = find(open, in: bytes, from: at) {
            let kindAt = start + open.count
            guard kindAt < bytes.count else { break }
            let kind = bytes[kindAt]
            if kind == UInt8(ascii: "=") {
                // `{{=<% %>=}}`: the two new delimiters, then `=` and the old closing one.
                guard let end = find([UInt8(ascii: "=")] + close, in: bytes, from: kindAt + 1) else { return nil }
                let parts = String(decoding: bytes[(kindAt + 1)..<end], as: UTF8.self).split(whereSeparator: \.isWhitespace)
                guard parts.count == 2 else { return nil }
                at = end + 1 + close.count
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
                continue
            }
            guard let end = find(close, in: bytes, from: kindAt + 1) else { break }
            if kind == UInt8(ascii: ">") || kind == UInt8(ascii: "<") {
                let name = String(decoding: bytes[(kindAt + 1)..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if name.hasPrefix("*") { return nil }
                found.append(Tag(name: name, position: position(of: start, in: bytes)))
            }
            // A comment, a variable or a section tag: nothing inside it is a tag.
            at = end + close.count
        }
        return found
    }

    /// The names `text` includes, in order; nil as above.
    static func names(_ text: String) -> [String]? {
        scan(text).map { $0.map(\.name) }
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
        for name in tags.keys.sorted() {
            guard let found = tags[name], let own = found else { continue }
            for tag in own {
                guard let path = Self.path(from: tag.name, to: name, tags) else { continue }
                let chain = ([name] + path).joined(separator: " → ")
                diagnostics.append(Diagnostic(file: file(name), position: tag.position, id: "template-cycle",
                                              message: "\(tag.name) includes this template again (\(chain)): a template may not include itself, directly or through others, as rendering it would never end"))
            }
        }
        return diagnostics
    }

    /// The templates from `start` to `goal` by inclusions (both ends included), if any.
    private static func path(from start: String, to goal: String, _ tags: [String: [Tag]?]) -> [String]? {
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
            guard let found = tags[current], let own = found else { continue }
            for tag in own where seen.insert(tag.name).inserted {
                previous[tag.name] = current
                queue.append(tag.name)
            }
        }
        return nil
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

    /// Line and column (in characters) of byte `offset`, 1-based.
    private static func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1, lineStart = 0
        for at in 0..<offset where bytes[at] == UInt8(ascii: "\n") {
            line += 1
            lineStart = at + 1
        }
        return SourcePosition(line: line, column: String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }
}
