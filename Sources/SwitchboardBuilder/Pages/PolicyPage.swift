import SwitchboardModel

/// A policy section's page (`/policies/<slug>/`), current or upcoming. Its digest is the hash of
/// typed inputs and its context is made only when the page is rendered: made and hashed as
/// contexts on every build, the bench's thousand policy pages were a sixtieth of a one-edit
/// rebuild's work at 10,000 files.
enum PolicyPage {
    /// A page another page links to, with the base path.
    struct Link: Sendable {
        var title: String
        var url: String

        var context: TemplateContext { ["title": title, "url": url] }
    }

    /// A policy that takes effect later, as its page and the index show it.
    struct Upcoming: Sendable {
        var title: String
        var url: String
        var version: String
        var effective: (text: String, iso: String)
        var replaces: Link?

        var context: TemplateContext {
            var item: TemplateContext = ["title": title, "url": url, "version": version,
                                         "effective": effective.text, "effective_iso": effective.iso]
            if let replaces { item["replaces"] = replaces.context }
            return item
        }
    }

    /// Everything the page is made from.
    struct Inputs: Sendable {
        /// Without the base path.
        var url: String
        /// The page's title (with the section's number) and the policy's own, for the breadcrumbs.
        var title: String
        var policyTitle: String
        var summary: String
        var version: String
        var effective: (text: String, iso: String)
        var body: String
        var toc: [(title: String, id: String, sub: Bool)]
        var section: String?
        var owner: String?
        var reviewBy: String?
        var products: [(id: String, name: String)]
        var changes: [(version: String, date: String, dateISO: String, summary: String)]
        var previous: Link?
        var next: Link?
        /// Set on the page of a policy that is not in force yet.
        var upcoming: Upcoming?
        var editURL: String?
        var basePath: String

        /// The hash of every input above (`LatePageInputsTests.thePolicyPagesDigestCoversEveryInput` fails when one is added without it).
        var digest: ContentDigest {
            var hasher = ContentHasher()
            hasher.add("policy page 1")
            for text in [url, title, policyTitle, summary, version, effective.text, effective.iso, body, basePath] { hasher.add(text) }
            for optional in [section, owner, reviewBy, editURL] { hasher.add(optional: optional) }
            hasher.add(toc.count)
            for entry in toc {
                hasher.add(entry.title)
                hasher.add(entry.id)
                hasher.add(entry.sub ? 1 : 0)
            }
            hasher.add(products: products)
            hasher.add(changes.count)
            for change in changes {
                for text in [change.version, change.date, change.dateISO, change.summary] { hasher.add(text) }
            }
            for link in [previous, next, upcoming?.replaces] { add(link, to: &hasher) }
            hasher.add(upcoming == nil ? 0 : 1)
            if let upcoming {
                for text in [upcoming.title, upcoming.url, upcoming.version, upcoming.effective.text, upcoming.effective.iso] { hasher.add(text) }
            }
            return hasher.finish()
        }

        private func add(_ link: Link?, to hasher: inout ContentHasher) {
            hasher.add(optional: link?.title)
            hasher.add(optional: link?.url)
        }
    }

    static func page(_ inputs: Inputs) -> PageSpec {
        .late(url: inputs.url, template: "policy", title: inputs.title, description: inputs.summary,
              breadcrumbs: [("Home", SiteURL.home), ("Support policy", SiteURL.policies), (inputs.policyTitle, inputs.url)],
              digest: inputs.digest) { context(inputs) }
    }

    /// The page's context: a function of its inputs alone.
    static func context(_ inputs: Inputs) -> TemplateContext {
        let base = inputs.basePath
        var context: TemplateContext = [
            "version": inputs.version,
            "effective": inputs.effective.text,
            "effective_iso": inputs.effective.iso,
            "body": inputs.body,
            "summary": inputs.summary,
            "changes_url": base + PolicyPages.changesURL,
            "print_url": base + PolicyPages.printURL,
        ]
        if let section = inputs.section { context["section"] = section }
        if let owner = inputs.owner { context["owner"] = owner }
        if let reviewBy = inputs.reviewBy { context["review_by"] = reviewBy }
        if inputs.toc.count > 1 { context["toc"] = ContextHelpers.toc(inputs.toc) }
        if !inputs.products.isEmpty {
            context["products"] = ContextHelpers.products(inputs.products.map(\.id), names: inputs.products.map(\.name))
        }
        if !inputs.changes.isEmpty {
            context["changes"] = inputs.changes.map {
                ["version": $0.version, "date": $0.date, "date_iso": $0.dateISO, "summary": $0.summary] as TemplateContext
            }
        }
        if let previous = inputs.previous { context["previous"] = previous.context }
        if let next = inputs.next { context["next"] = next.context }
        if let upcoming = inputs.upcoming { context["upcoming"] = upcoming.context }
        if let edit = inputs.editURL { context["edit_url"] = edit }
        return context
    }
}
