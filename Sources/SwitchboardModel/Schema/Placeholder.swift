/// A value the publisher must still supply. The source policy does not state it, so the
/// site must not invent it: wherever the field shows (page, table, JSON, CSV, search
/// record) it reads "to be confirmed", followed by `note`, what the policy does say.
///
/// Written in YAML as `firmware: {unconfirmed: true, note: "…"}` in a field whose schema
/// allows it (`FieldSchema.placeholder`).
public struct Placeholder: Sendable, Hashable, Codable {
    /// What readers see in place of the value.
    public static let marker = "To be confirmed"

    /// What the policy does say about the value, or where to find it.
    public var note: String

    public init(note: String) {
        self.note = note
    }

    /// "To be confirmed: <note>", for plain-text outputs (CSV, search records, titles).
    public var plainText: String { "\(Self.marker): \(note)" }
}
