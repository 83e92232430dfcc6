import Yams

/// Reads YAML text into `YAMLNode`s. The only file that sees Yams.
public enum YAMLReader {
    /// Parses one YAML document. A syntax error becomes a diagnostic at its place,
    /// with lines counted from `lineOffset` (the lines before the YAML in the file).
    public static func read(_ text: String, lineOffset: Int = 0, diagnostics: inout DiagnosticCollector) -> YAMLNode? {
        do {
            // The basic resolver: values are typed by our schemas from their source text, so
            // Yams's regular-expression tag resolution would be wasted work on every scalar.
            // The encoding is given: by default Yams reads the process environment on every parse.
            guard let node = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8) else { return nil }
            return convert(node, lineOffset: lineOffset)
        } catch let error as YamlError {
            let (message, mark) = describe(error)
            let position = mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
                ?? SourcePosition(line: lineOffset + 1, column: 1)
            let id = message.hasPrefix("duplicate key") ? "duplicate-key" : "yaml-syntax"
            diagnostics.error(id, message, at: position)
            return nil
        } catch {
            diagnostics.error("yaml-syntax", "invalid YAML: \(error)", at: SourcePosition(line: lineOffset + 1, column: 1))
            return nil
        }
    }

    private static func convert(_ node: Node, lineOffset: Int) -> YAMLNode {
        let mark = node.mark
        let position = SourcePosition(line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            let style: YAMLNode.ScalarStyle
            switch scalar.style {
            case .plain, .any: style = .plain
            case .literal, .folded: style = .block
            default: style = .quoted
            }
            return YAMLNode(.scalar(scalar.string, style), at: position)
        case .mapping(let mapping):
            let pairs = mapping.map { (key: convert($0.key, lineOffset: lineOffset), value: convert($0.value, lineOffset: lineOffset)) }
            return YAMLNode(.mapping(pairs), at: position)
        case .sequence(let sequence):
            return YAMLNode(.sequence(sequence.map { convert($0, lineOffset: lineOffset) }), at: position)
        case .alias(let alias):
            // Aliases are resolved by the composer; an unresolved one stands for nothing.
            return YAMLNode(.scalar("", .plain), at: SourcePosition(line: (alias.mark?.line ?? 1) + lineOffset, column: alias.mark?.column ?? 1))
        }
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return ("invalid YAML: \(prefix)\(problem)", mark)
        case .reader(let problem, _, _, _):
            return ("invalid YAML: \(problem)", nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicate key '\(duplicates.joined(separator: "', '"))' in a mapping", context.mark)
        default:
            return ("invalid YAML: \(error)", nil)
        }
    }
}
