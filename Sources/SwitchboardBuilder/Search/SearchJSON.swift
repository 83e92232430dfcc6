/// Appends compact JSON to a byte buffer. The index files are written by hand rather than
/// through `JSONEncoder` so that key order and number formatting are fixed (byte-identical
/// builds) and so that 10,000 pages' worth of small arrays cost no reflection.
struct SearchJSON {
    var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude == 0 { bytes.append(UInt8(ascii: "0")); return }
        // Digits are appended least significant first, then put in order where they lie:
        // no temporary array per number.
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }

    /// A JSON string; non-ASCII text is written as UTF-8, which gzip compresses better than `\u` escapes.
    mutating func string(_ value: String) {
        string(value.utf8)
    }

    /// A JSON string from UTF-8 bytes.
    mutating func string<C: Collection>(_ utf8: C) where C.Element == UInt8 {
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x00..<0x20:
                raw("\\u00")
                bytes.append(UInt8(ascii: "0") + (byte >> 4))
                bytes.append(byte & 0xF < 10 ? UInt8(ascii: "0") + (byte & 0xF) : UInt8(ascii: "a") + (byte & 0xF) - 10)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func stringArray(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func intArray<C: Collection>(_ values: C) where C.Element == Int {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for value in values {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            int(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func comma() { bytes.append(UInt8(ascii: ",")) }
}
