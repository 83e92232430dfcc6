import SwitchboardMarkdown

/// An article's rendered body as the parse cache encodes it, not decoded, with the hashes a
/// build reads of it (`ContentHasher.pageBodyDigest` and `sectionsDigest`, kept beside the
/// entry by `ParseCache`). A load that keeps bodies in an `ArticleBodyStore` takes each
/// unchanged article's body this way and hands the bytes to the store as they are
/// (`ArticleBodyStore.put(encoded:)`); it is decoded only if a page or search record reads it.
public struct EncodedArticleBody: Sendable, Equatable {
    /// The `RenderedMarkdown` value's bytes, as `CacheEncoder` wrote them (a value's bytes do
    /// not depend on where they sit in an entry); empty when `place` says where they are.
    public var bytes: [UInt8]
    public var pageDigest: ContentDigest
    public var sectionsDigest: ContentDigest
    /// Where the bytes are in the cache file the entry was read from, when it was read from one
    /// left on disk (`CacheEntryIndex`): the store then reads them from there instead of taking
    /// a copy (`ArticleBodyStore.put(encoded:)`).
    public var place: Place?

    /// Bytes of a cache file, which stays open while a place names it.
    public struct Place: Sendable, Equatable {
        public let file: CacheEntryIndex
        public let bytes: Range<Int>

        public static func == (a: Place, b: Place) -> Bool { a.file === b.file && a.bytes == b.bytes }
    }

    public init(bytes: [UInt8], pageDigest: ContentDigest, sectionsDigest: ContentDigest, place: Place? = nil) {
        self.bytes = bytes
        self.pageDigest = pageDigest
        self.sectionsDigest = sectionsDigest
        self.place = place
    }

    /// The bytes, read from their place if they are not held; nil when they cannot be read.
    func readBytes() -> [UInt8]? {
        guard let place else { return bytes }
        return place.file.read(at: place.bytes.lowerBound, count: place.bytes.count)
    }

    /// The body, or nil for bytes that are not one.
    static func decode(_ bytes: [UInt8]) -> RenderedMarkdown? {
        let source = CacheSource(bytes)
        guard (try? source.end(ofValueAt: 0)) == bytes.count else { return nil }
        if let body = try? RenderedMarkdownReader(source: source).read(at: 0) { return body }
        return try? RenderedMarkdown(from: ValueDecoder(source: source, offset: 0))
    }
}
