import SwitchboardModel

/// What a `BuildSession` remembers of its last successful build, in memory and in
/// the cache folder: the hash of all its inputs, every output with the hash of its
/// bytes, and for each page and for the search index the hash of what it read.
///
/// On disk it names the program that wrote it, and another program does not trust it: the
/// hashes of pages and of the search documents cover what they read, not the code that turns
/// that into bytes, so a new `switchboard` (another search index format, say) must not carry
/// over what an old one wrote.
struct BuildMemory: Sendable {
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
    /// Output files some output's reference names (a superset while pages are carried over
    /// unread): an output that goes and is not among them breaks no link.
    var named: Set<String> = []
    /// Hash of the search documents, and the index files written from them.
    var search: (inputs: ContentDigest, files: [String: ContentDigest])?
    /// The site's base path (`""` or `/docs`), which a build that only carries the site over reports.
    var basePath: String?
    /// `_headers`: the hash of what it read besides the output paths (`SiteBuilder.headersInputs`), and of its bytes.
    var headers: (inputs: ContentDigest, output: ContentDigest)?

    static let header = "switchboard build memory 8"

    /// The memory in `path`, if it is whole and `program` wrote it.
    static func read(_ path: String, program: String) -> BuildMemory? {
        guard let bytes = CacheFile.read(path) else { return nil }
        var memory = BuildMemory()
        var section = ""
        var searchFiles: [String: ContentDigest] = [:]
        var searchInputs: ContentDigest?
        var lines = CacheLines(bytes)
        guard let first = lines.next(), first.elementsEqual(header.utf8),
              let writer = lines.next(), writer.elementsEqual("program \(program)".utf8) else { return nil }
        var sawEnd = false
        // Each section names how many lines it holds: its table is sized for them before they
        // are read (grown from nothing, the tables were a quarter of reading the memory), and a
        // section with more or fewer lines is refused. A count is trusted for sizing only as far
        // as the file could hold that many lines.
        var expected = 0
        var seen = 0
        func room(_ count: Int) -> Int { min(count, bytes.count / 16) }
        while let line = lines.next() {
            guard !sawEnd else { return nil }
            if line.elementsEqual("end".utf8) {
                guard seen == expected else { return nil }
                sawEnd = true
                continue
            }
            if section == "pages", let (inputs, rest) = line.digestAndRest() {
                guard let (output, path) = rest.digestAndRest() else { return nil }
                memory.pages[path.text] = (inputs, output)
                seen += 1
                continue
            }
            // `- <path>`: a named file.
            if section == "named", line.starts(with: "- ".utf8) {
                memory.named.insert(line.dropFirst(2).text)
                seen += 1
                continue
            }
            // `'sha256-…','sha256-…' <path>`: the sources start with a quote and hold no space.
            if section == "scripts", line.first == UInt8(ascii: "'"), let space = line.firstIndex(of: 0x20) {
                memory.scripts[line[(space + 1)...].text] = line[..<space].split(separator: UInt8(ascii: ",")).map(\.text)
                seen += 1
                continue
            }
            if let (digest, rest) = line.digestAndRest(), !section.isEmpty, section != "pages", section != "scripts", section != "named" {
                switch section {
                case "search": searchFiles[rest.text] = digest
                case "ids": memory.ids[rest.text] = digest
                default: memory.outputs[rest.text] = digest
                }
                seen += 1
                continue
            }
            let text = line.text
            if section.isEmpty, text.hasPrefix("base-path ") {
                memory.basePath = String(text.dropFirst("base-path ".count))
                continue
            }
            let fields = text.split(separator: " ", omittingEmptySubsequences: false)
            switch fields.first {
            case "fingerprint":
                guard fields.count == 2 else { return nil }
                memory.fingerprint = ContentDigest(hex: fields[1])
            case "headers":
                guard section.isEmpty, fields.count == 3, let inputs = ContentDigest(hex: fields[1]), let output = ContentDigest(hex: fields[2])
                else { return nil }
                memory.headers = (inputs, output)
            case "search":
                guard seen == expected, fields.count == 3, let digest = ContentDigest(hex: fields[1]),
                      let count = Int(fields[2]), count >= 0 else { return nil }
                searchInputs = digest
                section = "search"
                (expected, seen) = (count, 0)
                searchFiles.reserveCapacity(room(count))
            case "pages", "outputs", "scripts", "ids", "named":
                guard seen == expected, fields.count == 2, let count = Int(fields[1]), count >= 0 else { return nil }
                section = String(fields[0])
                (expected, seen) = (count, 0)
                switch section {
                case "pages": memory.pages.reserveCapacity(room(count))
                case "outputs": memory.outputs.reserveCapacity(room(count))
                case "scripts": memory.scripts.reserveCapacity(room(count))
                case "ids": memory.ids.reserveCapacity(room(count))
                default: memory.named.reserveCapacity(room(count))
                }
            default:
                return nil
            }
        }
        guard sawEnd, !lines.endsWithLineFeed else { return nil }
        // Its pages and search files are among its outputs, as a build remembers them: a build
        // keeps them without asking whether they were outputs, and counts on that to tell
        // whether any path is new (`BuildSession.build`).
        guard memory.pages.keys.allSatisfy({ memory.outputs[$0] != nil }),
              searchFiles.keys.allSatisfy({ memory.outputs[$0] != nil }) else { return nil }
        if let searchInputs { memory.search = (searchInputs, searchFiles) }
        return memory
    }

