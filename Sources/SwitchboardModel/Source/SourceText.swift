import Foundation

/// Decodes a file's bytes into text, reporting what is wrong with them.
public enum SourceText {
    /// The file's text with line endings made `\n` and a byte-order mark removed,
    /// or nil (with a diagnostic) when the bytes are not UTF-8 or there are none.
    public static func decode(_ bytes: [UInt8], diagnostics: inout DiagnosticCollector) -> String? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            diagnostics.warning("byte-order-mark", "the file starts with a byte-order mark; save it as UTF-8 without one")
            body = body.dropFirst(3)
        }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            diagnostics.error("empty-file", "the file is empty")
            return nil
        }
        // The standard library's validation is vectorised; the byte-by-byte scan
        // runs only to find where a broken file breaks.
        guard var text = String(validating: body, as: UTF8.self) else {
            let bad = firstInvalidUTF8(body) ?? body.startIndex
            diagnostics.error("invalid-utf8", "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) here); save it as UTF-8", at: position(ofByte: bad, in: bytes))
            return nil
        }
        if body.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// The index of the first byte that breaks UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            let second = bytes[index + 1]
            if byte == 0xE0 && second < 0xA0 || byte == 0xED && second > 0x9F
                || byte == 0xF0 && second < 0x90 || byte == 0xF4 && second > 0x8F {
                return index
            }
            index += length
        }
        return nil
    }

    /// Line and column (in characters) of a byte offset.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }
}
