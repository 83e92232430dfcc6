/// The string formats of the contract.
public enum Formats {
    /// Lower-case letters, digits and single hyphens between them.
    public static func isSlug(_ text: String) -> Bool {
        // One pass over the bytes (every content path is checked on every build). Starting as if
        // after a hyphen makes a leading hyphen fail as a doubled one does, and the empty text too.
        var previous = UInt8(ascii: "-")
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                if previous == byte { return false }
            } else if !(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) && !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    /// The slug a name was probably meant to be: lower-case ASCII letters and
    /// digits, anything else a single hyphen; "page" when nothing is left.
    public static func slugify(_ name: String) -> String {
        var out = ""
        for character in name.lowercased() {
            if character.isLetter && character.isASCII || character.isASCIIDigit {
                out.append(character)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "page" : out
    }

    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..")
        else { return false }
        return !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" }
    }

    /// E.164 (`+441903927100`) or national digits grouped by single spaces (`01903 927100`).
    public static func isPhone(_ text: String) -> Bool {
        if text.hasPrefix("+") {
            let digits = text.dropFirst().filter { $0 != " " }
            return (8...15).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit) && !text.contains("  ")
        }
        let digits = text.filter { $0 != " " }
        return text.hasPrefix("0") && (9...12).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit)
            && !text.contains("  ") && !text.hasSuffix(" ")
    }

    /// The digits to dial, for `tel:` links: E.164 kept, national kept as digits.
    public static func dialable(_ phone: String) -> String {
        phone.filter { $0 == "+" || $0.isASCIIDigit }
    }

    /// A page's former address: a site path ending in `/` or `.html`, without
    /// query, fragment, `.` or `..` segments, so it names exactly one output file.
    public static func isAlias(_ text: String) -> Bool {
        guard text.hasPrefix("/"), !text.hasPrefix("//"), text.hasSuffix("/") || text.hasSuffix(".html") else { return false }
        if text.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" || $0 == "\\" || $0 == "%" || $0 == "\"" }) { return false }
        let segments = text.split(separator: "/", omittingEmptySubsequences: false).dropFirst().dropLast()
        return !segments.contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// `https://host/…`, or a site-relative path `/…`.
    public static func isURL(_ text: String) -> Bool {
        if text.contains(where: { $0.isWhitespace }) { return false }
        if text.hasPrefix("/") { return !text.hasPrefix("//") }
        guard text.hasPrefix("https://") else { return false }
        let host = text.dropFirst(8).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.contains(".") || host.hasPrefix("localhost")
    }
}
