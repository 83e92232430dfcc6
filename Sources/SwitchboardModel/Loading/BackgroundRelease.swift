import Dispatch

/// Frees large values on a background queue instead of on the thread that is done with them.
///
/// A build ends holding its parsed site, page specs and search documents: tens of thousands of
/// small objects, whose release took a tenth of a second of a one-edit rebuild on the building
/// thread (at 10,000 files) before the report could go out. Handed here, they are freed on another
/// core while the caller goes on; a process that ends first leaves them to the system, as a
/// compiler that skips freeing its trees at exit does.
public enum BackgroundRelease {
    private static let group = DispatchGroup()

    /// Drops `value` on a background queue. Pass the caller's last reference (`consume x`), or the
    /// caller's own copy is the one that frees it.
    public static func release(_ value: consuming Any) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async(group: group) { box.value = nil }
    }

    /// Waits until everything handed over so far is freed (tests, and a caller measuring memory).
    public static func wait() { group.wait() }

    private final class Box: @unchecked Sendable {
        var value: Any?
        init(_ value: consuming Any) { self.value = value }
    }
}
