/// `content/status/maintenance/<slug>.md`.
public struct Maintenance: Sendable, Codable {
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
