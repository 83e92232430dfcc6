/// Turns the path of a request into a path of the built site, so that no request can
/// name anything outside it.
///
/// The request's path is taken as it came, percent-encoded: each segment is decoded on
/// its own and then checked, so `%2e%2e`, `%2f` and `%5c` cannot smuggle a `..` or a
/// separator past the checks, and a decoded segment is never split again.
public enum RequestPath {
    public enum Resolution: Equatable, Sendable {
        /// An output path to look up (`kb/x/index.html`; `index.html` for the root).
        case file(String)
        /// Send the browser to this path (the site's root under its base path).
        case redirect(String)
        /// Outside the site's base path: answer 404.
        case outside
        /// A path no output can have (traversal, encoded separators, bad escapes): answer 400.
        case rejected
    }

    /// Resolves `rawPath` (percent-encoded, without the query) under `basePath` (`""` or `/docs`).
    public static func resolve(_ rawPath: String, basePath: String) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .rejected }
        var rest = Substring(rawPath)
        if !basePath.isEmpty {
            if rawPath == basePath || rawPath == "/" { return .redirect(basePath + "/") }
            guard rawPath.hasPrefix(basePath + "/") else { return .outside }
            rest = rest.dropFirst(basePath.count)
        }
        rest = rest.dropFirst() // the leading slash
        var segments: [String] = []
        let raw = rest.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in raw.enumerated() {
            let isLast = index == raw.count - 1
            if part.isEmpty {
                if isLast { break } // a trailing slash: the folder's index.html
                return .rejected    // `a//b`
            }
            guard let segment = decode(part), isAllowed(segment) else { return .rejected }
            segments.append(segment)
        }
        if rawPath.hasSuffix("/") || segments.isEmpty { segments.append("index.html") }
        return .file(segments.joined(separator: "/"))
    }

    /// A decoded segment that can name an output: not `.` or `..`, no separators, NUL or control characters.
    static func isAllowed(_ segment: String) -> Bool {
        if segment == "." || segment == ".." { return false }
        for byte in segment.utf8 where byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F {
            return false
        }
        return true
    }

    /// Percent-decodes one segment; `nil` for a malformed escape or bytes that are not UTF-8.
    static func decode(_ part: Substring) -> String? {
        guard part.utf8.contains(UInt8(ascii: "%")) else { return String(part) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(part.utf8.count)
        var iterator = part.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
