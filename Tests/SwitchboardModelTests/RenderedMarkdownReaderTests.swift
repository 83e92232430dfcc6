import Testing
import SwitchboardMarkdown
@testable import SwitchboardModel

/// The parse cache reads rendered Markdown without `Decodable` (`RenderedMarkdownReader`). It must
/// give exactly what `Decodable` gives from the same bytes, and give nothing (leaving the bytes to
/// `Decodable`) rather than a wrong value when they are in another form.
@Suite struct RenderedMarkdownReaderTests {
    static let heading = MarkdownHeading(level: 2, text: "Réseau — 電話", id: "reseau", line: 3)
    static let sample = RenderedMarkdown(
        html: "<h2 id=\"reseau\">Réseau — 電話</h2>\n<p>Call <a href=\"/kb/x/\">x</a>.</p>\n",
        headings: [heading, MarkdownHeading(level: 3, text: "", id: "a-1", line: 40)],
        links: [MarkdownLink(kind: .link, destination: "/kb/x/", line: 4, column: 6),
                MarkdownLink(kind: .image, destination: "", line: 1, column: 1)],
        sections: [MarkdownSection(heading: nil, text: "Before any heading."), MarkdownSection(heading: heading, text: "")])

    /// What `Decodable` makes of the bytes, or nil where it throws.
    static func decodable(_ bytes: [UInt8]) -> RenderedMarkdown? {
        try? RenderedMarkdown(from: ValueDecoder(source: CacheSource(bytes), offset: 0))
    }

    static func reader(_ bytes: [UInt8]) -> RenderedMarkdown? {
        (try? RenderedMarkdownReader(source: CacheSource(bytes)).read(at: 0)) ?? nil
    }

    @Test func readsWhatSynthesizedEncodingWrote() throws {
        for value in [Self.sample, RenderedMarkdown(html: "", headings: [], links: [], sections: [])] {
            let bytes = try CacheEncoder.encode(value)
            #expect(Self.reader(bytes) == value)
            #expect(try CacheDecoder.decode(RenderedMarkdown.self, from: bytes[...]) == value)
        }
    }

    /// Every single-byte change: the reader gives what `Decodable` gives, or nothing.
    @Test func neverDisagreesWithDecodable() throws {
        let bytes = try CacheEncoder.encode(Self.sample)
        var read = 0
        forEachByteFlip(of: bytes) { copy, label in
            guard let fast = Self.reader(copy) else { return }
            read += 1
            #expect(fast == Self.decodable(copy), "\(label)")
        }
        // Changes inside strings still read (as other text); the check above compared those.
        #expect(read > 0)
        for length in 0..<bytes.count { #expect(Self.reader(Array(bytes[..<length])) == nil) }
    }

    /// The same fields in another order: not the form the reader knows, so it gives nothing and
    /// `Decodable`, which finds keys in any order, reads it.
    struct Reordered: Codable {
        var sections: [MarkdownSection]
        var links: [MarkdownLink]
        var headings: [MarkdownHeading]
        var html: String
    }

    @Test func leavesOtherFormsToDecodable() throws {
        let value = Self.sample
        let bytes = try CacheEncoder.encode(Reordered(sections: value.sections, links: value.links, headings: value.headings, html: value.html))
        #expect(Self.reader(bytes) == nil)
        #expect(try CacheDecoder.decode(RenderedMarkdown.self, from: bytes[...]) == value)
    }
}
