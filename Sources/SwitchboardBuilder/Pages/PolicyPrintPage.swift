import SwitchboardModel

/// `/policies/print/`: the whole policy in force on one page, in section order,
/// for printing or saving as PDF (page breaks and printed URLs are in print.css).
enum PolicyPrintPage {
    static func page(_ site: Site, edition: PolicyEdition) -> PageSpec {
        let base = site.basePath
        let origin = site.config.origin
        let slugs = Set(edition.current.map(\.info.slug))
        let sections = edition.current.map { policy -> TemplateContext in
            var section: TemplateContext = ["id": anchor(policy), "title": policy.title, "version": policy.version,
                                            "effective": ContextHelpers.long(policy.effective), "effective_iso": policy.effective.description,
                                            "url": origin + base + (policy.info.url ?? ""),
                                            "body": rebase(policy.body.html, slug: policy.info.slug, policies: slugs, base: base, origin: origin)]
            if let number = policy.section { section["number"] = number }
            return section
        }
        var context: TemplateContext = ["sections": sections, "changes_url": base + PolicyPages.changesURL,
                                        "web_url": origin + base + "/policies/", "layout_class": "print"]
        if let version = edition.version, let effective = edition.effective {
            context["version"] = version
            context["effective"] = ContextHelpers.long(effective)
            context["effective_iso"] = effective.description
        }
        return PageSpec(url: PolicyPages.printURL, template: "policy-print", title: "Support policy: print edition",
                        description: "The whole support policy on one page, for printing or saving as PDF.", context: context,
                        breadcrumbs: [("Home", "/"), ("Support policy", "/policies/"), ("Print edition", PolicyPages.printURL)])
    }

    /// The id of a policy's section on the print page.
    static func anchor(_ policy: Policy) -> String { "policy-\(policy.info.slug)" }

    /// A policy's body for the one-page edition: its ids prefixed with its slug (two
    /// sections may both have a "Before you call"), headings one level down under the
    /// section's h2, links to other sections kept on the page, and site links absolute
    /// so the URLs printed after them work from paper. One pass over the links, so the
    /// whole edition costs time in proportion to its length, however many sections.
    static func rebase(_ html: String, slug: String, policies: Set<String>, base: String, origin: String) -> String {
        let prefix = "\(base)/policies/"
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var rest = Substring(html.replacingOccurrences(of: " id=\"", with: " id=\"\(slug)-"))
        while let start = rest.range(of: "href=\"") {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            let end = rest.firstIndex(of: "\"") ?? rest.endIndex
            let url = rest[..<end]
            rest = rest[end...]
            if url.hasPrefix("#") {
                out += "#\(slug)-" + url.dropFirst()
            } else if url.hasPrefix(prefix), let slash = url.dropFirst(prefix.count).firstIndex(of: "/"),
                      policies.contains(String(url[url.index(url.startIndex, offsetBy: prefix.count)..<slash])) {
                let target = url[url.index(url.startIndex, offsetBy: prefix.count)..<slash]
                let anchor = url[url.index(after: slash)...]
                out += anchor.hasPrefix("#") && anchor.count > 1 ? "#\(target)-" + anchor.dropFirst() : (anchor.isEmpty ? "#policy-\(target)" : origin + url)
            } else if url.hasPrefix("/") {
                out += origin + url
            } else {
                out += url
            }
        }
        out += rest
        for level in stride(from: 5, through: 2, by: -1) {
            out = out.replacingOccurrences(of: "<h\(level)", with: "<h\(level + 1)")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(level + 1)>")
        }
        return out
    }
}
