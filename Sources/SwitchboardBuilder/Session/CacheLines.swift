import SwitchboardModel

/// Reads the build cache's text files a line at a time over their bytes. The session
/// memory and the output manifest of a 10,000-page site hold about 60,000 lines of
/// `<digest> <path>`; splitting them into strings and arrays first took a tenth of an
/// edit's rebuild.
struct CacheLines: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var start = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next line, without its line feed; a final line without one is returned too.
    mutating func next() -> ArraySlice<UInt8>? {
        guard start < bytes.count else { return nil }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        let line = bytes[start..<end]
        start = end + 1
        return line
    }

    /// Whether the bytes end in a line feed (then the last line read was complete).
    var endsWithLineFeed: Bool { bytes.last == 0x0A }
}

extension ArraySlice where Element == UInt8 {
    /// `<32 hex digits> <rest>`: the digest and the rest, or nil when the line is not one.
    func digestAndRest() -> (ContentDigest, ArraySlice<UInt8>)? {
        guard count > 33, self[startIndex + 32] == 0x20, let digest = ContentDigest(hexDigits: self[startIndex..<startIndex + 32]) else {
            return nil
        }
        return (digest, self[(startIndex + 33)...])
    }

    var text: String { String(decoding: self, as: UTF8.self) }
}
