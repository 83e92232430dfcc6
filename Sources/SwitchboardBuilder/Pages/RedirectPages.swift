import SwitchboardModel

/// A page for every alias (a former URL) that sends the reader on to the page's
/// URL, and `/_redirects` with the same moves as 301s for hosts that read it.
enum RedirectPages {
    struct Redirect: Sendable {
        var alias: Alias
        /// The page's URL without the base path.
        var target: String
    }

    /// Every alias of every published page, by alias path; policies as the build clock has them.
    static func redirects(_ site: Site) -> [Redirect] {
        let edition = PolicyEdition(site)
        var out: [Redirect] = []
        func add(_ info: EntryInfo) {
            guard let url = info.url else { return }
            for alias in info.aliases { out.append(Redirect(alias: alias, target: url)) }
        }
        for info in site.entriesWithPages where !info.aliases.isEmpty && !info.path.hasPrefix("policies/") { add(info) }
        // `published` is made on each access: taken once.
        let policies = edition.published
        for index in policies.indices { add(policies[index].info) }
        return out.sorted { ByteOrder.precedes($0.alias.path, $1.alias.path) }
    }

    /// The redirect pages and `_redirects`, leaving out aliases whose file another
    /// output already writes (those are reported with the alias's position).
    static func files(_ redirects: [Redirect], taken: (String) -> Bool, site: Site) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let base = site.basePath
        let origin = site.config.origin
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var lines = "# Written by switchboard build: former URLs (aliases) and where they moved (see docs/deploy.md).\n"
        for redirect in redirects {
            let path = Alias.outputPath(of: redirect.alias.path)
            if taken(path) {
                diagnostics.append(Diagnostic(file: redirect.alias.file, position: redirect.alias.position, id: "alias-collision",
                                              message: "the alias \(redirect.alias.path) is the address of a page the site builds (/\(path))"))
                continue
            }
            let target = base + redirect.target
            let absolute = origin + target
            let e = XMLText.escape
            let html = """
            <!DOCTYPE html>
            <html lang="\(e(site.config.language))">
            <head>
            <meta charset="utf-8">
            <title>Moved to \(e(target)) · \(e(site.config.title))</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(e(absolute))">
            <meta http-equiv="refresh" content="0; url=\(e(target))">
            </head>
            <body>
            <p>This page has moved to <a href="\(e(target))">\(e(absolute))</a>.</p>
            </body>
            </html>

            """
            files.append(OutputFile(path: path, text: html))
            lines += "\(base)\(redirect.alias.path) \(target) 301\n"
        }
        files.append(OutputFile(path: "_redirects", text: lines))
        return (files, diagnostics)
    }
}
