/// A timeline entry of an incident or maintenance window.
public struct StatusUpdate: Sendable, Codable {
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
