import SwitchboardModel

/// `/policies/changes/`: every recorded change across the policy, newest first,
/// with the upcoming ones marked; and its Atom feed for resellers to subscribe to.
enum PolicyChangePages {
    static let atomPath = "/policies/changes.atom"
    static let feedLink = (rel: "alternate", type: "application/atom+xml", title: "Support policy changes", url: atomPath)

    /// One version of one policy.
    struct Change {
        var policy: Policy
        var version: String
        var date: Day
        var summary: String
        var upcoming: Bool
    }

    /// Every change of every published policy, newest first; an upcoming policy
    /// that records no change for its own version gets one from its front matter.
    /// A policy that replaces another carries on its history: a version both list
    /// is shown once, with the policy in force.
    static func changes(_ edition: PolicyEdition, today: Day) -> [Change] {
        var out: [Change] = []
        var seen = Set<String>()
        for policy in edition.published {
            let lineage = policy.replaces ?? policy.info.slug
            for change in policy.changes where seen.insert("\(lineage)\u{0}\(change.version)").inserted {
                out.append(Change(policy: policy, version: change.version, date: change.date, summary: change.summary, upcoming: change.date > today))
            }
            if policy.effective > today, !policy.changes.contains(where: { $0.version == policy.version }) {
                out.append(Change(policy: policy, version: policy.version, date: policy.effective, summary: policy.summary, upcoming: true))
            }
        }
        return out.sorted { ($0.date, -$0.policy.order, $0.policy.info.slug) > ($1.date, -$1.policy.order, $1.policy.info.slug) }
    }

    static func build(_ site: Site, edition: PolicyEdition) -> PageSet {
        var set = PageSet()
        let base = site.basePath
        let all = changes(edition, today: site.now.day)
        let items = all.map { change -> TemplateContext in
            var item: TemplateContext = ["title": change.policy.title, "url": base + (change.policy.info.url ?? ""), "version": change.version,
                                         "date": ContextHelpers.long(change.date), "date_iso": change.date.description, "summary": change.summary,
                                         "upcoming": change.upcoming]
            if let section = change.policy.section { item["section"] = section }
            return item
        }
        var context: TemplateContext = ["feed_url": base + atomPath, "print_url": base + PolicyPages.printURL]
        if !items.isEmpty { context["changes"] = items }
        if let version = edition.version, let latest = edition.latestInForce {
            let effective = ContextHelpers.effective(latest)
            context["current"] = ["version": version, "effective": effective.text, "effective_iso": effective.iso] as TemplateContext
        }
        set.pages.append(PageSpec(url: PolicyPages.changesURL, template: "policy-changes", title: "Policy changes",
                                  description: "Every recorded change to the support policy, newest first, and changes that take effect soon.",
                                  context: context,
                                  breadcrumbs: [("Home", "/"), ("Support policy", "/policies/"), ("Changes", PolicyPages.changesURL)],
                                  headLinks: [feedLink]))
        set.files.append(atom(all, edition: edition, site: site))
        return set
    }

    static func atom(_ changes: [Change], edition: PolicyEdition, site: Site) -> OutputFile {
        let origin = site.config.origin + site.basePath
        let e = XMLText.escape
        let newest = changes.first?.date ?? edition.effective
        let updated = newest.map { "\($0)T00:00:00Z" } ?? site.now.description
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(e(site.config.language))\">\n"
        xml += "  <title>\(e(site.config.title)): support policy changes</title>\n"
        xml += "  <id>\(e(origin + PolicyPages.changesURL))</id>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(e(origin + PolicyPages.changesURL))\"/>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(e(origin + atomPath))\"/>\n"
        xml += "  <updated>\(updated)</updated>\n  <author><name>\(e(site.config.organisation))</name></author>\n"
        for change in changes {
            let url = origin + (change.policy.info.url ?? "")
            let name = change.policy.section.map { "\($0). \(change.policy.title)" } ?? change.policy.title
            let title = change.upcoming
                ? "Upcoming: \(name), version \(change.version), takes effect \(ContextHelpers.long(change.date))"
                : "\(name), version \(change.version)"
            xml += "  <entry>\n    <title>\(e(title))</title>\n"
            xml += "    <id>\(e(url))#version-\(e(change.version))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(e(url))\"/>\n"
            xml += "    <updated>\(change.date)T00:00:00Z</updated>\n"
            xml += "    <summary>\(e(change.summary))</summary>\n  </entry>\n"
        }
        return OutputFile(path: String(atomPath.dropFirst()), text: xml + "</feed>\n")
    }
}
