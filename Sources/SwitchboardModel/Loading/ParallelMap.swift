import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            // Chunks, not single elements: per-item dispatch costs more than small items do.
            let chunkCount = Swift.min(count, 64)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                let start = chunk * input.count / chunkCount
                let end = (chunk + 1) * input.count / chunkCount
                for index in start..<end {
                    output[index] = transform(input[index])
                }
            }
        }
        return results.map { $0! }
    }
}
