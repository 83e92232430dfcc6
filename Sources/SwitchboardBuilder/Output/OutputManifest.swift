import SwitchboardModel

/// The hashes of every file in the output folder and in its staging folder,
/// kept in the build cache so the next build writes only what changed.
struct OutputManifest {
    struct Tree {
        var files: [String: ContentDigest]
        /// One hash of all paths and hashes, written into the folder's marker file.
        var digest: ContentDigest

        init(files: [String: ContentDigest]) {
            self.files = files
            var hasher = ContentHasher()
            for path in files.keys.sorted(by: { ByteOrder.precedes($0, $1) }) {
                hasher.add(path)
                hasher.add(files[path]!)
            }
            digest = hasher.finish()
        }
    }

    var published: Tree?
    var staging: Tree?

    /// Lines: `published <digest>` or `staging <digest>` opens a tree, then `<digest> <path>` per file.
    static func read(_ path: String) -> OutputManifest? {
        guard let bytes = FileReader.read(path) else { return nil }
        var manifest = OutputManifest()
        var current: (name: Substring, digest: ContentDigest, files: [String: ContentDigest])?
        func close() {
            guard let tree = current else { return }
            let built = Tree(files: tree.files)
            guard built.digest == tree.digest else { return }
            if tree.name == "published" { manifest.published = built } else { manifest.staging = built }
        }
        for line in CacheLines(bytes) where !line.isEmpty {
            if current != nil, let (digest, path) = line.digestAndRest() {
                current!.files[path.text] = digest
                continue
            }
            guard let space = line.firstIndex(of: 0x20) else { return nil }
            let head = line[..<space].text
            guard head == "published" || head == "staging", let digest = ContentDigest(hexDigits: line[(space + 1)...]) else { return nil }
            close()
            current = (Substring(head), digest, [:])
        }
        close()
        return manifest
    }

    /// Writes beside `path` and renames, so a reader never sees half a manifest.
    func write(to path: String) {
        var text = ""
        for (name, tree) in [("published", published), ("staging", staging)] {
            guard let tree, !tree.files.keys.contains(where: { $0.utf8.contains(UInt8(ascii: "\n")) }) else { continue }
            text += "\(name) \(tree.digest)\n"
            for (file, digest) in tree.files { text += "\(digest) \(file)\n" }
        }
        CacheFile.write(path, Array(text.utf8))
    }
}
