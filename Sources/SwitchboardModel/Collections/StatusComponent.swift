/// One component of `content/status/components.yml`.
public struct StatusComponent: Sendable, Codable {
    public var id: String
    public var name: String
    public var group: String?
    public var description: String?
    public var position: SourcePosition
}
