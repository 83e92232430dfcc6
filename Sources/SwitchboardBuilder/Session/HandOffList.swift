import Foundation

/// A list whose elements are handed out once each and not kept: what it holds is let go as it
/// is taken, not at the end of the build. A build's page specs go this way, a render batch at a
/// time, and its search documents, one by one as the search index analyses them; together
/// with the bodies they hold, those had been a third of a 10,000-page build's peak.
final class HandOffList<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var elements: [Element?]

    init(_ elements: [Element]) {
        self.elements = elements.map { $0 }
    }

    var count: Int { lock.withLock { elements.count } }

    /// How many elements are not yet taken.
    var remaining: Int { lock.withLock { elements.count { $0 != nil } } }

    /// The elements of `range`, taken out of the list; each is taken once.
    func take(_ range: Range<Int>) -> [Element] {
        // Moved out (`Optional.take()`), not copied and then cleared: a copy retains each of the
        // element's strings and arrays, and the clearing releases them again.
        lock.withLock { range.map { index in elements[index].take()! } }
    }

    /// Element `index`, taken out of the list; each is taken once.
    func take(_ index: Int) -> Element {
        lock.withLock { elements[index].take()! }
    }

    /// Every element, before any is taken: for what reads the whole list first (the search
    /// index's catalogue and records), without taking it.
    func all() -> [Element] {
        lock.withLock { elements.map { $0! } }
    }
}
