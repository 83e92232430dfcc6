/// Work handed to another thread whose captures the caller no longer touches (a cache file's
/// bytes, written after the build has moved on): `DiskSink`'s manifest, `SearchEntryStore`'s file.
final class UncheckedJob: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
