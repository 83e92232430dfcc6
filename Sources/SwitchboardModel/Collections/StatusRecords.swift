/// One component of `content/status/components.yml`.
public struct StatusComponent: Sendable {
    public var id: String
    public var name: String
    public var group: String?
    public var description: String?
    public var position: SourcePosition
}

/// A timeline entry of an incident or maintenance window.
public struct StatusUpdate: Sendable {
    public var at: Instant
    public var status: String
    public var body: MarkdownText
    public var position: SourcePosition

    init(_ r: Record) {
        at = r.datetime("at") ?? Instant(secondsSinceEpoch: 0)
        status = r.string("status")
        body = r.markdown("body") ?? MarkdownText.empty
        position = r.position
    }
}

/// `content/status/incidents/<slug>.md`.
public struct Incident: Sendable {
    public struct AffectedComponent: Sendable { public var id: String; public var status: String }

    public var info: EntryInfo
    public var title: String
    public var impact: String
    public var components: [AffectedComponent]
    public var started: Instant
    public var resolved: Instant?
    public var updates: [StatusUpdate]
    public var body: MarkdownText
    public var positions: [String: SourcePosition]

    init(_ info: EntryInfo, _ r: Record, body: MarkdownText) {
        self.info = info
        title = r.string("title")
        impact = r.string("impact")
        components = r.records("components").map { AffectedComponent(id: $0.string("id"), status: $0.string("status")) }
        started = r.datetime("started") ?? Instant(secondsSinceEpoch: 0)
        resolved = r.datetime("resolved")
        updates = r.records("updates").map(StatusUpdate.init)
        self.body = body
        positions = r.positions
    }
}

/// `content/status/maintenance/<slug>.md`.
public struct Maintenance: Sendable {
    public var info: EntryInfo
    public var title: String
    public var components: [String]
    public var scheduledFor: Instant
    public var scheduledUntil: Instant
    public var updates: [StatusUpdate]
    public var body: MarkdownText
    public var positions: [String: SourcePosition]

    init(_ info: EntryInfo, _ r: Record, body: MarkdownText) {
        self.info = info
        title = r.string("title")
        components = r.strings("components")
        scheduledFor = r.datetime("scheduled_for") ?? Instant(secondsSinceEpoch: 0)
        scheduledUntil = r.datetime("scheduled_until") ?? Instant(secondsSinceEpoch: 0)
        updates = r.records("updates").map(StatusUpdate.init)
        self.body = body
        positions = r.positions
    }
}
