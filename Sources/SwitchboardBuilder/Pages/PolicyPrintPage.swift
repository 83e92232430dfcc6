import SwitchboardModel

/// `/policies/print/`: the whole policy in force on one page, in section order,
/// for printing or saving as PDF (page breaks and printed URLs are in print.css).
enum PolicyPrintPage {
    static func page(_ site: Site, edition: PolicyEdition) -> PageSpec {
        let base = site.basePath
        let origin = site.config.origin
        let slugs = edition.current.map(\.info.slug)
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
    /// so the URLs printed after them work from paper.
    static func rebase(_ html: String, slug: String, policies: [String], base: String, origin: String) -> String {
        var out = html.replacingOccurrences(of: " id=\"", with: " id=\"\(slug)-")
            .replacingOccurrences(of: "href=\"#", with: "href=\"#\(slug)-")
        for other in policies {
            out = out.replacingOccurrences(of: "href=\"\(base)/policies/\(other)/#", with: "href=\"#\(other)-")
                .replacingOccurrences(of: "href=\"\(base)/policies/\(other)/\"", with: "href=\"#policy-\(other)\"")
        }
        out = out.replacingOccurrences(of: "href=\"/", with: "href=\"\(origin)/")
        for level in stride(from: 5, through: 2, by: -1) {
            out = out.replacingOccurrences(of: "<h\(level)", with: "<h\(level + 1)")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(level + 1)>")
        }
        return out
    }
}
