import Foundation
import Synchronization
import Testing
import SwitchboardModel

/// `BackgroundRelease` frees what it is handed, and not on the caller's thread (that was the
/// point: a build's leftovers delayed its report).
@Suite struct BackgroundReleaseTests {
    final class Record: Sendable {
        let thread = Mutex<UInt?>(nil)
    }

    @Test func handedValuesAreFreedOnAnotherThread() {
        let record = Record()
        weak var observed: Node?
        let callerThread = UInt(pthread_self())
        do {
            let node = Node(record)
            observed = node
            BackgroundRelease.release(consume node)
        }
        BackgroundRelease.wait()
        #expect(observed == nil)
        let freedOn = record.thread.withLock { $0 }
        #expect(freedOn != nil)
        #expect(freedOn != callerThread)
    }

    final class Node: Sendable {
        let record: Record
        init(_ record: Record) { self.record = record }
        deinit { record.thread.withLock { $0 = UInt(pthread_self()) } }
    }
}
