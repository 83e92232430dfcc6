import Dispatch

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order.
    ///
    /// Each result is written straight into the returned array's storage: there is no buffer of
    /// optionals to copy from (and release: one that was only deallocated kept a reference to
    /// every result, so everything a build made in parallel lived as long as the process).
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            nonisolated(unsafe) let output = buffer.baseAddress!
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                // Chunks, not single elements: per-item dispatch costs more than small items do.
                let chunkCount = Swift.min(input.count, 64)
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    let start = chunk * input.count / chunkCount
                    let end = (chunk + 1) * input.count / chunkCount
                    for index in start..<end {
                        (output + index).initialize(to: transform(input[index]))
                    }
                }
            }
            // Every index was written: the chunks cover 0..<count exactly.
            initializedCount = count
        }
    }
}
