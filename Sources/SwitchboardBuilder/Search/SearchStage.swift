import SwitchboardModel

/// The search stage of the pipeline: the index files for every page's document.
enum SearchStage {
    static func files(_ documents: [SearchDocument], site: Site) -> [OutputFile] {
        SearchIndexWriter.files(for: documents, basePath: site.basePath)
    }
}
