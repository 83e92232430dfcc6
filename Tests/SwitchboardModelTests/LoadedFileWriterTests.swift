import Testing
import SwitchboardMarkdown
@testable import SwitchboardModel

/// The parse cache writes parsed articles, FAQs and policies without `Encodable` containers
/// (`LoadedFileWriter`); the bytes must be those the synthesized conformances write, so that
/// either reader reads them and a cache written before reads the same.
@Suite struct LoadedFileWriterTests {
    @Test func writesWhatTheSynthesizedConformancesWrite() throws {
        for sample in try LoadedFileReaderTests.samples() {
            let written = try CacheEncoder.encode(sample)
            let synthesized = try CacheEncoder.encodeSynthesized(sample)
            #expect(written == synthesized, "\(sample.file.path)")
            #expect(LoadedFileReaderTests.same(LoadedFileReaderTests.reader(written), sample))
        }
    }

    /// Lists of 128 or more move what follows their count along when they close.
    @Test func longListsToo() throws {
        var file = LoadedFileReaderTests.article(full: true)
        let position = LoadedFileReaderTests.position
        file.references = (0..<200).map { ReferenceUse(kind: .product, value: "p-\($0)", file: "kb/returns/doa.md", position: position) }
        file.anchors = Set((0..<150).map { "anchor-\($0)" })
        if case .article(var article)? = file.entry {
            article.tags = (0..<130).map { "tag-\($0)" }
            file.entry = .article(article)
        }
        #expect(try CacheEncoder.encode(file) == CacheEncoder.encodeSynthesized(file))
    }

    /// Entries of other collections are left to their conformance.
    @Test func otherEntriesAreLeftToTheirConformance() throws {
        var file = LoadedFileReaderTests.article(full: false)
        file.entry = .asset
        #expect(try CacheEncoder.encode(file) == CacheEncoder.encodeSynthesized(file))
        file.entry = nil
        #expect(try CacheEncoder.encode(file) == CacheEncoder.encodeSynthesized(file))
    }
}
