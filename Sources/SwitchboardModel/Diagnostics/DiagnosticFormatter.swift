import Foundation

/// The ways diagnostics are printed.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:column: error: message [id]`, one a line.
    case human
    /// A JSON array of objects.
    case json
    /// GitHub Actions workflow commands, which GitHub shows as annotations on the diff.
    case github
}

/// Turns diagnostics into text. Pure: the caller decides where it goes.
public enum DiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        switch format {
        case .human: return diagnostics.map(human).map { $0 + "\n" }.joined()
        case .github: return diagnostics.map(github).map { $0 + "\n" }.joined()
        case .json: return json(diagnostics)
        }
    }

    /// `path:line:column: error: message [id]`, and a `note:` line below it when the diagnostic has one.
    public static func human(_ diagnostic: Diagnostic) -> String {
        let line = "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.id)]"
        guard let note = diagnostic.note else { return line }
        return line + "\n\(diagnostic.file):\(note.position): note: \(note.message)"
    }

    /// The closing line: `2 errors, 1 warning in 40 files`.
    public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning")) in \(count(files, "file"))"
    }

    public static func github(_ diagnostic: Diagnostic) -> String {
        let command = diagnostic.severity == .error ? "error" : "warning"
        let properties = [
            "file=\(escapeProperty(diagnostic.file))",
            "line=\(diagnostic.line)",
            "col=\(diagnostic.column)",
            "title=\(escapeProperty(diagnostic.id))",
        ].joined(separator: ",")
        let note = diagnostic.note.map { " (\($0.message): line \($0.position.line), column \($0.position.column))" } ?? ""
        return "::\(command) \(properties)::\(escapeData(diagnostic.message + note))"
    }

    /// Escaping for the message part of a workflow command.
    static func escapeData(_ string: String) -> String {
        string.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for a property value, which also may not hold `:` or `,`.
    static func escapeProperty(_ string: String) -> String {
        escapeData(string)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        var out = "[\n"
        for (index, d) in diagnostics.enumerated() {
            out += "  {\"file\": \(JSONText.quote(d.file)), \"line\": \(d.line), \"column\": \(d.column), "
            out += "\"severity\": \(JSONText.quote(d.severity.rawValue)), \"id\": \(JSONText.quote(d.id)), "
            out += "\"message\": \(JSONText.quote(d.message))"
            if let note = d.note {
                out += ", \"note\": {\"line\": \(note.position.line), \"column\": \(note.position.column), \"message\": \(JSONText.quote(note.message))}"
            }
            out += "}"
            out += index == diagnostics.count - 1 ? "\n" : ",\n"
        }
        return out + "]\n"
    }
}
