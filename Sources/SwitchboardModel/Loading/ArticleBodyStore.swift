#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SwitchboardMarkdown

/// Articles' rendered bodies, kept in a temporary file instead of memory by a build that runs
/// once (`switchboard build`): each is written as its file is parsed and read back where a page
/// or search document needs it, so a build never holds every article's body at once. At 10,000
/// articles the bodies (HTML and the search index's sections) were a quarter of a clean build's
/// peak, and they grow with the site.
///
/// The file is unlinked as soon as it is made: nothing is left behind, whatever ends the
/// process. A body is stored as two runs, the page's part (HTML and headings) and the search
/// index's (sections), so each reader reads only its own. A body that cannot be written stays
/// in memory; one that cannot be read back is reported by `readFailed`, which fails the build.
public final class ArticleBodyStore: @unchecked Sendable {
    /// Where one body is in the store.
    public struct Reference: Sendable, Equatable {
        fileprivate let store: ArticleBodyStore
        /// The cache file that holds the body (`EncodedArticleBody.place`), when not the store's own.
        fileprivate var cacheFile: CacheEntryIndex?
        fileprivate let pageBytes: Range<Int>
        fileprivate let sectionBytes: Range<Int>
        /// Whether `pageBytes` holds the body as the parse cache encodes it (`put(encoded:)`),
        /// read whole for either part, rather than the two runs `put(_:)` writes.
        fileprivate var isEncoded = false
        /// The hash of the body's sections (`ContentHasher.sectionsDigest`), made as it was stored,
        /// so a search document's hash needs no read.
        public let sectionsDigest: ContentDigest
        /// The hash of the page's part (`ContentHasher.pageBodyDigest`), for the same reason.
        public let pageDigest: ContentDigest

        public static func == (a: Reference, b: Reference) -> Bool {
            a.store === b.store && a.cacheFile === b.cacheFile && a.pageBytes == b.pageBytes && a.sectionBytes == b.sectionBytes
        }

        /// The page's part of the body (`ArticleBodyStore.page`).
        func page() -> RenderedMarkdown? { store.page(self) }

        /// The body's sections (`ArticleBodyStore.sections`).
        func sections() -> [MarkdownSection]? { store.sections(self) }
    }

    private let descriptor: Int32
    private let lock = NSLock()
    private var end = 0
    private var failedReads = 0

