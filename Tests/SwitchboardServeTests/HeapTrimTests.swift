import Foundation
import Testing
@testable import SwitchboardServe

/// `serve` trims the heap after each build, except where a sanitizer owns it: glibc's
/// `malloc_trim` under ThreadSanitizer crashed the sanitizer run now and then.
@Suite struct HeapTrimTests {
    /// `make sanitize` sets SWITCHBOARD_SANITIZER=thread for its test run; every other run has
    /// no sanitizer. The expected value comes from how the tests were started, not from the
    /// code under test's own look at the process.
    @Test func aSanitizedRunIsToldApartFromAPlainOne() {
        let sanitized = ProcessInfo.processInfo.environment["SWITCHBOARD_SANITIZER"] != nil
        #expect(HeapTrim.heapBelongsToASanitizer == sanitized)
        #if os(Linux)
        #expect(HeapTrim.releaseFreedMemory() == !sanitized)
        #endif
    }
}
