import SwitchboardModel

/// `/faq/`: questions grouped by category, each with its own anchor, and FAQPage JSON-LD.
enum FAQPages {
    /// Everything the page is made from. The page quotes every answer twice (the text and the
    /// JSON-LD), so its context is made only when the page is rendered, and its digest is the
    /// hash of these inputs: made and hashed whole on every build, the context was a fortieth of
    /// a one-edit rebuild's work at 10,000 files.
    struct Inputs: Sendable {
        struct Item: Sendable {
            var slug: String
            var question: String
            var answer: String
            var category: String
            var related: [EntryIndex.Linked]
            var products: [(id: String, name: String)]
        }

        var items: [Item]

        /// The hash of every input above (`LatePageInputsTests.theFAQPagesDigestCoversEveryInput` fails when one is added without it).
        var digest: ContentDigest {
            var hasher = ContentHasher()
            hasher.add("faq page 1")
            hasher.add(items.count)
            for item in items {
                for text in [item.slug, item.question, item.answer, item.category] { hasher.add(text) }
                hasher.add(linked: item.related)
                hasher.add(products: item.products)
            }
            return hasher.finish()
        }
    }

    static func build(_ site: Site, entries: EntryIndex) -> PageSet {
        var set = PageSet()
        guard !site.faqs.isEmpty else { return set }
        var items: [Inputs.Item] = []
        items.reserveCapacity(site.faqs.count)
        for faq in site.faqs {
            let names = ContextHelpers.productNames(faq.products, in: site)
            items.append(Inputs.Item(slug: faq.info.slug, question: faq.question, answer: faq.answer.html, category: faq.category,
                                     related: faq.related.compactMap(entries.entry), products: Array(zip(faq.products, names))))
            set.documents.append(SearchDocument(url: SiteURL.faqEntry(faq.info.slug), title: faq.question, type: "FAQ", products: faq.products,
                                                summary: String(faq.answer.rendered.plainText.prefix(200)),
                                                sections: [(faq.info.slug, nil, faq.answer.rendered.plainText)]))
        }
        let inputs = Inputs(items: items)
        set.pages.append(.late(url: SiteURL.faq, template: "faq", title: "Frequently asked questions",
                               description: "Answers to the questions resellers ask the support desk most.",
                               breadcrumbs: [("Home", SiteURL.home), ("FAQ", SiteURL.faq)], digest: inputs.digest) { context(inputs) })
        return set
    }

    /// The page's context: a function of its inputs alone.
    static func context(_ inputs: Inputs) -> TemplateContext {
        var groups: [(name: String, items: [TemplateContext])] = []
        for faq in inputs.items {
            var item: TemplateContext = ["id": faq.slug, "question": faq.question, "answer": faq.answer]
            if !faq.related.isEmpty { item["related"] = faq.related.map(\.context) }
            if !faq.products.isEmpty { item["products"] = ContextHelpers.products(faq.products.map(\.id), names: faq.products.map(\.name)) }
            if groups.last?.name == faq.category {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append((faq.category, [item]))
            }
        }
        var jsonLD = "{\"@context\":\"https://schema.org\",\"@type\":\"FAQPage\",\"mainEntity\":["
        jsonLD += inputs.items.map { faq in
            "{\"@type\":\"Question\",\"name\":\(JSONText.quote(faq.question)),\"acceptedAnswer\":{\"@type\":\"Answer\",\"text\":\(JSONText.quote(faq.answer))}}"
        }.joined(separator: ",")
        jsonLD += "]}"
        return [
            "groups": groups.map { group -> TemplateContext in
                ["name": group.name, "id": "group-" + Formats.slugify(group.name), "items": group.items]
            },
            "json_ld": jsonLD,
        ]
    }
}