    /// A store in a new unlinked file in `directory` (the system's temporary folder by default);
    /// nil when the file cannot be made.
    public init?(directory: String = FileManager.default.temporaryDirectory.path) {
        var template = Array((directory + "/switchboard-bodies-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Whether a body could not be read back: what used it was built without it.
    public var readFailed: Bool { lock.withLock { failedReads > 0 } }

    /// Stores `body`; nil when it cannot (it then stays where it is). A body with links is not
    /// stored: a file's body keeps none (`PageLinker.render`), and the store does not keep them.
    public func put(_ body: RenderedMarkdown) -> Reference? {
        guard body.links.isEmpty else { return nil }
        var writer = ByteWriter()
        writer.write(body.html)
        writer.write(body.headings.count)
        for heading in body.headings { Self.write(heading, &writer) }
        let pageLength = writer.bytes.count
        writer.write(body.sections.count)
        for section in body.sections {
            writer.write(section.heading != nil)
            if let heading = section.heading { Self.write(heading, &writer) }
            writer.write(section.text)
        }
        let bytes = writer.bytes
        let start = lock.withLock {
            defer { end += bytes.count }
            return end
        }
        guard write(bytes, at: start) else { return nil }
        return Reference(store: self, pageBytes: start..<(start + pageLength), sectionBytes: (start + pageLength)..<(start + bytes.count),
                         sectionsDigest: ContentHasher.sectionsDigest(body.sections.map { ($0.heading?.id, $0.heading?.text, $0.text) }),
                         pageDigest: ContentHasher.pageBodyDigest(body))
    }

    /// Stores a body as the parse cache encoded it, with its hashes, without decoding it: after
    /// an edit, a new `switchboard build` process takes every unchanged article from the parse
    /// cache, and decoding each body only to encode it again for this store was a tenth of the
    /// rebuild's CPU, for bodies that are mostly never read (their pages are not rendered, their
    /// search pieces are kept). Read back, it is decoded whole for either part. A body that
    /// names its place in a cache file is not copied: it is read from there (the file stays open,
    /// and a cache file is replaced by renaming a new one over it, never rewritten in place).
    /// Nil when it cannot be written.
    public func put(encoded body: EncodedArticleBody) -> Reference? {
        if let place = body.place {
            var reference = Reference(store: self, pageBytes: place.bytes, sectionBytes: place.bytes.lowerBound..<place.bytes.lowerBound,
                                      sectionsDigest: body.sectionsDigest, pageDigest: body.pageDigest)
            reference.cacheFile = place.file
            reference.isEncoded = true
            return reference
        }
        let start = lock.withLock {
            defer { end += body.bytes.count }
            return end
        }
        guard write(body.bytes, at: start) else { return nil }
        var reference = Reference(store: self, pageBytes: start..<(start + body.bytes.count), sectionBytes: start..<start,
                                  sectionsDigest: body.sectionsDigest, pageDigest: body.pageDigest)
        reference.isEncoded = true
        return reference
    }

    /// A body stored encoded, decoded; nil when it cannot be read back or decoded.
    private func decoded(_ reference: Reference) -> RenderedMarkdown? {
        let at = reference.pageBytes.lowerBound, count = reference.pageBytes.count
        guard let bytes = reference.cacheFile.map({ $0.read(at: at, count: count) }) ?? FileReader.read(descriptor, at: at, count: count),
              let body = EncodedArticleBody.decode(bytes) else { return failed(nil) }
        return body
    }

    /// The page's part of a stored body: its HTML and headings (no links, no sections); nil
    /// when it cannot be read back (`readFailed` then says so).
    public func page(_ reference: Reference) -> RenderedMarkdown? {
        if reference.isEncoded {
            return decoded(reference).map { RenderedMarkdown(html: $0.html, headings: $0.headings, links: [], sections: []) }
        }
        guard var reader = read(reference.pageBytes), let html = reader.readString(), let count = reader.readInt(), count >= 0
        else { return failed(nil) }
        var headings: [MarkdownHeading] = []
        for _ in 0..<count {
            guard let heading = Self.heading(&reader) else { return failed(nil) }
            headings.append(heading)
        }
        return RenderedMarkdown(html: html, headings: headings, links: [], sections: [])
    }

    /// The search index's part of a stored body: its sections; nil when it cannot be read back.
    public func sections(_ reference: Reference) -> [MarkdownSection]? {
        if reference.isEncoded { return decoded(reference)?.sections }
        guard var reader = read(reference.sectionBytes), let count = reader.readInt(), count >= 0 else { return failed(nil) }
        var sections: [MarkdownSection] = []
        for _ in 0..<count {
            guard let hasHeading = reader.readBool() else { return failed(nil) }
            var heading: MarkdownHeading?
            if hasHeading {
                guard let read = Self.heading(&reader) else { return failed(nil) }
                heading = read
            }
            guard let text = reader.readString() else { return failed(nil) }
            sections.append(MarkdownSection(heading: heading, text: text))
        }
        return sections
    }

    /// Counts a body that could not be read as one that could not be read back: the build fails.
    func reportUnreadable() {
        failed(())
    }

    /// Empties the file, so that nothing stored reads back (tests).
    func truncateForTesting() {
        _ = ftruncate(descriptor, 0)
    }

    fileprivate func failed<T>(_ value: T) -> T {
        lock.withLock { failedReads += 1 }
        return value
    }

    private static func write(_ heading: MarkdownHeading, _ writer: inout ByteWriter) {
        writer.write(heading.level)
        writer.write(heading.text)
        writer.write(heading.id)
        writer.write(heading.line)
    }

    private static func heading(_ reader: inout ByteReader) -> MarkdownHeading? {
        guard let level = reader.readInt(), let text = reader.readString(), let id = reader.readString(), let line = reader.readInt()
        else { return nil }
        return MarkdownHeading(level: level, text: text, id: id, line: line)
    }

    private func write(_ bytes: [UInt8], at offset: Int) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let wrote = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if wrote < 0, errno == EINTR { continue }
                guard wrote > 0 else { return false }
                done += wrote
            }
            return true
        }
    }

    private func read(_ range: Range<Int>) -> ByteReader? {
        FileReader.read(descriptor, at: range.lowerBound, count: range.count).map { ByteReader($0) } ?? failed(nil)
    }
}

extension ContentHasher {
    /// The hash of what a page shows of a body: its HTML and headings.
    public static func pageBodyDigest(_ body: RenderedMarkdown) -> ContentDigest {
        var hasher = ContentHasher()
        hasher.add(body.html)
        hasher.add(body.headings.count)
        for heading in body.headings {
            hasher.add(heading.level)
            hasher.add(heading.text)
            hasher.add(heading.id)
        }
        return hasher.finish()
    }

    /// The hash of a body's sections as the search index reads them: each one's anchor, heading
    /// and text. The same from a rendered body as from a search document.
    public static func sectionsDigest(_ sections: [(anchor: String?, heading: String?, text: String)]) -> ContentDigest {
        var hasher = ContentHasher()
        hasher.add(sections.count)
        for section in sections {
            hasher.add(section.anchor ?? "\u{0}")
            hasher.add(section.heading ?? "\u{0}")
            hasher.add(section.text)
        }
        return hasher.finish()
    }
}
