import Dispatch
import SwitchboardModel

/// The search stage of the pipeline: the index files for every page's document.
enum SearchStage {
    static func files(_ documents: HandOffList<SearchDocument>, site: Site, digests: [ContentDigest]? = nil,
                      cache: SearchAnalysisCache? = nil) -> [OutputFile] {
        // Devices are faceted by platform, which share ids with products.
        var names = Dictionary(site.products.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for (id, name) in DevicePages.platformNames where names[id] == nil { names[id] = name }
        return SearchIndexWriter.files(taking: documents, basePath: site.basePath, productNames: names,
                                       synonyms: site.synonyms?.groups.map(\.words) ?? [], digests: digests, cache: cache)
    }

    /// Writes the index on a background queue: it needs only the documents, so it
    /// runs while the pages render, and each stage's single-threaded stretches use
    /// the other's idle core. Each document is taken out of the list as it is analysed.
    static func start(_ documents: HandOffList<SearchDocument>, site: Site, digests: [ContentDigest]? = nil,
                      cache: SearchAnalysisCache? = nil) -> BackgroundTask<[OutputFile]> {
        BackgroundTask { files(documents, site: site, digests: digests, cache: cache) }
    }
}
