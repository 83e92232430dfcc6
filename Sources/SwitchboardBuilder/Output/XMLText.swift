/// Escaping for the XML and HTML the build writes outside templates: feeds, the sitemap,
/// redirect pages, and what `serve` adds to pages.
public enum XMLText {
    /// `text` safe as XML character data or an attribute value. Characters XML 1.0
    /// does not allow are dropped rather than making the feed unreadable.
    public static func escape(_ text: String) -> String {
        // Most text (every URL of the sitemap) has nothing to escape or drop: it is returned as
        // it is after one pass over its bytes. 0xEF leads U+FFFE and U+FFFF, so it takes the long way.
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 ? byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'") && byte != 0xEF
                : byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
