/// File names for index keys (term prefixes, terms, first letters). Keys of ASCII letters and
/// digits are used as they are; anything else is written as `_` and the hex of its UTF-8
/// bytes, so every name is safe in a URL and on any file system. `search-core.js` derives
/// the same names.
enum SearchFileKey {
    static func name(_ key: String) -> String {
        let utf8 = key.utf8
        if !utf8.isEmpty, utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) {
            return key
        }
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "_")]
        for byte in utf8 {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
