import SwitchboardModel

/// What a `BuildSession` remembers of its last successful build, in memory and in
/// the cache folder: the hash of all its inputs, every output with the hash of its
/// bytes, and for each page and for the search index the hash of what it read.
struct BuildMemory {
    /// Inputs of the last build; nil when it had diagnostics (they are not kept, so
    /// such a build is never skipped).
    var fingerprint: ContentDigest?
    var outputs: [String: ContentDigest] = [:]
    /// Output path → (hash of what the page read, hash of its bytes).
    var pages: [String: (inputs: ContentDigest, output: ContentDigest)] = [:]
    /// Output path → the `'sha256-…'` sources of the page's inline scripts, for pages that have any
    /// (the Content-Security-Policy of `_headers` allows them; kept pages are not read again).
    var scripts: [String: [String]] = [:]
    /// HTML output path → hash of the page's ids (fragment targets). While no page's ids and
    /// no output path change, pages carried over need not be read again for the link check.
    var ids: [String: ContentDigest] = [:]
    /// Hash of the search documents, and the index files written from them.
    var search: (inputs: ContentDigest, files: [String: ContentDigest])?

    static let header = "switchboard build memory 3"

    static func read(_ path: String) -> BuildMemory? {
        guard let bytes = CacheFile.read(path) else { return nil }
        var memory = BuildMemory()
        var section = ""
        var searchFiles: [String: ContentDigest] = [:]
        var searchInputs: ContentDigest?
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(header), lines.last == "end" else { return nil }
        for line in lines.dropFirst().dropLast() {
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            switch fields.first {
            case "fingerprint":
                guard fields.count == 2 else { return nil }
                memory.fingerprint = ContentDigest(hex: fields[1])
            case "search":
                guard fields.count == 2, let digest = ContentDigest(hex: fields[1]) else { return nil }
                searchInputs = digest
                section = "search"
            case "pages", "outputs", "scripts", "ids":
                section = String(fields[0])
            default:
                if section == "scripts" {
                    let pair = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                    guard pair.count == 2 else { return nil }
                    memory.scripts[String(pair[1])] = pair[0].split(separator: ",").map(String.init)
                } else if section == "pages" {
                    guard fields.count == 3, let inputs = ContentDigest(hex: fields[0]), let output = ContentDigest(hex: fields[1]) else { return nil }
                    memory.pages[String(fields[2])] = (inputs, output)
                } else {
                    let pair = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                    guard pair.count == 2, let digest = ContentDigest(hex: pair[0]) else { return nil }
                    switch section {
                    case "search": searchFiles[String(pair[1])] = digest
                    case "ids": memory.ids[String(pair[1])] = digest
                    default: memory.outputs[String(pair[1])] = digest
                    }
                }
            }
        }
        if let searchInputs { memory.search = (searchInputs, searchFiles) }
        return memory
    }

    func write(to path: String) {
        var text = Self.header + "\n"
        text += "fingerprint \(fingerprint.map(\.description) ?? "-")\n"
        if let search {
            text += "search \(search.inputs)\n"
            for (file, digest) in search.files { text += "\(digest) \(file)\n" }
        }
        text += "pages\n"
        for (file, page) in pages { text += "\(page.inputs) \(page.output) \(file)\n" }
        text += "scripts\n"
        for (file, sources) in scripts { text += "\(sources.joined(separator: ",")) \(file)\n" }
        text += "ids\n"
        for (file, digest) in ids { text += "\(digest) \(file)\n" }
        text += "outputs\n"
        for (file, digest) in outputs { text += "\(digest) \(file)\n" }
        text += "end"
        // A path with a line break cannot be stored; such a site is simply not cached.
        if outputs.keys.contains(where: { $0.utf8.contains(UInt8(ascii: "\n")) }) { return }
        CacheFile.write(path, Array(text.utf8))
    }
}
