/// The byte classes the HTML scanners share (the link check's and the CSP's): ASCII only,
/// as HTML's tokenizer reads tag and attribute names.
enum HTMLBytes {
    /// HTML's white space: space, tab, line feed, form feed, carriage return.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    /// An ASCII capital letter made small; any other byte as it is.
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
