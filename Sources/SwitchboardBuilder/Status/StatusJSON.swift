import SwitchboardModel

/// A JSON value whose objects keep their keys in the order given, so the API
/// files follow Statuspage's field order and are byte-identical between builds.
indirect enum StatusJSON: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([StatusJSON])
    case object([(String, StatusJSON)])

    /// `.string(value)`, or null when there is none.
    static func optional(_ value: String?) -> StatusJSON { value.map(StatusJSON.string) ?? .null }

    /// Two-space indented text ending in a newline.
    var text: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .string(let value): out += JSONText.quote(value)
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indent + "  "
                item.write(to: &out, indent: indent + "  ")
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let fields):
            guard !fields.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in fields.enumerated() {
                out += indent + "  " + JSONText.quote(key) + ": "
                value.write(to: &out, indent: indent + "  ")
                out += index == fields.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }
}
