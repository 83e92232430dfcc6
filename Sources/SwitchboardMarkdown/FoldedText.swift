/// Text gathered from a document's nodes with runs of white space folded to
/// one space and the ends trimmed, built from UTF-8 bytes as it is gathered:
/// making a `String` per text node and folding afterwards cost more than
/// parsing the Markdown.
struct FoldedText {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    /// Appends a NUL-terminated UTF-8 string.
    mutating func append(_ text: UnsafePointer<CChar>) {
        var pointer = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        while pointer.pointee != 0 {
            append(byte: pointer.pointee)
            pointer += 1
        }
    }

    mutating func append(byte: UInt8) {
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
            pendingSpace = !bytes.isEmpty
        } else {
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte)
        }
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