    func write(to path: String, program: String) {
        if let bytes = encoded(program: program) { CacheFile.write(path, bytes) }
    }

    /// The file's bytes; nil for a memory that cannot be stored.
    func encoded(program: String) -> [UInt8]? {
        // A path with a line break cannot be stored; such a site is simply not cached.
        if basePath?.utf8.contains(UInt8(ascii: "\n")) == true || program.utf8.contains(UInt8(ascii: "\n")) { return nil }
        var bytes: [UInt8] = []
        bytes += (Self.header + "\n").utf8
        bytes += "program \(program)\n".utf8
        bytes += "fingerprint \(fingerprint.map(\.description) ?? "-")\n".utf8
        if let basePath { bytes += "base-path \(basePath)\n".utf8 }
        if let headers { bytes += "headers \(headers.inputs) \(headers.output)\n".utf8 }
        // The sections are made on all cores and joined in order: the process waits for this
        // file before it ends, and its 45,000 lines at 10,000 files, made in one go, held up the
        // end of a one-edit rebuild by some 5 ms more.
        for section in Section.allCases.parallelMap({ encoded($0) }) {
            guard let section else { return nil }
            bytes += section
        }
        bytes += "end".utf8
        return bytes
    }

    /// The file's sections after its header, in the order they are written.
    private enum Section: CaseIterable { case search, pages, scripts, ids, named, outputs }

    /// One section's lines, its count line first; nil when a path holds a line break.
    private func encoded(_ section: Section) -> [UInt8]? {
        var bytes: [UInt8] = []
        var clean = true
        // A path, checked for a line break as it is copied.
        func path(_ file: String) {
            let start = bytes.count
            bytes += file.utf8
            if bytes[start...].contains(UInt8(ascii: "\n")) { clean = false }
            bytes.append(UInt8(ascii: "\n"))
        }
        // A digest or two and a path; no list of the digests per line.
        func line(_ digest: ContentDigest, _ file: String) {
            digest.appendHex(to: &bytes)
            bytes.append(UInt8(ascii: " "))
            path(file)
        }
        switch section {
        case .search:
            guard let search else { return [] }
            bytes.reserveCapacity(search.files.count * 80)
            bytes += "search \(search.inputs) \(search.files.count)\n".utf8
            for (file, digest) in search.files { line(digest, file) }
        case .pages:
            bytes.reserveCapacity(pages.count * 120)
            bytes += "pages \(pages.count)\n".utf8
            for (file, page) in pages {
                page.inputs.appendHex(to: &bytes)
                bytes.append(UInt8(ascii: " "))
                line(page.output, file)
            }
        case .scripts:
            bytes += "scripts \(scripts.count)\n".utf8
            for (file, sources) in scripts {
                bytes += sources.joined(separator: ",").utf8
                bytes.append(UInt8(ascii: " "))
                path(file)
            }
        case .ids:
            bytes.reserveCapacity(ids.count * 90)
            bytes += "ids \(ids.count)\n".utf8
            for (file, digest) in ids { line(digest, file) }
        case .named:
            bytes.reserveCapacity(named.count * 50)
            bytes += "named \(named.count)\n".utf8
            for file in named {
                bytes += "- ".utf8
                path(file)
            }
        case .outputs:
            bytes.reserveCapacity(outputs.count * 90)
            bytes += "outputs \(outputs.count)\n".utf8
            for (file, digest) in outputs { line(digest, file) }
        }
        return clean ? bytes : nil
    }
}
