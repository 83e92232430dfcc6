/// `content/status/incidents/<slug>.md`.
public struct Incident: Sendable, Codable {
    public struct AffectedComponent: Sendable, Codable { public var id: String; public var status: String }

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
