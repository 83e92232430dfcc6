/// Writing JSON by hand, for output whose key order and layout must be stable.
public enum JSONText {
    /// A JSON string literal for `string`: quotes, backslashes and control characters escaped,
    /// `<` as `\u003c` (safe inside <script> elements), and U+2028 and U+2029 (line breaks to
    /// JavaScript). Works on the UTF-8 bytes and copies everything else as it is: it quotes
    /// every FAQ answer's HTML for the pages' JSON-LD, and a scalar at a time was a twentieth
    /// of a save's rebuild in `serve`.
    public static func quote(_ string: String) -> String {
        var text = string
        return text.withUTF8 { input in
            var out: [UInt8] = []
            out.reserveCapacity(input.count + 16)
            out.append(UInt8(ascii: "\""))
            var index = 0
            while index < input.count {
                let byte = input[index]
                switch byte {
                case UInt8(ascii: "\""): out += [0x5C, 0x22]
                case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, UInt8(ascii: "n")]
                case 0x0D: out += [0x5C, UInt8(ascii: "r")]
                case 0x09: out += [0x5C, UInt8(ascii: "t")]
                case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
                case 0..<0x20: out += escaped(UInt32(byte))
                case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80 && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9):
                    out += escaped(input[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default: out.append(byte)
                }
                index += 1
            }
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `\uXXXX` with four lowercase hex digits.
    private static func escaped(_ value: UInt32) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [0x5C, UInt8(ascii: "u")] + [12, 8, 4, 0].map { digits[Int((value >> UInt32($0)) & 0xF)] }
    }
}
