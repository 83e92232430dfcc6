#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text gathered from a document's nodes with runs of white space folded to
/// one space and the ends trimmed, built from UTF-8 bytes as it is gathered:
/// making a `String` per text node and folding afterwards cost more than
/// parsing the Markdown.
struct FoldedText {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    /// Appends a NUL-terminated UTF-8 string.
    mutating func append(_ text: UnsafePointer<CChar>) {
        let start = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        append(UnsafeBufferPointer(start: start, count: strlen(text)))
    }

    /// Appends UTF-8 bytes a run of non-space bytes at a time: a byte at a time, the array's
    /// checks on every append were most of walking a document's tree.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = text.count
        while index < count {
            if Self.isSpace(text[index]) {
                pendingSpace = !bytes.isEmpty
                index += 1
                continue
            }
            var end = index + 1
            while end < count, !Self.isSpace(text[end]) { end += 1 }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
            index = end
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// A word break: becomes one space if more text follows.
    mutating func space() {
        pendingSpace = !bytes.isEmpty
    }

    var isEmpty: Bool { bytes.isEmpty }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
    }
}
