import SwitchboardMarkdown

/// A value that has passed its schema, in its typed form.
public indirect enum Value: Sendable, Codable {
    case string(String)
    case markdown(MarkdownText)
    case int(Int)
    case bool(Bool)
    case date(Day)
    /// A month where only the month is known (`2023-03`), as its first day.
    case month(Day)
    case datetime(Instant)
    case duration(Duration)
    case money(Money)
    case list([Value])
    case record(Record)
    /// A value still to be confirmed, in a field that allows it.
    case placeholder(Placeholder)
}

/// Markdown from a field or a file body, with its rendering.
public struct MarkdownText: Sendable, Codable, Equatable {
    /// The Markdown as written, for a field; empty for a file's body, which keeps only what
    /// was rendered (see `PageLinker.render`).
    public var source: String
    public var rendered: RenderedMarkdown

    public init(source: String, rendered: RenderedMarkdown) {
        self.source = source
        self.rendered = rendered
    }

    public var html: String { rendered.html }

    /// No text: what a missing optional body stands for.
    public static let empty = MarkdownText(source: "", rendered: RenderedMarkdown(html: "", headings: [], links: [], sections: []))
}

/// A validated mapping: its values by key, and where each key stood.
public struct Record: Sendable, Codable {
    public var values: [String: Value] = [:]
    public var positions: [String: SourcePosition] = [:]
    public var position: SourcePosition

    public init(position: SourcePosition) {
        self.position = position
    }

    /// Where `key`'s value stands, or the mapping's own position when it is absent.
    public func position(of key: String) -> SourcePosition { positions[key] ?? position }

    public subscript(key: String) -> Value? { values[key] }

    // Typed access. Validation has already reported any mismatch, so these fall
    // back to empty values rather than fail: a Site with errors is never rendered.

    public func string(_ key: String) -> String { optionalString(key) ?? "" }

    public func optionalString(_ key: String) -> String? {
        if case .string(let value)? = values[key] { return value }
        return nil
    }

    public func markdown(_ key: String) -> MarkdownText? {
        if case .markdown(let value)? = values[key] { return value }
        return nil
    }

    public func int(_ key: String) -> Int? {
        if case .int(let value)? = values[key] { return value }
        return nil
    }

    public func bool(_ key: String) -> Bool {
        if case .bool(let value)? = values[key] { return value }
        return false
    }

    public func date(_ key: String) -> Day? {
        if case .date(let value)? = values[key] { return value }
        return nil
    }

    /// A `dateOrMonth` field that holds only a month, as the month's first day.
    public func month(_ key: String) -> Day? {
        if case .month(let value)? = values[key] { return value }
        return nil
    }

    public func datetime(_ key: String) -> Instant? {
        if case .datetime(let value)? = values[key] { return value }
        return nil
    }

    public func duration(_ key: String) -> Duration? {
        if case .duration(let value)? = values[key] { return value }
        return nil
    }

    public func money(_ key: String) -> Money {
        if case .money(let value)? = values[key] { return value }
        return Money(minorUnits: 0)
    }

    public func record(_ key: String) -> Record? {
        if case .record(let value)? = values[key] { return value }
        return nil
    }

    public func list(_ key: String) -> [Value] {
        if case .list(let value)? = values[key] { return value }
        return []
    }

    public func strings(_ key: String) -> [String] {
        list(key).compactMap { if case .string(let value) = $0 { return value } else { return nil } }
    }

    /// The fields of this mapping that hold a placeholder instead of a value.
    public var placeholders: [String: Placeholder] {
        values.compactMapValues { if case .placeholder(let value) = $0 { return value } else { return nil } }
    }

    public func records(_ key: String) -> [Record] {
        list(key).compactMap { if case .record(let value) = $0 { return value } else { return nil } }
    }
}
