import SwitchboardModel

/// `/faq/`: questions grouped by category, each with its own anchor, and FAQPage JSON-LD.
enum FAQPages {
    static func build(_ site: Site, entries: EntryIndex) -> PageSet {
        var set = PageSet()
        guard !site.faqs.isEmpty else { return set }
        var groups: [(name: String, items: [TemplateContext])] = []
        for faq in site.faqs {
            var item: TemplateContext = ["id": faq.info.slug, "question": faq.question, "answer": faq.answer.html]
            let related = faq.related.compactMap(entries.link)
            if !related.isEmpty { item["related"] = related }
            if !faq.products.isEmpty { item["products"] = ContextHelpers.products(faq.products, in: site) }
            if groups.last?.name == faq.category {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append((faq.category, [item]))
            }
            set.documents.append(SearchDocument(url: SiteURL.faqEntry(faq.info.slug), title: faq.question, type: "FAQ", products: faq.products,
                                                summary: String(faq.answer.rendered.plainText.prefix(200)),
                                                sections: [(faq.info.slug, nil, faq.answer.rendered.plainText)]))
        }
        var jsonLD = "{\"@context\":\"https://schema.org\",\"@type\":\"FAQPage\",\"mainEntity\":["
        jsonLD += site.faqs.map { faq in
            "{\"@type\":\"Question\",\"name\":\(JSONText.quote(faq.question)),\"acceptedAnswer\":{\"@type\":\"Answer\",\"text\":\(JSONText.quote(faq.answer.html))}}"
        }.joined(separator: ",")
        jsonLD += "]}"
        let context: TemplateContext = [
            "groups": groups.map { group -> TemplateContext in
                ["name": group.name, "id": "group-" + Formats.slugify(group.name), "items": group.items]
            },
            "json_ld": jsonLD,
        ]
        set.pages.append(PageSpec(url: SiteURL.faq, template: "faq", title: "Frequently asked questions",
                                  description: "Answers to the questions resellers ask the support desk most.",
                                  context: context, breadcrumbs: [("Home", SiteURL.home), ("FAQ", SiteURL.faq)]))
        return set
    }
}
