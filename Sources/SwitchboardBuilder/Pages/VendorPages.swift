import SwitchboardModel

/// `/vendors/` and a page per vendor support process.
enum VendorPages {
    static func build(_ site: Site) -> PageSet {
        var set = PageSet()
        guard !site.vendors.isEmpty else { return set }
        let base = site.basePath
        set.pages.append(PageSpec(url: SiteURL.vendors, template: "vendor-index", title: "Vendor support processes",
                                  description: "How support works for third-party products.",
                                  context: ["vendors": site.vendors.sorted { $0.title < $1.title }.map {
                                      ["title": $0.title, "vendor": $0.vendor, "summary": $0.summary, "url": base + ($0.info.url ?? "")] as TemplateContext
                                  }],
                                  breadcrumbs: [("Home", SiteURL.home), ("Vendors", SiteURL.vendors)]))
        for vendor in site.vendors {
            guard let url = vendor.info.url else { continue }
            var context: TemplateContext = ["summary": vendor.summary, "body": vendor.body.html, "vendor": vendor.vendor]
            var contact: TemplateContext = [:]
            if let email = vendor.email { contact["email"] = email; contact["mailto"] = "mailto:" + email }
            if let phone = vendor.phone { contact["phone"] = phone; contact["tel"] = "tel:" + Formats.dialable(phone) }
            if let link = vendor.url { contact["url"] = link }
            if !contact.isEmpty { context["contact"] = contact }
            if let slug = vendor.escalation, let matrix = site.escalations.first(where: { $0.info.slug == slug }) {
                var escalation = EscalationPages.context(matrix, site: site)
                escalation["title"] = matrix.title
                escalation["url"] = base + (matrix.info.url ?? "")
                context["escalation"] = escalation
            }
            if !vendor.products.isEmpty { context["products"] = ContextHelpers.products(vendor.products, in: site) }
            set.pages.append(PageSpec(url: url, template: "vendor", title: vendor.title, description: vendor.summary, context: context,
                                      breadcrumbs: [("Home", SiteURL.home), ("Vendors", SiteURL.vendors), (vendor.title, url)]))
            set.documents.append(SearchDocument(url: url, title: vendor.title, type: "Vendor", products: vendor.products,
                                                summary: vendor.summary, sections: ContextHelpers.sections(vendor.body.rendered.sections)))
        }
        return set
    }
}
