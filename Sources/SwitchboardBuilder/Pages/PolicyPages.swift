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
        let upcoming = edition.upcoming.map { upcomingItem($0, edition: edition, base: base).context }
        if !upcoming.isEmpty { index["upcoming"] = upcoming }
        set.pages.append(PageSpec(url: SiteURL.policies, template: "policy-index", title: "Support policy",
                                  description: "The support policy, section by section.", context: index,
                                  breadcrumbs: [("Home", SiteURL.home), ("Support policy", SiteURL.policies)],
                                  headLinks: [PolicyChangePages.feedLink]))
        for (position, policy) in edition.published.enumerated() {
            guard let url = policy.info.url else { continue }
            let isCurrent = position < edition.current.count
            let title = policy.section.map { "\($0). \(policy.title)" } ?? policy.title
            var inputs = PolicyPage.Inputs(
                url: url, title: title, policyTitle: policy.title, summary: policy.summary, version: policy.version,
                effective: ContextHelpers.effective(policy), body: policy.body.html,
                toc: ContextHelpers.tocEntries(policy.body.rendered),
                section: policy.section, owner: policy.owner, reviewBy: policy.reviewBy.map(ContextHelpers.long),
                products: Array(zip(policy.products, ContextHelpers.productNames(policy.products, in: site))),
                changes: policy.changes.map { ($0.version, ContextHelpers.long($0.date), $0.date.description, $0.summary) },
                editURL: site.config.repositoryURL.map { $0.trimmingSlash + "/content/" + policy.info.path }, basePath: base)
            if isCurrent {
                if position > 0 { inputs.previous = link(edition.current[position - 1], base: base) }
                if position + 1 < edition.current.count { inputs.next = link(edition.current[position + 1], base: base) }
            } else {
                inputs.upcoming = upcomingItem(policy, edition: edition, base: base)
            }
            set.pages.append(PolicyPage.page(inputs))
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

    static func link(_ policy: Policy, base: String) -> PolicyPage.Link {
        PolicyPage.Link(title: policy.title, url: base + (policy.info.url ?? ""))
    }

    /// A policy that takes effect later: when, and the text that applies until then.
    static func upcomingItem(_ policy: Policy, edition: PolicyEdition, base: String) -> PolicyPage.Upcoming {
        PolicyPage.Upcoming(title: policy.title, url: base + (policy.info.url ?? ""), version: policy.version,
                            effective: ContextHelpers.effective(policy), replaces: edition.replaced(by: policy).map { link($0, base: base) })
    }
}

extension String {
    var trimmingSlash: String {
        var value = self
        while value.hasSuffix("/") { value.removeLast() }
        return value
    }
}
