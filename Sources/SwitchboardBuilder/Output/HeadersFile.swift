import SwitchboardModel

/// `/_headers` in the format Netlify and Cloudflare Pages read: security headers
/// for every path, and one caching rule per path whose files share a policy.
///
/// Both hosts add up the headers of every rule a path matches, and Cloudflare
/// joins two values of one header with a comma, so the caching rules never
/// overlap: a folder gets one `/folder/*` rule when everything under it is cached
/// alike, else a rule per file in it and per subfolder.
enum HeadersFile {
    /// How long a file may be cached.
    enum Caching: Int, Comparable {
        /// HTML, feeds and other files at fixed URLs: the browser and CDN check back every time.
        case revalidate
        /// The status API: a minute, and readable from any origin (monitoring widgets).
        case live
        /// Content-hashed assets: a new version has a new name.
        case immutable

        var headers: [String] {
            switch self {
            case .revalidate: return ["Cache-Control: public, max-age=0, must-revalidate"]
            case .live: return ["Cache-Control: public, max-age=60, must-revalidate", "Access-Control-Allow-Origin: *"]
            case .immutable: return ["Cache-Control: public, max-age=31536000, immutable"]
            }
        }

        static func < (a: Caching, b: Caching) -> Bool { a.rawValue < b.rawValue }
    }

    static func caching(_ path: String, hashed: Set<String>) -> Caching {
        if hashed.contains(path) { return .immutable }
        if path.hasPrefix("status/api/") { return .live }
        return .revalidate
    }

    /// Feeds are read by feed readers and widgets on other origins. They cache like
    /// pages (revalidated), so they never split their folder's caching rule, and get
    /// only this header of their own.
    static func isFeed(_ path: String) -> Bool { path.hasSuffix(".atom") || path.hasSuffix(".rss") }

    /// The file for a site of output `paths`, whose pages hold the inline scripts `scriptSources`
    /// (`'sha256-…'`, see `InlineScripts`); `hashed` are the content-hashed asset paths.
    static func file(paths: Set<String>, scriptSources: Set<String>, hashed: Set<String>, site: Site) -> OutputFile {
        let base = site.basePath
        let csp = contentSecurityPolicy(scriptHashes: scriptSources.sorted())
        var text = "# Written by switchboard build: response headers for Netlify and Cloudflare Pages (see docs/deploy.md).\n"
        text += "\(base)/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"
        text += "  Content-Security-Policy: \(csp)\n"
        // In byte order (for ASCII paths, the order of `String`'s `<`), so that a folder's paths
        // are next to each other and its rules are found in one pass over them.
        let paths = paths.filter { $0.utf8.first != UInt8(ascii: "_") }.sorted { ByteOrder.precedes($0, $1) }
        let classes = paths.map { caching($0, hashed: hashed) }
        for (pattern, caching) in rules(paths: paths, classes: classes, range: paths.indices, folder: "") {
            text += "\n\(base)\(pattern)\n" + caching.headers.map { "  \($0)\n" }.joined()
        }
        for (index, path) in paths.enumerated() where isFeed(path) && classes[index] != .live {
            text += "\n\(base)/\(path)\n  Access-Control-Allow-Origin: *\n"
        }
        return OutputFile(path: "_headers", text: text)
    }

    /// Scripts from the site's own origin and the inline scripts found in the output, by hash; nothing else runs.
    static func contentSecurityPolicy(scriptHashes: [String]) -> String {
        let scripts = (["'self'"] + scriptHashes).joined(separator: " ")
        return "default-src 'self'; script-src \(scripts); style-src 'self'; img-src 'self' data: https:; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    }

    /// Non-overlapping rules for the files under `folder` ("" or "a/b/"): `paths[range]`, in byte
    /// order, with their caching in `classes`. The folder's own files come first, then each
    /// subfolder's rules in turn.
    static func rules(paths: [String], classes: [Caching], range: Range<Int>, folder: String) -> [(String, Caching)] {
        guard let first = range.first else { return [] }
        if range.allSatisfy({ classes[$0] == classes[first] }) { return [("/\(folder)*", classes[first])] }
        var out: [(String, Caching)] = []
        var subfolders: [(name: String, range: Range<Int>)] = []
        let folderLength = folder.utf8.count
        var index = first
        while index < range.upperBound {
            let path = paths[index]
            let rest = path.utf8.index(path.utf8.startIndex, offsetBy: folderLength)
            guard let slash = path.utf8[rest...].firstIndex(of: UInt8(ascii: "/")) else {
                out.append((path[rest...] == "index.html" ? "/\(folder)" : "/\(path)", classes[index]))
                index += 1
                continue
            }
            // The subfolder's paths all start with `folder/name/`: in byte order, they follow.
            let prefix = path.utf8[...slash]
            var end = index + 1
            while end < range.upperBound && paths[end].utf8.starts(with: prefix) { end += 1 }
            subfolders.append((String(path[rest..<slash]), index..<end))
            index = end
        }
        for subfolder in subfolders {
            out += rules(paths: paths, classes: classes, range: subfolder.range, folder: folder + subfolder.name + "/")
        }
        return out
    }
}
