/// A Mustache template compiled once for `TemplateValue` contexts: every variable
/// path is split when the template is loaded, and rendering is a walk over nodes
/// that appends to one string. It renders exactly what swift-mustache renders for
/// the constructs it accepts (text, `{{name}}`, `{{{name}}}`, `{{&name}}`, dotted
/// names, `.`, sections, inverted sections, comments, standalone tag lines, and
/// partials, which `linked` splices in); a template with anything else (an indented
/// partial on a line of its own, which swift-mustache indents line by line, delimiters,
/// transforms, pragmas, inheritance) is not compiled and swift-mustache renders it.
/// `CompiledTemplateTests` renders every page both ways and compares.
///
/// Profiling the build (callgrind) showed most rendering time in swift-mustache's
/// per-lookup work: splitting the name, casting each context object to
/// `MustacheParent`, and casting each value to three protocols before printing it.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable([String], escaped: Bool)
        case section([String], [Node], inverted: Bool)
        /// `{{> name}}` before `linked` puts the partial's nodes in its place.
        case partial(String)
    }

    let nodes: [Node]

    /// Compiles `text`, or nil when it uses something this renderer does not handle.
    init?(_ text: String) {
        enum Token {
            case text(String)
            case tag(kind: Character?, name: String)
        }
        var tokens: [Token] = []
        for line in Self.lines(text) {
            var lineTokens: [Token] = []
            var rest = Substring(line)
            // Each search starts where the last tag ended, so a line costs time in its length:
            // Foundation's `range(of:)` copied the rest of the line at every tag, and a template
            // of thousands of tags on one line took seconds.
            let ascii = line.utf8.allSatisfy { $0 < 0x80 }
            while let open = Self.firstRange(of: "{{", in: rest, ascii: ascii) {
                if open.lowerBound > rest.startIndex { lineTokens.append(.text(String(rest[..<open.lowerBound]))) }
                var after = rest[open.upperBound...]
                let triple = after.hasPrefix("{")
                if triple { after = after.dropFirst() }
                guard let close = Self.firstRange(of: triple ? "}}}" : "}}", in: after, ascii: ascii) else { return nil }
                var inner = after[..<close.lowerBound]
                rest = after[close.upperBound...]
                var kind: Character?
                if triple {
                    kind = "&"
                } else if let first = inner.first, "#^/!&>=%{<$".contains(first) {
                    kind = first
                    inner = inner.dropFirst()
                }
                let name = inner.trimmingCharacters(in: .whitespaces)
                if kind == "!" {
                    lineTokens.append(.tag(kind: "!", name: ""))
                    continue
                }
                if kind == ">" {
                    guard !name.isEmpty, name.allSatisfy(Self.partialNameCharacters.contains) else { return nil }
                    lineTokens.append(.tag(kind: ">", name: name))
                    continue
                }
                guard kind == nil || "#^/&".contains(kind!), !name.isEmpty, name.allSatisfy(Self.nameCharacters.contains) else { return nil }
                lineTokens.append(.tag(kind: kind, name: name))
            }
            if !rest.isEmpty { lineTokens.append(.text(String(rest))) }
            // A line holding only a section, inverted, closing or comment tag and
            // blanks is "standalone": the whole line, newline included, disappears.
            let tags = lineTokens.filter { if case .tag = $0 { return true } else { return false } }
            let blank = lineTokens.allSatisfy({ if case .text(let t) = $0 { return t.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" } } else { return true } })
            if tags.count == 1, case .tag(let kind?, _) = tags[0], "#^/!".contains(kind), blank {
                tokens.append(tags[0])
            } else if tags.count == 1, case .tag(">"?, _) = tags[0], blank {
                // A partial on a line of its own takes the line's place; swift-mustache indents
                // each of its lines by the blanks before the tag, which this renderer does not do.
                guard case .tag? = lineTokens.first else { return nil }
                tokens.append(tags[0])
            } else {
                tokens += lineTokens
            }
        }
        // Nest the sections.
        var stack: [(name: String, inverted: Bool, nodes: [Node])] = [("", false, [])]
        for token in tokens {
            switch token {
            case .text(let text):
                stack[stack.count - 1].nodes.append(.text(text))
            case .tag(let kind, let name):
                switch kind {
                case "!": continue
                case "#", "^": stack.append((name, kind == "^", []))
                case "/":
                    guard stack.count > 1, stack.last!.name == name else { return nil }
                    let section = stack.removeLast()
                    stack[stack.count - 1].nodes.append(.section(Self.path(section.name), section.nodes, inverted: section.inverted))
                case ">":
                    stack[stack.count - 1].nodes.append(.partial(name))
                default:
                    stack[stack.count - 1].nodes.append(.variable(Self.path(name), escaped: kind == nil))
                }
            }
        }
        guard stack.count == 1 else { return nil }
        nodes = Self.merged(stack[0].nodes)
    }

    /// The template with each partial's nodes in place of its tag, as swift-mustache renders a
    /// partial within a line: with the same context, no indentation. `compiled` holds the
    /// theme's other templates compiled and not yet linked; a partial named in `known` but not
    /// compiled, or partials nested deeper than `depth` (one including itself), leave the
    /// template to swift-mustache (nil). A partial the theme does not have renders nothing, as
    /// in swift-mustache.
    func linked(_ compiled: [String: CompiledTemplate], known: Set<String>, depth: Int = 8) -> CompiledTemplate? {
        func link(_ nodes: [Node], _ depth: Int) -> [Node]? {
            var result: [Node] = []
            for node in nodes {
                switch node {
                case .partial(let name):
                    if let partial = compiled[name] {
                        guard depth > 0, let inner = link(partial.nodes, depth - 1) else { return nil }
                        result += inner
                    } else if known.contains(name) {
                        return nil
                    }
                case .section(let path, let inner, let inverted):
                    guard let inner = link(inner, depth) else { return nil }
                    result.append(.section(path, inner, inverted: inverted))
                default:
                    result.append(node)
                }
            }
            return result
        }
        return link(nodes, depth).map { CompiledTemplate(nodes: Self.merged($0)) }
    }

    private init(nodes: [Node]) {
        self.nodes = nodes
    }

    /// The characters of a partial's name that swift-mustache reads, less `*` (a dynamic name),
    /// `?` and brackets.
    static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_/")

    /// The characters of a name swift-mustache reads without transforms. A name of these alone
    /// is one swift-mustache accepts, so a template compiled here is one it would parse:
    /// `TemplateSet` parses a compiled template with swift-mustache only when something renders
    /// through it (`CompiledTemplateTests.aCompiledTemplateIsOneSwiftMustacheParses`).
    static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    /// Where `needle` first occurs in `text`: compared Character by Character, as swift-mustache
    /// reads, or byte by byte when the line is ASCII, where the two agree (and bytes are quicker).
    private static func firstRange(of needle: String, in text: Substring, ascii: Bool) -> Range<Substring.Index>? {
        guard ascii else { return text.firstRange(of: needle) }
        let wanted = Array(needle.utf8), bytes = text.utf8
        var start = bytes.startIndex
        while let first = bytes[start...].firstIndex(of: wanted[0]) {
            var at = first, matched = 0
            while matched < wanted.count, at != bytes.endIndex, bytes[at] == wanted[matched] {
                at = bytes.index(after: at)
                matched += 1
            }
            if matched == wanted.count { return first..<at }
            start = bytes.index(after: first)
        }
        return nil
    }

    /// The template's lines, each with its newline.
    private static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }

    /// Joins neighbouring text nodes.
    private static func merged(_ nodes: [Node]) -> [Node] {
        var result: [Node] = []
        for node in nodes {
            if case .text(let text) = node, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else if case .section(let path, let inner, let inverted) = node {
                result.append(.section(path, merged(inner), inverted: inverted))
            } else {
                result.append(node)
            }
        }
        return result
    }

    func render(_ root: TemplateFields) -> String {
        var out = ""
        var stack: [TemplateValue] = [.object(root)]
        Self.render(nodes, stack: &stack, into: &out)
        return out
    }

    private static func render(_ nodes: [Node], stack: inout [TemplateValue], into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: stack) else { continue }
                let text: String
                switch value {
                case .string(let string): text = string
                case .int(let number): text = String(number)
                case .bool(let flag): text = flag ? "true" : "false"
                case .other(let description): text = description
                case .list, .object: continue
                }
                out += escaped ? HTMLEscaping.escape(text) : text
            case .partial:
                // Linked templates hold none (`linked`).
                continue
            case .section(let path, let inner, let inverted):
                let value = lookup(path, in: stack)
                if inverted {
                    switch value {
                    case nil, .bool(false)?: render(inner, stack: &stack, into: &out)
                    case .list(let items)? where items.isEmpty: render(inner, stack: &stack, into: &out)
                    default: break
                    }
                    continue
                }
                switch value {
                case nil, .bool(false)?: break
                case .bool(true)?: render(inner, stack: &stack, into: &out)
                case .list(let items)?:
                    for item in items {
                        stack.append(item)
                        render(inner, stack: &stack, into: &out)
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    render(inner, stack: &stack, into: &out)
                    stack.removeLast()
                }
            }
        }
    }

    /// Mustache's lookup: the first name from the top of the stack down, the rest inside it.
    private static func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        if path.first == "." { return stack.last }
        guard let first = path.first else { return nil }
        for value in stack.reversed() {
            guard case .object(let fields) = value, let found = fields.child(first) else { continue }
            var current = found
            for name in path.dropFirst() {
                guard case .object(let fields) = current, let next = fields.child(name) else { return nil }
                current = next
            }
            return current
        }
        return nil
    }
}
