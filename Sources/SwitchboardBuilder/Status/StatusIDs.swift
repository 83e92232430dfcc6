import Crypto

/// Stable, opaque ids in the style of Statuspage's (twelve lowercase base-36
/// characters), derived from the content so that they survive rebuilds.
enum StatusIDs {
    /// The id of `kind` named `key`, such as ("incident", "2026-11-25-mobile-app-delays").
    /// The kind is part of the hash so that an incident and a maintenance window
    /// with the same slug get different ids.
    static func id(_ kind: String, _ key: String) -> String {
        let digest = Array(SHA256.hash(data: Array("\(kind):\(key)".utf8)))
        var value: UInt64 = 0
        for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
        var digits: [Character] = []
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        for _ in 0..<12 {
            digits.append(alphabet[Int(value % 36)])
            value /= 36
        }
        return String(digits.reversed())
    }
}
