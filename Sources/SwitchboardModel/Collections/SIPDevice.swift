/// `content/devices/<slug>.yml`: one third-party SIP device at one firmware version.
public struct SIPDevice: Sendable, Codable {
    public enum Status: String, Sendable, Codable { case approved, testing, withdrawn }

    public var info: EntryInfo
    public var manufacturer: String
    public var model: String
    public var firmware: String
    public var platforms: [String]
    public var status: Status
    public var approved: Day?
    public var licenceID: String?
    public var tested: [String]
    public var notTested: [String]
    public var notes: MarkdownText?
    public var interopURL: String?
    public var example: Bool
    /// Fields still to be confirmed (`firmware`, `approved`, `licence_id`, `interop_url`),
    /// whose plain values above are then empty or nil.
    public var placeholders: [String: Placeholder]
    /// Positions of the fields that cross-file checks report on.
    public var positions: [String: SourcePosition]

    init(_ info: EntryInfo, _ r: Record) {
        self.info = info
        manufacturer = r.string("manufacturer")
        model = r.string("model")
        firmware = r.string("firmware")
        platforms = r.strings("platforms")
        status = Status(rawValue: r.string("status")) ?? .testing
        approved = r.date("approved")
        licenceID = r.optionalString("licence_id")
        tested = r.strings("tested")
        notTested = r.strings("not_tested")
        notes = r.markdown("notes")
        interopURL = r.optionalString("interop_url")
        example = r.bool("example")
        placeholders = r.placeholders
        positions = r.positions
    }

    public var name: String { "\(manufacturer) \(model)" }
}
