import SwitchboardMarkdown

/// An article's rendered body as the parse cache encodes it, not decoded, with the hashes a
/// build reads of it (`ContentHasher.pageBodyDigest` and `sectionsDigest`, kept beside the
/// entry by `ParseCache`). A load that keeps bodies in an `ArticleBodyStore` takes each
/// unchanged article's body this way and hands the bytes to the store as they are
/// (`ArticleBodyStore.put(encoded:)`); it is decoded only if a page or search record reads it.
public struct EncodedArticleBody: Sendable, Equatable {
    /// The `RenderedMarkdown` value's bytes, as `CacheEncoder` wrote them (a value's bytes do
    /// not depend on where they sit in an entry).
    public var bytes: [UInt8]
    public var pageDigest: ContentDigest
    public var sectionsDigest: ContentDigest

    /// The body, or nil for bytes that are not one.
    static func decode(_ bytes: [UInt8]) -> RenderedMarkdown? {
        let source = CacheSource(bytes)
        guard (try? source.end(ofValueAt: 0)) == bytes.count else { return nil }
        if let body = try? RenderedMarkdownReader(source: source).read(at: 0) { return body }
        return try? RenderedMarkdown(from: ValueDecoder(source: source, offset: 0))
    }
}
