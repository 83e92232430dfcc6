/// A value handed from a background task to the thread that waits for it.
/// The `DispatchGroup` wait orders the write before the read.
final class ConcurrentResult<Value: Sendable>: @unchecked Sendable {
    var value: Value?
}
