import CYaml

/// Reads YAML text into `YAMLNode`s. The only file that sees Yams (its bundled libyaml).
///
/// It reads libyaml's events itself instead of letting Yams compose a tree, because
/// composing expands aliases: nine levels of nine aliases, under a kilobyte, expand
/// to hundreds of millions of nodes. Walking the events keeps every limit in
/// `InputLimits` in force before anything is built: aliases are refused where they
/// stand, depth and node count are checked as each node starts, and the walk is a
/// loop with an explicit stack, so deep input cannot exhaust the thread's stack.
public enum YAMLReader {
    /// Parses one YAML document. A syntax error or an exceeded limit becomes a diagnostic
    /// at its place, with lines counted from `lineOffset` (the lines before the YAML in the file).
    public static func read(_ text: String, lineOffset: Int = 0, limits: InputLimits = .standard,
                            diagnostics: inout DiagnosticCollector) -> YAMLNode? {
        var bytes = Array(text.utf8)
        let count = bytes.count
        bytes.append(0) // libyaml needs a non-null pointer even for empty input
        return bytes.withUnsafeBufferPointer { buffer in
            var walker = EventWalker(lineOffset: lineOffset, limits: limits)
            return walker.run(buffer.baseAddress!, count: count, diagnostics: &diagnostics)
        }
    }
}

/// One pass over libyaml's events, building `YAMLNode`s bottom-up.
private struct EventWalker {
    let lineOffset: Int
    let limits: InputLimits

    /// A mapping or list whose end event has not come yet.
    struct Open {
        var position: SourcePosition
        var isMapping: Bool
        var items: [YAMLNode] = []
    }

    var stack: [Open] = []
    var nodes = 0
    var documents = 0
    var root: YAMLNode?

    init(lineOffset: Int, limits: InputLimits) {
        self.lineOffset = lineOffset
        self.limits = limits
    }

    func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    mutating func run(_ input: UnsafePointer<UInt8>, count: Int, diagnostics: inout DiagnosticCollector) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input, count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                report(parser, diagnostics: &diagnostics)
                return nil
            }
            defer { yaml_event_delete(&event) }
            let at = position(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    diagnostics.error("yaml-syntax", "invalid YAML: expected a single document, but found another one here", at: at)
                    return nil
                }
            case YAML_ALIAS_EVENT:
                diagnostics.error("yaml-alias", "YAML aliases (*name) are not accepted in content: write the value out in full", at: at)
                return nil
            case YAML_SCALAR_EVENT:
                guard countNode(at, diagnostics: &diagnostics) else { return nil }
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                let style: YAMLNode.ScalarStyle
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .quoted
                case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
                default: style = .plain
                }
                add(YAMLNode(.scalar(text, style), at: at))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard countNode(at, diagnostics: &diagnostics) else { return nil }
                if stack.count >= limits.maxYAMLDepth {
                    diagnostics.error("yaml-too-deep", "the YAML nests more than \(limits.maxYAMLDepth) mappings and lists inside each other", at: at)
                    return nil
                }
                stack.append(Open(position: at, isMapping: event.type == YAML_MAPPING_START_EVENT))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let open = stack.removeLast()
                let node: YAMLNode
                if open.isMapping {
                    var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                    pairs.reserveCapacity(open.items.count / 2)
                    var index = 0
                    while index + 1 < open.items.count {
                        pairs.append((key: open.items[index], value: open.items[index + 1]))
                        index += 2
                    }
                    guard checkDuplicateKeys(pairs, diagnostics: &diagnostics) else { return nil }
                    node = YAMLNode(.mapping(pairs), at: open.position)
                } else {
                    node = YAMLNode(.sequence(open.items), at: open.position)
                }
                add(node)
            default:
                break
            }
        }
    }

    /// Counts one node against the limit.
    mutating func countNode(_ at: SourcePosition, diagnostics: inout DiagnosticCollector) -> Bool {
        nodes += 1
        if nodes > limits.maxYAMLNodes {
            diagnostics.error("yaml-too-many-nodes", "the YAML holds more than \(limits.maxYAMLNodes) values", at: at)
            return false
        }
        return true
    }

    /// Puts a finished node into the mapping or list around it, or makes it the root.
    mutating func add(_ node: YAMLNode) {
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].items.append(node)
        }
    }

    /// A key written twice in one mapping is an error at its first occurrence.
    func checkDuplicateKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)], diagnostics: inout DiagnosticCollector) -> Bool {
        guard pairs.count > 1 else { return true }
        var seen: [String: SourcePosition] = [:]
        var duplicates: [String: SourcePosition] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            if let first = seen[key] {
                duplicates[key] = first
            } else {
                seen[key] = pair.key.position
            }
        }
        guard let first = duplicates.min(by: { $0.value < $1.value }) else { return true }
        let names = duplicates.keys.sorted().joined(separator: "', '")
        diagnostics.error("duplicate-key", "duplicate key '\(names)' in a mapping", at: first.value)
        return false
    }

    /// A libyaml error: at the construct left open (the context mark) when libyaml names
    /// one, with a note where parsing stopped (the problem mark).
    func report(_ parser: yaml_parser_t, diagnostics: inout DiagnosticCollector) {
        let problem = parser.problem.map { String(cString: $0) } ?? "the YAML cannot be read"
        if parser.error == YAML_READER_ERROR {
            diagnostics.error("yaml-syntax", "invalid YAML: \(problem)", at: SourcePosition(line: lineOffset + 1, column: 1))
            return
        }
        let stopped = position(parser.problem_mark)
        // libyaml's scanner reads a run of flow brackets ahead of the events, so its own
        // nesting limit (1,000) can be met before the walk counts the depth.
        if problem.hasPrefix("Maximum nesting level") {
            diagnostics.error("yaml-too-deep", "the YAML nests more than \(limits.maxYAMLDepth) mappings and lists inside each other", at: stopped)
            return
        }
        guard let context = parser.context.map({ String(cString: $0) }) else {
            diagnostics.error("yaml-syntax", "invalid YAML: \(problem)", at: stopped)
            return
        }
        let opened = position(parser.context_mark)
        // libyaml's context reads "while parsing a flow sequence": the construct that began at the context mark.
        let construct = context.hasPrefix("while ") ? String(context.dropFirst("while ".count)) : context
        if opened == stopped {
            diagnostics.error("yaml-syntax", "invalid YAML: \(construct): \(problem)", at: stopped)
        } else {
            diagnostics.error("yaml-syntax", "invalid YAML: \(construct) that starts here: \(problem)", at: opened,
                              note: DiagnosticNote("parsing stopped here", at: stopped))
        }
    }
}
