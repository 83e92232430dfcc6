import Foundation
import Testing
import SwitchboardModel

/// `parallelMap` keeps the order and owns nothing once it returns: every result is released
/// with the array it returned. (It leaked one reference to each result before, so a
/// long-lived `serve` grew by every page spec and search file of every save.)
@Suite struct ParallelMapTests {
    final class Box: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    struct Weak {
        weak var box: Box?
    }

    @Test func keepsTheOrder() {
        let input = Array(0..<1000)
        #expect(input.parallelMap { $0 * 2 } == input.map { $0 * 2 })
        #expect([Int]().parallelMap { $0 } == [])
        #expect([7].parallelMap { $0 + 1 } == [8])
    }

    @Test func resultsAreReleasedWithTheArray() {
        var weak: [Weak] = []
        do {
            let boxes = Array(0..<500).parallelMap { Box($0) }
            #expect(boxes.map(\.value) == Array(0..<500))
            weak = boxes.map { Weak(box: $0) }
            #expect(weak.allSatisfy { $0.box != nil })
        }
        #expect(weak.allSatisfy { $0.box == nil }, "\(weak.filter { $0.box != nil }.count) of 500 results still alive")
    }

    /// Why `SiteBuilder.plan` runs the knowledge base outside the other page families' parallel
    /// map: libdispatch runs an apply nested in another apply's work on the calling thread alone
    /// (when the outer one already fills the cores), so the articles' parallel map had one core.
    @Test func aParallelMapNestedInAnotherRunsOnOneThread() {
        let outer = Array(0..<64).parallelMap { _ in
            Set(Array(0..<16).parallelMap { _ -> UInt in
                usleep(200)
                return UInt(pthread_self())
            }).count
        }
        #expect(outer.allSatisfy { $0 == 1 }, "threads per inner map: \(outer)")
        // (Not nested, the same map spreads over the cores when some are free; that depends on
        // what else runs, tests included, so it is not asserted here.)
    }
}
