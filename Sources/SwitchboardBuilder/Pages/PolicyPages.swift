import SwitchboardModel

/// `/policies/` and a page per policy section; the change history and the print
/// edition are `PolicyChangePages` and `PolicyPrintPage`.
enum PolicyPages {
    static let changesURL = "/policies/changes/"
    static let printURL = "/policies/print/"

    static func build(_ site: Site) -> PageSet {
        var set = PageSet()
        let base = site.basePath
        let edition = PolicyEdition(site)
        let items = edition.current.map { policy -> TemplateContext in
            var item: TemplateContext = ["title": policy.title, "summary": policy.summary, "url": base + (policy.info.url ?? "")]
            if let section = policy.section { item["section"] = section }
            return item
        }
        var index: TemplateContext = ["policies": items, "changes_url": base + changesURL, "print_url": base + printURL]
        let upcoming = edition.upcoming.map { upcomingItem($0, edition: edition, base: base) }
        if !upcoming.isEmpty { index["upcoming"] = upcoming }
        set.pages.append(PageSpec(url: SiteURL.policies, template: "policy-index", title: "Support policy",
                                  description: "The support policy, section by section.", context: index,
                                  breadcrumbs: [("Home", SiteURL.home), ("Support policy", SiteURL.policies)],
                                  headLinks: [PolicyChangePages.feedLink]))
        for (position, policy) in edition.published.enumerated() {
            guard let url = policy.info.url else { continue }
            let isCurrent = position < edition.current.count
            let effective = ContextHelpers.effective(policy)
            var context: TemplateContext = [
                "version": policy.version,
                "effective": effective.text,
                "effective_iso": effective.iso,
                "body": policy.body.html,
                "summary": policy.summary,
                "changes_url": base + changesURL,
                "print_url": base + printURL,
            ]
            if let section = policy.section { context["section"] = section }
            if let owner = policy.owner { context["owner"] = owner }
            if let reviewBy = policy.reviewBy { context["review_by"] = ContextHelpers.long(reviewBy) }
            let toc = ContextHelpers.toc(policy.body.rendered)
            if toc.count > 1 { context["toc"] = toc }
            if !policy.products.isEmpty { context["products"] = ContextHelpers.products(policy.products, in: site) }
            if !policy.changes.isEmpty { context["changes"] = changeItems(policy) }
            if isCurrent {
                if position > 0 { context["previous"] = link(edition.current[position - 1], base: base) }
                if position + 1 < edition.current.count { context["next"] = link(edition.current[position + 1], base: base) }
            } else {
                context["upcoming"] = upcomingItem(policy, edition: edition, base: base)
            }
            if let repository = site.config.repositoryURL {
                context["edit_url"] = repository.trimmingSlash + "/content/" + policy.info.path
            }
            let title = policy.section.map { "\($0). \(policy.title)" } ?? policy.title
            set.pages.append(PageSpec(url: url, template: "policy", title: title, description: policy.summary, context: context,
                                      breadcrumbs: [("Home", SiteURL.home), ("Support policy", SiteURL.policies), (policy.title, url)]))
            // Upcoming text is not searchable: a search mid-outage should find only what applies today.
            if isCurrent {
                set.documents.append(SearchDocument(url: url, title: title, type: "Policy", products: policy.products,
                                                    summary: policy.summary, sections: ContextHelpers.sections(policy.body.rendered.sections)))
            }
        }
        set.append(PolicyChangePages.build(site, edition: edition))
        set.pages.append(PolicyPrintPage.page(site, edition: edition))
        return set
    }

    static func link(_ policy: Policy, base: String) -> TemplateContext {
        ["title": policy.title, "url": base + (policy.info.url ?? "")]
    }

    /// A policy that takes effect later: when, and the text that applies until then.
    static func upcomingItem(_ policy: Policy, edition: PolicyEdition, base: String) -> TemplateContext {
        let effective = ContextHelpers.effective(policy)
        var item: TemplateContext = ["title": policy.title, "url": base + (policy.info.url ?? ""), "version": policy.version,
                                     "effective": effective.text, "effective_iso": effective.iso]
        if let replaced = edition.replaced(by: policy) { item["replaces"] = link(replaced, base: base) }
        return item
    }

    static func changeItems(_ policy: Policy) -> [TemplateContext] {
        policy.changes.map {
            ["version": $0.version, "date": ContextHelpers.long($0.date), "date_iso": $0.date.description, "summary": $0.summary] as TemplateContext
        }
    }
}

extension String {
    var trimmingSlash: String {
        var value = self
        while value.hasSuffix("/") { value.removeLast() }
        return value
    }
}
