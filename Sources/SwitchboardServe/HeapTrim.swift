import Foundation

/// Gives the process's freed heap memory back to the system after a preview build, so that
/// `serve` does not stay at the peak of two sites in memory.
enum HeapTrim {
    /// Whether a sanitizer's runtime is loaded. A sanitizer serves `malloc` itself, so glibc's
    /// arenas hold only what the runtime's own libraries allocated behind its back; walking them
    /// with `malloc_trim` then frees nothing and, under ThreadSanitizer, crashed one run in
    /// seven or so (a SEGV inside glibc's `mtrim`, while other threads allocated).
    static let heapBelongsToASanitizer: Bool = {
        #if os(Linux)
        for runtime in ["__tsan_init", "__asan_init", "__msan_init"] where dlsym(nil, runtime) != nil {
            return true
        }
        #endif
        return false
    }()

    /// Returns freed memory to the system, unless a sanitizer owns the heap.
    /// - Returns: whether glibc was asked to trim.
    @discardableResult
    static func releaseFreedMemory() -> Bool {
        #if os(Linux)
        guard !heapBelongsToASanitizer else { return false }
        _ = glibcMallocTrim(0)
        return true
        #else
        return false
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module does not include).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
