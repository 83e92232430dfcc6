/// A line and column in a source file, both counted from 1.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// How serious a diagnostic is. Errors fail the build; warnings only with `--strict`.
public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
}

/// One problem found in the content, with the place it stands.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// The file's path as the user named it (for example `content/faq/doa.md`).
    public var file: String
    public var position: SourcePosition
    public var severity: Severity
    /// A stable, kebab-case identifier (`unknown-key`, `broken-link`…), for tests and for filtering.
    public var id: String
    public var message: String
    /// A second place that explains the first: where the YAML parser stopped, for example.
    public var note: DiagnosticNote?

    public init(file: String, position: SourcePosition = .start, severity: Severity = .error, id: String, message: String,
                note: DiagnosticNote? = nil) {
        self.file = file
        self.position = position
        self.severity = severity
        self.id = id
        self.message = message
        self.note = note
    }

    public var line: Int { position.line }
    public var column: Int { position.column }
}

/// A place in the same file that a diagnostic points to as well.
public struct DiagnosticNote: Sendable, Hashable, Codable {
    public var position: SourcePosition
    public var message: String

    public init(_ message: String, at position: SourcePosition) {
        self.message = message
        self.position = position
    }
}

extension Diagnostic: Comparable {
    /// Sorted by path, then position, then id: the order editors read them in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return ByteOrder.precedes(lhs.file, rhs.file) }
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
