#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The content hash of each input file, remembered under the file's `stat` stamp (device,
/// inode, size, modification and change times), the way git's index does. A rebuild stats
/// every file but reads and hashes only those whose stamp changed: reading and hashing
/// ten thousand files was a tenth of a one-edit rebuild, and the loader read them all again.
///
/// A file whose times are within `racyWindow` of the moment it was hashed is not remembered:
/// it may change again within the file system's timestamp resolution without its stamp
/// changing, so it is hashed again next time. The cost is re-hashing the files just saved.
public final class FileDigests: @unchecked Sendable {
    struct Stamp: Equatable {
        var device: UInt64, inode: UInt64, size: Int64
        var modified: Int64, modifiedNanoseconds: Int64, changed: Int64, changedNanoseconds: Int64
    }

    private var entries: [String: (stamp: Stamp, digest: ContentDigest)] = [:]
    /// Seconds either side of the hashing moment within which a file's stamp is not trusted.
    static let racyWindow: Int64 = 2

    /// How many files the last `digests(of:)` read and hashed (the rest came from their stamps).
    public private(set) var lastHashedCount = 0

    /// Seconds since 1970 on the file system's clock; a test can move it.
    private let clock: @Sendable () -> Int64

    public init(clock: @escaping @Sendable () -> Int64 = FileDigests.currentSeconds) {
        self.clock = clock
    }

    /// How many files are remembered.
    public var count: Int { entries.count }

    /// The hash of each file's bytes (nil when it cannot be read), on all cores. Afterwards
    /// the object remembers exactly these paths: files gone from the list are forgotten.
    public func digests(of paths: [String]) -> [ContentDigest?] {
        let now = clock()
        let known = entries
        let folders = Folders(paths)
        defer { folders.closeAll() }
        let results = Array(paths.indices).parallelMap { index -> (stamp: Stamp?, digest: ContentDigest?, hashed: Bool) in
            let path = paths[index]
            let before = folders.stamp(of: index, path: path)
            if let before, let entry = known[path], entry.stamp == before { return (before, entry.digest, false) }
            guard let bytes = FileReader.read(path) else { return (nil, nil, true) }
            let digest = ContentDigest(bytes)
            // Remembered only when the file held still while it was read.
            let after = folders.stamp(of: index, path: path)
            guard let before, before == after, !Self.isRacy(before, now: now) else { return (nil, digest, true) }
            return (before, digest, true)
        }
        var next: [String: (stamp: Stamp, digest: ContentDigest)] = [:]
        next.reserveCapacity(paths.count)
        var hashed = 0
        for (path, result) in zip(paths, results) {
            if result.hashed { hashed += 1 }
            if let stamp = result.stamp, let digest = result.digest { next[path] = (stamp, digest) }
        }
        entries = next
        lastHashedCount = hashed
        return results.map(\.digest)
    }

    /// The folders of a list of paths, each opened once, so that each file is looked up by its
    /// name in its folder (`fstatat`) rather than along its whole path: walking the path's
    /// components was most of the time the stat of every content file took.
    private struct Folders: @unchecked Sendable {
        /// Each path's folder descriptor (-1: none) and where its name starts.
        private var places: [(folder: Int32, name: Int)] = []
        private var descriptors: [Int32] = []

        init(_ paths: [String]) {
            var opened: [Substring: Int32] = [:]
            places.reserveCapacity(paths.count)
            for path in paths {
                guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else {
                    places.append((-1, 0))
                    continue
                }
                let folder = path[..<slash]
                let descriptor = opened[folder] ?? {
                    let descriptor = open(String(folder), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                    opened[folder] = descriptor
                    if descriptor >= 0 { descriptors.append(descriptor) }
                    return descriptor
                }()
                places.append((descriptor, path.utf8.distance(from: path.utf8.startIndex, to: slash) + 1))
            }
        }

        /// The stamp of `paths[index]`.
        func stamp(of index: Int, path: String) -> Stamp? {
            let (folder, name) = places[index]
            guard folder >= 0 else { return FileDigests.stamp(of: path) }
            var info = stat()
            let found = path.withCString { fstatat(folder, $0 + name, &info, 0) == 0 }
            return found ? FileDigests.stamp(info) : nil
        }

        func closeAll() {
            for descriptor in descriptors { close(descriptor) }
        }
    }

    static func isRacy(_ stamp: Stamp, now: Int64) -> Bool {
        stamp.modified >= now - racyWindow || stamp.changed >= now - racyWindow
            || stamp.modified > now + racyWindow || stamp.changed > now + racyWindow
    }

    static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return stamp(info)
    }

    static func stamp(_ info: stat) -> Stamp {
        #if canImport(Glibc)
        return Stamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                     modified: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec),
                     changed: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec))
        #else
        return Stamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                     modified: Int64(info.st_mtimespec.tv_sec), modifiedNanoseconds: Int64(info.st_mtimespec.tv_nsec),
                     changed: Int64(info.st_ctimespec.tv_sec), changedNanoseconds: Int64(info.st_ctimespec.tv_nsec))
        #endif
    }

    public static func currentSeconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec)
    }

    // MARK: - On disk

    private static let header = Array("switchboard file digests 1\n".utf8)

    /// The remembered stamps and hashes, for the cache folder.
    public func serialized() -> [UInt8] {
        var writer = ByteWriter()
        writer.append(raw: Self.header)
        writer.write(UInt64(entries.count))
        for (path, entry) in entries {
            writer.write(path)
            let stamp = entry.stamp
            writer.write(stamp.device)
            writer.write(stamp.inode)
            for value in [stamp.size, stamp.modified, stamp.modifiedNanoseconds, stamp.changed, stamp.changedNanoseconds] {
                writer.write(value)
            }
            writer.write(entry.digest)
        }
        return writer.bytes
    }

    /// Reads `serialized()`; nil for bytes that are not a whole, well-formed file.
    public convenience init?(serialized bytes: [UInt8], clock: @escaping @Sendable () -> Int64 = FileDigests.currentSeconds) {
        var reader = ByteReader(bytes)
        guard reader.expect(Self.header), let count = reader.readUInt64(), count <= UInt64(bytes.count) else { return nil }
        var entries: [String: (stamp: Stamp, digest: ContentDigest)] = [:]
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let path = reader.readString(), let device = reader.readUInt64(), let inode = reader.readUInt64(),
                  let size = reader.readInt64(), let modified = reader.readInt64(), let modifiedNanoseconds = reader.readInt64(),
                  let changed = reader.readInt64(), let changedNanoseconds = reader.readInt64(), let digest = reader.readDigest()
            else { return nil }
            entries[path] = (Stamp(device: device, inode: inode, size: size, modified: modified, modifiedNanoseconds: modifiedNanoseconds,
                                   changed: changed, changedNanoseconds: changedNanoseconds), digest)
        }
        guard reader.isAtEnd else { return nil }
        self.init(clock: clock)
        self.entries = entries
    }
}
