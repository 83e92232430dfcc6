/// Every copy of `bytes` with one byte changed: each byte in turn XORed with a low bit, a bit
/// that turns ASCII letters' case, the high bit and all bits. The readers that bypass
/// `Decodable` are checked against it on each (`RenderedMarkdownReaderTests`,
/// `LoadedFileReaderTests`).
func forEachByteFlip(of bytes: [UInt8], _ body: (_ copy: [UInt8], _ label: String) -> Void) {
    for index in bytes.indices {
        for flip: UInt8 in [0x01, 0x20, 0x80, 0xFF] {
            var copy = bytes
            copy[index] ^= flip
            body(copy, "byte \(index) ^ \(flip)")
        }
    }
}
