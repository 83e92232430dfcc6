import Foundation

/// A build's page specs, handed to the render batches a run at a time and not kept once
/// taken: a spec and its context (the largest part of a planned page) are let go once the
/// batch that renders the page is done with them, not at the end of the build.
final class PageQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [PageSpec?]

    init(_ pages: [PageSpec]) {
        self.pages = pages.map { $0 }
    }

    /// The specs of `range`, taken out of the queue; each range is taken once.
    func take(_ range: Range<Int>) -> [PageSpec] {
        lock.withLock {
            range.map { index in
                defer { pages[index] = nil }
                return pages[index]!
            }
        }
    }
}
