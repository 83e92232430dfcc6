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
            // Runs that need no escape are copied whole; escapes are appended a byte at a time
            // (an array literal per escape allocated, and FAQ answers' HTML has a `<` every few words).
            var copied = 0
            var index = 0
            while index < input.count {
                let byte = input[index]
                var skip = 1
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, 0x0D, 0x09, UInt8(ascii: "<"), 0..<0x20:
                    break
                case 0xE2 where index + 2 < input.count && input[index + 1] == 0x80 && (input[index + 2] == 0xA8 || input[index + 2] == 0xA9):
                    skip = 3
                default:
                    index += 1
                    continue
                }
                if index > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<index])) }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    out.append(0x5C)
                    out.append(byte)
                case 0x0A:
                    out.append(0x5C)
                    out.append(UInt8(ascii: "n"))
                case 0x0D:
                    out.append(0x5C)
                    out.append(UInt8(ascii: "r"))
                case 0x09:
                    out.append(0x5C)
                    out.append(UInt8(ascii: "t"))
                case 0xE2: appendEscaped(input[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                default: appendEscaped(UInt32(byte), to: &out)
                }
                index += skip
                copied = index
            }
            if input.count > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<input.count])) }
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends `\uXXXX` with four lowercase hex digits.
    private static func appendEscaped(_ value: UInt32, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(UInt8(ascii: "u"))
        for shift: UInt32 in [12, 8, 4, 0] {
            let digit = UInt8((value >> shift) & 0xF)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }
}
