import SwitchboardModel

/// `/policies/` and a page per policy section.
enum PolicyPages {
    static func build(_ site: Site) -> PageSet {
        var set = PageSet()
        let base = site.basePath
        let items = site.policies.map { policy -> TemplateContext in
            var item: TemplateContext = ["title": policy.title, "summary": policy.summary, "url": base + (policy.info.url ?? "")]
            if let section = policy.section { item["section"] = section }
            return item
        }
        set.pages.append(PageSpec(url: SiteURL.policies, template: "policy-index", title: "Support policy",
                                  description: "The support policy, section by section.", context: ["policies": items],
                                  breadcrumbs: [("Home", SiteURL.home), ("Support policy", SiteURL.policies)]))
        for (index, policy) in site.policies.enumerated() {
            guard let url = policy.info.url else { continue }
            var context: TemplateContext = [
                "version": policy.version,
                "effective": ContextHelpers.long(policy.effective),
                "effective_iso": policy.effective.description,
                "body": policy.body.html,
                "summary": policy.summary,
            ]
            if let section = policy.section { context["section"] = section }
            if let owner = policy.owner { context["owner"] = owner }
            if let reviewBy = policy.reviewBy { context["review_by"] = ContextHelpers.long(reviewBy) }
            let toc = ContextHelpers.toc(policy.body.rendered)
            if toc.count > 1 { context["toc"] = toc }
            if !policy.products.isEmpty { context["products"] = ContextHelpers.products(policy.products, in: site) }
            if index > 0 {
                let previous = site.policies[index - 1]
                context["previous"] = ["title": previous.title, "url": base + (previous.info.url ?? "")] as TemplateContext
            }
            if index + 1 < site.policies.count {
                let next = site.policies[index + 1]
                context["next"] = ["title": next.title, "url": base + (next.info.url ?? "")] as TemplateContext
            }
            if let repository = site.config.repositoryURL {
                context["edit_url"] = repository.trimmingSlash + "/content/" + policy.info.path
            }
            let title = policy.section.map { "\($0). \(policy.title)" } ?? policy.title
            set.pages.append(PageSpec(url: url, template: "policy", title: title, description: policy.summary, context: context,
                                      breadcrumbs: [("Home", SiteURL.home), ("Support policy", SiteURL.policies), (policy.title, url)]))
            set.documents.append(SearchDocument(url: url, title: title, type: "Policy", products: policy.products,
                                                summary: policy.summary, sections: ContextHelpers.sections(policy.body.rendered)))
        }
        return set
    }
}

extension String {
    var trimmingSlash: String {
        var value = self
        while value.hasSuffix("/") { value.removeLast() }
        return value
    }
}
