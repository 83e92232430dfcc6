import SwitchboardModel

/// The home page and the 404 page.
enum HomePage {
    static func build(_ site: Site) -> PageSet {
        let base = site.basePath
        var context: TemplateContext = [:]
        if let description = site.config.description { context["intro"] = description }
        context["products"] = site.products.map { product -> TemplateContext in
            var item: TemplateContext = ["id": product.id, "name": product.name]
            if let summary = product.summary { item["summary"] = summary }
            return item
        }
        // Counted in one pass over the articles, read in place: a filter per category went over
        // every article once per category and copied each one it kept.
        var counts: [String: Int] = [:]
        var promotedIndices: [Int] = []
        for index in site.articles.indices where !site.articles[index].draft {
            counts[site.articles[index].category, default: 0] += 1
            if site.articles[index].promoted { promotedIndices.append(index) }
        }
        let categories = site.categories.map { category -> TemplateContext in
            let count = counts[category.info.slug] ?? 0
            return ["title": category.title, "summary": category.summary, "url": base + (category.info.url ?? ""),
                    "count": "\(count) article\(count == 1 ? "" : "s")"]
        }
        if !categories.isEmpty { context["categories"] = categories }
        let promoted = promotedIndices.map { index -> TemplateContext in
            let article = site.articles[index]
            return ["title": article.title, "summary": article.summary, "url": base + (article.info.url ?? "")]
        }
        if !promoted.isEmpty { context["promoted"] = promoted }
        context["policies"] = site.policies.map { policy -> TemplateContext in
            var item: TemplateContext = ["title": policy.title, "url": base + (policy.info.url ?? "")]
            if let section = policy.section { item["section"] = section }
            return item
        }
        if let hours = site.hours { context["hours"] = SupportPages.hoursContext(hours, site: site) }
        var quick: [TemplateContext] = []
        if !site.escalations.isEmpty { quick.append(["title": "Escalation paths", "text": "Whom to contact, in order, and when.", "url": base + SiteURL.escalation]) }
        if !site.devices.isEmpty { quick.append(["title": "Approved SIP devices", "text": "Approval is per device and firmware; the official list and the devices described here.", "url": base + SiteURL.devices]) }
        if !site.components.isEmpty { quick.append(["title": "Service status", "text": "Current incidents and maintenance.", "url": base + SiteURL.status]) }
        if let emergency = site.config.support.emergencyURL {
            quick.append(["title": "Out-of-hours emergency", "text": "24×7 request for suspected iPECS Cloud platform issues.", "url": emergency])
        } else if site.config.support.emergencyPlaceholder != nil, site.hours != nil {
            // The address is still to be confirmed: link to where the support page says what is known.
            quick.append(["title": "Out-of-hours emergency", "text": "24×7 support for suspected iPECS Cloud platform issues: how to request it.",
                          "url": base + "/support/#out-of-hours"])
        }
        if !site.checklists.isEmpty { quick.append(["title": "Before you raise a ticket", "text": "Checklists of what to have ready.", "url": base + SiteURL.checklists]) }
        if !quick.isEmpty { context["quick_links"] = quick }

        var set = PageSet()
        set.pages.append(PageSpec(url: "/", template: "home", title: site.config.title, description: site.config.description,
                                  context: context))
        set.pages.append(PageSpec(url: SiteURL.notFound, template: "404", title: "Page not found",
                                  description: "The page you asked for is not here.", inSitemap: false))
        return set
    }
}
