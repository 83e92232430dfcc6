/// The compact text encoding of postings inside the index's JSON strings: base-64 digits
/// (`0-9A-Za-z-_`, nothing JSON must escape), numbers as little-endian varints of five bits
/// per digit (digits 32…63 say "more follows"), and membership bitmaps of six pages per
/// digit. Numbers as JSON arrays cost two to three times the bytes before gzip and half
/// again after it. `search-core.js` decodes it (`readVarints`, `readBitmap`).
enum SearchPostingCode {
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    /// Appends `value` (≥ 0) as a varint.
    static func varint(_ value: Int, into out: inout [UInt8]) {
        var v = value
        while v >= 32 {
            out.append(alphabet[32 + (v & 31)])
            v >>= 5
        }
        out.append(alphabet[v])
    }

    /// Digits a varint of `value` takes.
    static func varintLength(_ value: Int) -> Int {
        var v = value, n = 1
        while v >= 32 { v >>= 5; n += 1 }
        return n
    }

    /// A single digit, 0…63.
    static func digit(_ value: Int, into out: inout [UInt8]) {
        out.append(alphabet[max(0, min(63, value))])
    }

    /// A bitmap of `count` pages with the pages of `ids` (ascending) set: page `p` is bit
    /// `p % 6` of digit `p / 6`.
    static func bitmap<C: Sequence>(_ ids: C, count: Int, into out: inout [UInt8]) where C.Element == Int {
        var bits = [UInt8](repeating: 0, count: (count + 5) / 6)
        for id in ids { bits[id / 6] |= UInt8(1 << (id % 6)) }
        for b in bits { out.append(alphabet[Int(b)]) }
    }
}
