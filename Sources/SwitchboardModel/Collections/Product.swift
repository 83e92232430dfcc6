/// One entry of `content/products.yml`.
public struct Product: Sendable, Codable {
    public var id: String
    public var name: String
    public var summary: String?
    public var position: SourcePosition

    init(_ r: Record) {
        id = r.string("id")
        name = r.string("name")
        summary = r.optionalString("summary")
        position = r.position(of: "id")
    }
}
