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
}
