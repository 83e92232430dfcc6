import SwitchboardModel
/// Decides what open pages are told after a rebuild, from the outputs that changed.
///
/// - No output changed: nothing is sent.
/// - Only stylesheets changed: one `liveCSS` message per stylesheet, and no page reloads.
///   Stylesheets are published under content-hashed names, so an edited `site.css`
///   removes `assets/site.<old>.css`, adds `assets/site.<new>.css` and changes every page
///   that links it; a page whose only difference is that link still counts as unchanged.
/// - Anything else: one `reload`, naming the changed pages (all pages when a script,
///   image or font changed, or when too many pages changed to list).
public enum ReloadDecision {
    /// Above this many changed pages every page is told to reload instead of a list.
    public static let maximumListedPages = 200

    /// Outputs no previewed page loads: the service worker (the preview answers 404 for it)
    /// and the static host's files. They follow every stylesheet rename (the worker lists the
    /// hashed assets), so counting them would turn each stylesheet swap into a reload.
    static let notLoadedByPages: Set<String> = ["sw.js", "_headers", "_redirects"]

    public static func messages(from old: any PreviewFiles, to new: any PreviewFiles, changed: Set<String>,
                                basePath: String) -> [LiveReloadMessage] {
        guard !changed.isEmpty else { return [] }
        let sorted = changed.sorted { ByteOrder.precedes($0, $1) }
        let stylesheets = sorted.filter { $0.hasSuffix(".css") }
        // Old stylesheet URL → new one, for renamed (re-hashed) stylesheets.
        var renames: [(old: [UInt8], new: [UInt8])] = []
        let removed = stylesheets.filter { !new.contains($0) }
        let added = stylesheets.filter { !old.contains($0) }
        var unpaired = false
        for path in removed {
            guard let match = added.first(where: { unhashedName($0) == unhashedName(path) }) else {
                unpaired = true
                continue
            }
            renames.append((Array(url(of: path, basePath: basePath).utf8), Array(url(of: match, basePath: basePath).utf8)))
        }
        if added.contains(where: { path in !removed.contains { unhashedName($0) == unhashedName(path) } }) { unpaired = true }

        var pages: [String] = []
        var everyPage = unpaired
        var onlyRenamedLinks = !unpaired
        for path in sorted where !path.hasSuffix(".css") && !notLoadedByPages.contains(path) {
            if !renames.isEmpty, let before = old[path], let after = new[path],
               replacing(renames, in: before) == after {
                continue
            }
            onlyRenamedLinks = false
            if path.hasSuffix(".html") {
                pages.append(pageURL(of: path, basePath: basePath))
            } else if embedsInPages(path) {
                everyPage = true
            }
        }
        if onlyRenamedLinks {
            return stylesheets.filter { new.contains($0) }.map {
                LiveReloadMessage(path: url(of: $0, basePath: basePath), liveCSS: true, pages: nil)
            }
        }
        let listed = everyPage || pages.count > maximumListedPages ? nil : pages
        let path = pages.first ?? url(of: sorted.first(where: { new.contains($0) }) ?? sorted[0], basePath: basePath)
        return [LiveReloadMessage(path: path, liveCSS: true, pages: listed)]
    }

    /// For pages shown ahead of a build: one `reload` naming them (they are HTML pages).
    public static func messages(forPagesShownAhead paths: Set<String>, basePath: String) -> [LiveReloadMessage] {
        let pages = paths.sorted { ByteOrder.precedes($0, $1) }.map { pageURL(of: $0, basePath: basePath) }
        guard let first = pages.first else { return [] }
        return [LiveReloadMessage(path: first, liveCSS: true, pages: pages)]
    }

    /// The URL a page is opened at: `kb/x/index.html` → `/kb/x/`, `404.html` → `/404.html`.
    public static func pageURL(of path: String, basePath: String) -> String {
        if path == "index.html" { return basePath + "/" }
        if path.hasSuffix("/index.html") { return basePath + "/" + path.dropLast("index.html".count) }
        return url(of: path, basePath: basePath)
    }

    static func url(of path: String, basePath: String) -> String { basePath + "/" + path }

    /// `assets/site.0a1b2c3d4e.css` → `assets/site.css`: the name before content hashing.
    static func unhashedName(_ path: String) -> String {
        var parts = path.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 3, let hash = parts.dropLast().last, hash.count == 10,
           hash.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }) {
            parts.remove(at: parts.count - 2)
        }
        return parts.joined(separator: ".")
    }

    /// Outputs that pages load as they show (scripts, images, fonts): a change reloads every page.
    static func embedsInPages(_ path: String) -> Bool {
        let type = ContentTypes.of(path)
        return type.hasPrefix("text/javascript") || type.hasPrefix("image/") || type.hasPrefix("font/")
    }

    /// `bytes` with every occurrence of each `old` replaced by its `new`.
    static func replacing(_ renames: [(old: [UInt8], new: [UInt8])], in bytes: [UInt8]) -> [UInt8] {
        var current = bytes
        for (old, new) in renames where !old.isEmpty {
            var out: [UInt8] = []
            out.reserveCapacity(current.count + 64)
            var index = 0
            let first = old[0]
            while index < current.count {
                if current[index] == first, index + old.count <= current.count,
                   current[index..<(index + old.count)].elementsEqual(old) {
                    out.append(contentsOf: new)
                    index += old.count
                } else {
                    out.append(current[index])
                    index += 1
                }
            }
            current = out
        }
        return current
    }
}
