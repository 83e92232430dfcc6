import SwitchboardModel

/// The hashes of every file in the output folder and in its staging folder,
/// kept in the build cache so the next build writes only what changed.
struct OutputManifest {
    struct Tree {
        var files: [String: ContentDigest]
        /// One hash of all paths and hashes, written into the folder's marker file.
        var digest: ContentDigest
        /// The paths in byte order: the order they are hashed and written in.
        private(set) var paths: [String]

        init(files: [String: ContentDigest]) {
            self.init(files: files, paths: files.keys.sorted(by: { ByteOrder.precedes($0, $1) }))
        }

        /// The tree of `files`, in `earlier`'s order for the paths it has and with the new ones
        /// sorted in among them: an edit adds or removes a few files at most (the search index's),
        /// and sorting all 13,500 paths was a tenth of a one-edit rebuild's writing.
        init(files: [String: ContentDigest], orderedLike earlier: Tree?) {
            guard let earlier else {
                self.init(files: files)
                return
            }
            var kept: [String] = []
            kept.reserveCapacity(files.count)
            for path in earlier.paths where files[path] != nil { kept.append(path) }
            if kept.count == files.count {
                self.init(files: files, paths: kept)
                return
            }
            let added = files.keys.filter { earlier.files[$0] == nil }.sorted { ByteOrder.precedes($0, $1) }
            var paths: [String] = []
            paths.reserveCapacity(files.count)
            var (k, a) = (0, 0)
            while k < kept.count || a < added.count {
                if a == added.count || (k < kept.count && ByteOrder.precedes(kept[k], added[a])) {
                    paths.append(kept[k])
                    k += 1
                } else {
                    paths.append(added[a])
                    a += 1
                }
            }
            self.init(files: files, paths: paths)
        }

        /// The tree of `files` when its paths are exactly `earlier`'s: their order is then not
        /// worked out again. Nil when they are not (a path of `earlier` missing from `files`).
        init?(files: [String: ContentDigest], pathsOf earlier: Tree) {
            guard files.count == earlier.paths.count else { return nil }
            var hasher = ContentHasher()
            for path in earlier.paths {
                guard let digest = files[path] else { return nil }
                hasher.add(path)
                hasher.add(digest)
            }
            self.files = files
            paths = earlier.paths
            digest = hasher.finish()
        }

        /// `paths` must be `files`' keys in byte order.
        private init(files: [String: ContentDigest], paths: [String]) {
            self.files = files
            self.paths = paths
            var hasher = ContentHasher()
            for path in paths {
                hasher.add(path)
                hasher.add(files[path]!)
            }
            digest = hasher.finish()
        }

        /// A tree read back in the order it was written, which must be byte order with no path
        /// twice: then its hash is checked without sorting it again (a manifest of 17,600 files
        /// was sorted twice on reading and twice more on writing, on every build).
        init?(ordered entries: [(path: String, digest: ContentDigest)]) {
            var files: [String: ContentDigest] = [:]
            files.reserveCapacity(entries.count)
            for (index, entry) in entries.enumerated() {
                if index > 0, !ByteOrder.precedes(entries[index - 1].path, entry.path) { return nil }
                files[entry.path] = entry.digest
            }
            self.init(files: files, paths: entries.map(\.path))
        }
    }

    var published: Tree?
    var staging: Tree?

    /// Lines: `published <digest>` or `staging <digest>` opens a tree, then `<digest> <path>` per
    /// file in byte order. A tree out of order or whose hash does not match is dropped (its folder's
    /// files are then written again).
    static func read(_ path: String) -> OutputManifest? {
        guard let bytes = FileReader.read(path) else { return nil }
        var manifest = OutputManifest()
        var current: (name: Substring, digest: ContentDigest, entries: [(path: String, digest: ContentDigest)])?
        func close() {
            guard let tree = current, let built = Tree(ordered: tree.entries), built.digest == tree.digest else { return }
            if tree.name == "published" { manifest.published = built } else { manifest.staging = built }
        }
        for line in CacheLines(bytes) where !line.isEmpty {
            if current != nil, let (digest, path) = line.digestAndRest() {
                current!.entries.append((path.text, digest))
                continue
            }
            guard let space = line.firstIndex(of: 0x20) else { return nil }
            let head = line[..<space].text
            guard head == "published" || head == "staging", let digest = ContentDigest(hexDigits: line[(space + 1)...]) else { return nil }
            close()
            current = (Substring(head), digest, [])
        }
        close()
        return manifest
    }

    /// Writes beside `path` and renames, so a reader never sees half a manifest.
    func write(to path: String) {
        var bytes: [UInt8] = []
        for (name, tree) in [("published", published), ("staging", staging)] {
            guard let tree, !tree.paths.contains(where: { $0.utf8.contains(UInt8(ascii: "\n")) }) else { continue }
            bytes.reserveCapacity(bytes.count + tree.paths.count * 80)
            bytes += "\(name) \(tree.digest)\n".utf8
            for file in tree.paths {
                tree.files[file]!.appendHex(to: &bytes)
                bytes.append(UInt8(ascii: " "))
                bytes += file.utf8
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        CacheFile.write(path, bytes)
    }
}
