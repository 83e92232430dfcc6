import Crypto
import Foundation
import SwitchboardModel

/// `/sw.js`: the theme's `service-worker.js` with this build's cache version and the files kept
/// for offline reading written in front of it. Built once per build from the few pages it keeps,
/// after rendering, so it adds nothing to the per-page path.
enum ServiceWorker {
    /// The worker's source in the theme folder.
    static let sourceName = "service-worker.js"
    /// Where the worker is published, without the base path. At the root so its scope is the whole site.
    static let url = "/sw.js"

    /// Pages an engineer needs in an outage, kept from the first visit on: home, the escalation
    /// paths, support hours and checklists, the current service status and the support policy.
    /// Other pages are kept once read.
    static func isPrecached(_ url: String) -> Bool {
        url == "/" || url == "/status/" || url.hasPrefix("/escalation/") || url.hasPrefix("/support/") || url.hasPrefix("/policies/")
    }

    /// The worker, or nil when the theme has none.
    /// `outputDigests` are the hashes of the rendered outputs' bytes, by output path.
    static func file(pages: [PageSpec], outputDigests: [String: ContentDigest], templates: TemplateSet, site: Site) -> OutputFile? {
        guard let source = templates.serviceWorker else { return nil }
        let base = site.basePath
        let kept = pages.filter { isPrecached($0.url) }.sorted { $0.url < $1.url }
        let assets = templates.assetURLs.values.sorted()

        // The version changes whenever a kept file does, so a reader's saved escalation page is
        // replaced as soon as the contacts change, and the previous build's cache is dropped.
        var hash = SHA256()
        hash.update(data: Array(source.utf8))
        for page in kept {
            hash.update(data: Array(page.url.utf8) + [0])
            hash.update(data: Array((outputDigests[page.outputPath]?.description ?? "").utf8))
        }
        for asset in assets { hash.update(data: Array(asset.utf8) + [0]) }
        let version = hash.finalize().prefix(6).map { String(format: "%02x", $0) }.joined()

        let precache = (kept.map(\.url) + assets).map { JSONText.quote(base + $0) }
        let stylesheet = templates.assetURLs["site_css"].map { JSONText.quote(base + $0) } ?? "null"
        let header = """
            // Written by `switchboard build`: this build's cache version and the files kept for offline reading.
            var BUILD = {"version":\(JSONText.quote(version)),"base":\(JSONText.quote(base)),\
            "language":\(JSONText.quote(site.config.language)),"stylesheet":\(stylesheet),"precache":[
              \(precache.joined(separator: ",\n  "))
            ]};

            """
        return OutputFile(path: String(url.dropFirst()), text: header + source)
    }
}
