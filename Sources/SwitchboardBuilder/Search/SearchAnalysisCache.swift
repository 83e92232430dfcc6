import Foundation
import SwitchboardModel

/// Each search document's analysis (its terms and their counts), kept by a long-lived
/// session between builds under the hash of the document, so a save re-tokenizes only
/// the pages whose text changed. Tokenizing was two thirds of a rebuild of a
/// 10,000-page site in `switchboard serve`; merging the analyses into the index is
/// still done for every page.
///
/// It holds the analyses of the last build only: pages that are gone do not linger.
public final class SearchAnalysisCache: @unchecked Sendable {
    private let lock = NSLock()
    private var analyses: [ContentDigest: SearchDocumentAnalysis] = [:]

    public init() {}

    /// How many documents' analyses it holds.
    public var count: Int { lock.withLock { analyses.count } }

    func analysis(_ digest: ContentDigest) -> SearchDocumentAnalysis? {
        lock.withLock { analyses[digest] }
    }

    /// Replaces what it holds with one build's analyses.
    func replace(with built: [ContentDigest: SearchDocumentAnalysis]) {
        lock.withLock { analyses = built }
    }
}
