import Dispatch

/// A value worked out on a background queue while the caller goes on; `wait()` returns it.
public final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var value: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.value = work() }
    }

    /// The value, once it is ready. The group's wait orders the background write before this read.
    public func wait() -> Value {
        group.wait()
        return value!
    }

    /// Returns once the work is done, whether or not its value was taken.
    public func waitUntilDone() {
        group.wait()
    }

    /// The value, once it is ready, no longer held by the task: the caller's is the last reference,
    /// so a large value can be freed where the caller chooses (`BackgroundRelease`).
    public func take() -> Value {
        group.wait()
        defer { value = nil }
        return value!
    }
}
