import Testing
import SwitchboardMarkdown
@testable import SwitchboardModel

/// The parse cache writes rendered Markdown without `Encodable` containers; the bytes must be
/// those the synthesized conformance writes, so that either reader reads them.
@Suite struct RenderedMarkdownWriterTests {
    /// RenderedMarkdown's fields, in its order, in a type the writer does not know: encoded by
    /// its synthesized conformance through the usual containers.
    struct SameFields: Codable {
        var html: String
        var headings: [MarkdownHeading]
        var links: [MarkdownLink]
        var sections: [MarkdownSection]
    }

    @Test func writesWhatTheSynthesizedConformanceWrites() throws {
        let many = (0..<150).map { MarkdownHeading(level: 1 + $0 % 6, text: "Heading \($0)", id: "h\($0)", line: $0 * 1000) }
        for value in [RenderedMarkdownReaderTests.sample, RenderedMarkdown(html: "", headings: [], links: [], sections: []),
                      RenderedMarkdown(html: "x", headings: many, links: [], sections: many.map { MarkdownSection(heading: $0, text: $0.text) })] {
            let written = try CacheEncoder.encode(value)
            let synthesized = try CacheEncoder.encode(SameFields(html: value.html, headings: value.headings, links: value.links, sections: value.sections))
            #expect(written == synthesized)
            #expect(try CacheDecoder.decode(RenderedMarkdown.self, from: written[...]) == value)
        }
    }

    /// Inside another value (as in a parsed article), what follows it is written after it.
    struct Around: Codable, Equatable {
        var before: String
        var body: RenderedMarkdown
        var after: [Int]
    }

    @Test func valuesAfterItFollowIt() throws {
        let value = Around(before: "b", body: RenderedMarkdownReaderTests.sample, after: [1, 2, 3])
        #expect(try CacheDecoder.decode(Around.self, from: try CacheEncoder.encode(value)[...]) == value)
    }
}
