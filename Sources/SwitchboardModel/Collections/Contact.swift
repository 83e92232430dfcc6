/// A person or desk to contact, with at least one channel.
public struct Contact: Sendable, Codable {
    public var name: String
    public var role: String?
    public var scope: String?
    public var email: String?
    public var phone: String?
    public var url: String?

    init(_ r: Record) {
        name = r.string("name")
        role = r.optionalString("role")
        scope = r.optionalString("scope")
        email = r.optionalString("email")
        phone = r.optionalString("phone")
        url = r.optionalString("url")
    }
}
