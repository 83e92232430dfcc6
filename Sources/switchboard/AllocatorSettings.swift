#if canImport(Glibc)
import Glibc
#endif

/// How the process asks glibc's allocator to behave, set by a command before it loads a site.
enum AllocatorSettings {
    /// Whether `apply` suits a build into `output`: not when it starts from a published site and
    /// that site's manifest, which renders and holds a fraction of what a clean build does. Such
    /// a build keeps glibc's own threshold: with the fixed one, the pages given back were taken
    /// again, a quarter of a one-edit rebuild's system time at 10,000 files (0.70 → 0.64 s wall
    /// on tmpfs, 148 → 170 MB peak; `docs/architecture.md`). A clean build still peaks low.
    static func appliesToBuild(output: String, manifestPath: String?) -> Bool {
        guard let manifestPath else { return true }
        var folder = stat(), manifest = stat()
        let published = lstat(output, &folder) == 0 && (folder.st_mode & S_IFMT) == S_IFDIR
        return !(published && lstat(manifestPath, &manifest) == 0)
    }

    /// Blocks of 128 KB and more are always mapped on their own and unmapped when freed.
    ///
    /// glibc starts with that threshold but raises it to the size of each mapped block that is
    /// freed (up to 32 MB), so after the first large buffer of a build goes, later ones (the
    /// search index's pieces and postings, a batch of rendered pages, the cache files' pieces)
    /// come from the heap, whose freed memory the process keeps: a clean build of 10,000 files
    /// peaked at 314 MB resident for 238 MB of live heap. With the threshold fixed it peaks at
    /// 281 MB, for about 0.2 s more system time (the pages given back are taken again) and the
    /// same wall time (`docs/architecture.md`). Setting it turns the raising off.
    static func apply() {
        #if canImport(Glibc)
        // Swift's Glibc module does not declare `mallopt`, so it is looked up by name.
        // `M_MMAP_THRESHOLD` is -3 in <malloc.h>; RTLD_DEFAULT is the null handle on glibc.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-3, 128 * 1024)
        #endif
    }
}
