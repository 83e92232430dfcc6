#if canImport(Glibc)
import Glibc
#endif

/// How the process asks glibc's allocator to behave, set by a command before it loads a site.
enum AllocatorSettings {
    /// Whether a build into `output` is a rebuild: it starts from a published site and that
    /// site's manifest, so it renders and holds a fraction of what a clean build does.
    static func isRebuild(output: String, manifestPath: String?) -> Bool {
        guard let manifestPath else { return false }
        var folder = stat(), manifest = stat()
        let published = lstat(output, &folder) == 0 && (folder.st_mode & S_IFMT) == S_IFDIR
        return published && lstat(manifestPath, &manifest) == 0
    }

    /// The threshold for a rebuild: with 128 KB, the pages a rebuild's large buffers gave back
    /// were taken again, a quarter of its system time at 10,000 files. With 4 MB, one edit at
    /// 10,000 files on tmpfs took 0.60 s wall and 0.98 s of CPU at 158 MB peak, against 0.70 s,
    /// 1.10 s and 144 MB with 128 KB and 0.61 s, 0.97 s and 167 MB with glibc's own sliding
    /// threshold (medians of eight alternating; `docs/architecture.md`).
    static let rebuildThreshold: Int32 = 4 << 20

    /// How much free memory at the top of the heap a rebuild keeps instead of giving it back
    /// (glibc's default is 128 KB once the mmap threshold is fixed): a one-off process gains
    /// nothing by returning memory it is about to take again, page by page. One edit at 10,000
    /// files on tmpfs: 37,800 → 32,400 page faults, 0.91 → 0.88 s of CPU, the same peak
    /// (medians of ten alternating).
    static let rebuildTrimThreshold: Int32 = 1 << 30

    /// The threshold for everything else: clean builds, `check`, `serve`.
    static let defaultThreshold: Int32 = 128 * 1024

    /// Blocks of `threshold` (128 KB unless a rebuild says otherwise) and more are always mapped
    /// on their own and unmapped when freed.
    ///
    /// glibc starts with that threshold but raises it to the size of each mapped block that is
    /// freed (up to 32 MB), so after the first large buffer of a build goes, later ones (the
    /// search index's pieces and postings, a batch of rendered pages, the cache files' pieces)
    /// come from the heap, whose freed memory the process keeps: a clean build of 10,000 files
    /// peaked at 314 MB resident for 238 MB of live heap. With the threshold fixed it peaks at
    /// 281 MB, for about 0.2 s more system time (the pages given back are taken again) and the
    /// same wall time (`docs/architecture.md`). Setting it turns the raising off.
    ///
    /// With `trimThreshold`, free memory at the top of the heap is given back to the system only
    /// past that size.
    static func apply(threshold: Int32 = defaultThreshold, trimThreshold: Int32? = nil) {
        #if canImport(Glibc)
        // Swift's Glibc module does not declare `mallopt`, so it is looked up by name.
        // `M_MMAP_THRESHOLD` is -3 and `M_TRIM_THRESHOLD` -1 in <malloc.h>; RTLD_DEFAULT is the
        // null handle on glibc.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, threshold)
        if let trimThreshold { _ = mallopt(-1, trimThreshold) }
        #endif
    }
}
