/// The pages of one part of the site and what they give the search index.
struct PageSet: Sendable {
    var pages: [PageSpec] = []
    var documents: [SearchDocument] = []
    /// Non-HTML files (JSON, CSV, feeds).
    var files: [OutputFile] = []

    mutating func append(_ other: PageSet) {
        pages += other.pages
        documents += other.documents
        files += other.files
    }
}
