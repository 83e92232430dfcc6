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
}
