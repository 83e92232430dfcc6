/// Gathers the diagnostics of one file as a stage works through it.
public struct DiagnosticCollector: Sendable {
    /// The path diagnostics are reported against.
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) {
        self.file = file
    }

    public mutating func error(_ id: String, _ message: String, at position: SourcePosition = .start, note: DiagnosticNote? = nil) {
        diagnostics.append(Diagnostic(file: file, position: position, severity: .error, id: id, message: message, note: note))
    }

    public mutating func warning(_ id: String, _ message: String, at position: SourcePosition = .start) {
        diagnostics.append(Diagnostic(file: file, position: position, severity: .warning, id: id, message: message))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}
