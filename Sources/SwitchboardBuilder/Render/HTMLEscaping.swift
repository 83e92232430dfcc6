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
        // Over the string's contiguous bytes, and unescaped runs copied whole: through the
        // generic `utf8` view the scan alone cost some 900 instructions a value.
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            guard var start = bytes.firstIndex(where: needsEscaping) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<start]))
            while start < bytes.count {
                switch bytes[start] {
                case 0x26: out += "&amp;".utf8
                case 0x3C: out += "&lt;".utf8
                case 0x3E: out += "&gt;".utf8
                case 0x22: out += "&quot;".utf8
                default: out += "&#39;".utf8
                }
                var end = start + 1
                while end < bytes.count, !needsEscaping(bytes[end]) { end += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]))
                start = end
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The five bytes `escape` replaces: `&`, `<`, `>`, `"` and `'`.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
