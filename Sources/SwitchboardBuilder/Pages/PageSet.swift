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

    /// `other`'s pages, documents and files before these. The ones here are moved along, not
    /// copied: the knowledge base's thousands of pages take the few families listed before them
    /// this way (copying a spec or document retains each of its strings and arrays).
    mutating func prepend(_ other: PageSet) {
        pages.insert(contentsOf: other.pages, at: 0)
        documents.insert(contentsOf: other.documents, at: 0)
        files.insert(contentsOf: other.files, at: 0)
    }
}
