/// The fields a page is scored on, with BM25F boosts: a match in the title counts most,
/// then headings, the summary and the facets (product ids and content type), then body text.
enum SearchField: Int, CaseIterable {
    case title, headings, summary, facets, body

    /// How much one occurrence counts relative to one in the body.
    var boost: Double {
        switch self {
        case .title: 8
        case .headings: 4
        case .summary: 3
        case .facets: 2
        case .body: 1
        }
    }

    /// BM25 length normalisation: body text is normalised fully; short fields barely,
    /// since a longer title is not less about its words.
    var lengthNormalisation: Double {
        switch self {
        case .title: 0.3
        case .headings: 0.5
        case .summary: 0.4
        case .facets: 0
        case .body: 0.75
        }
    }
}
