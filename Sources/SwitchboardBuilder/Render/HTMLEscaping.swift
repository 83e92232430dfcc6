import Mustache

/// HTML escaping for `{{variable}}`, byte by byte.
///
/// swift-mustache's own HTML escaping walks each value Character by Character
/// with a dictionary lookup per Character; it was a third of all rendering
/// time. This escapes the same five characters the same way, returns the value
/// itself when there is nothing to escape, and is selected for every template
/// by a `CONTENT_TYPE` pragma that `TemplateSet` puts in front of it.
struct HTMLEscaping: MustacheContentType {
    static let name = "SWITCHBOARD_HTML"

    /// Registers the content type with swift-mustache; safe to call more than once.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
