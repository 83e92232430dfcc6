import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The FAQ page, the policy's print edition, the knowledge base's category pages and the policy's
/// section pages are planned without their contexts, and their digests are the hashes of typed
/// inputs (`FAQPages.Inputs`, `PolicyPrintPage.Inputs`, `CategoryPage.Inputs`, `PolicyPage.Inputs`),
/// so a build whose inputs to them are unchanged neither makes nor hashes their contexts. What
/// they read must then move those digests.
@Suite struct LatePageInputsTests {
    @Test func theFAQPageAndThePrintEditionArePlannedWithoutTheirContexts() throws {
        let folder = CompiledTemplateTests.repository.appendingPathComponent("content").path
        let loaded = SiteLoader(contentDirectory: folder, options: LoadOptions(now: Instant("2026-11-26T12:00:00Z")!)).load()
        let site = try #require(loaded.site, "\(loaded.diagnostics)")
        let (theme, _) = TemplateSet.load(directory: CompiledTemplateTests.repository.appendingPathComponent("templates").path)
        let pages = SiteBuilder(site: site, templates: try #require(theme)).plan().pages
        let categories = pages.filter { $0.template == "kb-category" }.map(\.url)
        #expect(categories.count == site.categories.count)
        let policies = pages.filter { $0.template == "policy" }.map(\.url)
        #expect(policies.count >= site.policies.count - 1)
        for url in [SiteURL.faq, PolicyPages.printURL] + categories + policies {
            let page = try #require(pages.first { $0.url == url })
            #expect(page.context.isEmpty && page.lateContext != nil && page.specDigest != nil, "\(url)")
            #expect(!page.finished().context.isEmpty, "\(url)")
        }
    }

    /// These lists fail when the inputs gain a field: add it to the digest, then here.
    @Test func theFAQPagesDigestCoversEveryInput() {
        let item = FAQPages.Inputs.Item(slug: "a", question: "Q?", answer: "<p>A.</p>", category: "Tickets",
                                        related: [EntryIndex.Linked(title: "T", url: "/kb/t/", type: "Article")],
                                        products: [(id: "ipecs-cloud", name: "iPECS Cloud")])
        let inputs = FAQPages.Inputs(items: [item])
        #expect(Mirror(reflecting: inputs).children.map { $0.label ?? "" } == ["items"])
        #expect(Mirror(reflecting: item).children.map { $0.label ?? "" } == ["slug", "question", "answer", "category", "related", "products"])
        var changed: [FAQPages.Inputs] = []
        for change in 0..<9 {
            var other = item
            switch change {
            case 0: other.slug = "b"
            case 1: other.question = "Q2?"
            case 2: other.answer = "<p>B.</p>"
            case 3: other.category = "Devices"
            case 4: other.related[0].title = "U"
            case 5: other.related[0].url = "/kb/u/"
            case 6: other.related = []
            case 7: other.products[0].name = "iPECS UCP"
            default: other.products[0].id = "ipecs-ucp"
            }
            changed.append(FAQPages.Inputs(items: [other]))
        }
        changed.append(FAQPages.Inputs(items: [item, item]))
        #expect(Set(([inputs] + changed).map(\.digest)).count == 11)
    }

    @Test func thePrintEditionsDigestCoversEveryInput() {
        let section = PolicyPrintPage.Inputs.Section(slug: "escalation", title: "Escalation", version: "2.1", effective: (text: "1 March 2024", iso: "2024-03-01"),
                                                     url: "/policies/escalation/", body: "<p>Call.</p>", number: "4")
        var inputs = PolicyPrintPage.Inputs(base: "", origin: "https://example.com", sections: [section])
        inputs.version = "2.1"
        inputs.effective = (text: "1 March 2024", iso: "2024-03-01")
        #expect(Mirror(reflecting: inputs).children.map { $0.label ?? "" } == ["base", "origin", "sections", "version", "effective"])
        #expect(Mirror(reflecting: section).children.map { $0.label ?? "" } == ["slug", "title", "version", "effective", "url", "body", "number"])
        var changed: [PolicyPrintPage.Inputs] = []
        for change in 0..<14 {
            var other = inputs
            switch change {
            case 0: other.base = "/docs"
            case 1: other.origin = "https://example.org"
            case 2: other.sections[0].slug = "other"
            case 3: other.sections[0].title = "Other"
            case 4: other.sections[0].version = "2.2"
            case 5: other.sections[0].effective.text = "March 2024"
            case 6: other.sections[0].effective.iso = "2024-03"
            case 7: other.sections[0].url = "/policies/other/"
            case 8: other.sections[0].body = "<p>Write.</p>"
            case 9: other.sections[0].number = nil
            case 10: other.version = nil
            case 11: other.effective?.text = "March 2024"
            case 12: other.effective?.iso = "2024-03"
            default: other.sections.append(section)
            }
            changed.append(other)
        }
        #expect(Set(([inputs] + changed).map(\.digest)).count == 15)
    }

    @Test func theCategoryPagesDigestCoversEveryInput() {
        let listed = CategoryPage.Inputs.Listed(title: "DOA", summary: "Report it.", url: "/kb/returns/doa/", updated: "1 March 2024")
        let inputs = CategoryPage.Inputs(url: "/kb/returns/", title: "Returns", summary: "Faults and returns.", articles: [listed])
        #expect(Mirror(reflecting: inputs).children.map { $0.label ?? "" } == ["url", "title", "summary", "articles"])
        #expect(Mirror(reflecting: listed).children.map { $0.label ?? "" } == ["title", "summary", "url", "updated"])
        var changed: [CategoryPage.Inputs] = []
        for change in 0..<9 {
            var other = inputs
            switch change {
            case 0: other.url = "/kb/other/"
            case 1: other.title = "Other"
            case 2: other.summary = "Other things."
            case 3: other.articles[0].title = "RMA"
            case 4: other.articles[0].summary = "Return it."
            case 5: other.articles[0].url = "/kb/returns/rma/"
            case 6: other.articles[0].updated = nil
            case 7: other.articles[0].updated = "2 March 2024"
            default: other.articles.append(listed)
            }
            changed.append(other)
        }
        #expect(Set(([inputs] + changed).map(\.digest)).count == 10)
    }

    @Test func thePolicyPagesDigestCoversEveryInput() {
        let link = PolicyPage.Link(title: "Hours", url: "/policies/hours/")
        var inputs = PolicyPage.Inputs(url: "/policies/escalation/", title: "4. Escalation", policyTitle: "Escalation", summary: "Who to call.",
                                       version: "2.1", effective: (text: "1 March 2024", iso: "2024-03-01"), body: "<p>Call.</p>",
                                       toc: [(title: "Levels", id: "levels", sub: false)], section: "4", owner: "Support", reviewBy: "1 May 2027",
                                       products: [(id: "ipecs-cloud", name: "iPECS Cloud")],
                                       changes: [(version: "2.1", date: "1 March 2024", dateISO: "2024-03-01", summary: "Levels.")],
                                       previous: link, next: link, editURL: "https://example.com/edit", basePath: "")
        inputs.upcoming = PolicyPage.Upcoming(title: "Escalation", url: "/policies/escalation-2027/", version: "3.0",
                                              effective: (text: "1 January 2027", iso: "2027-01-01"), replaces: link)
        #expect(Mirror(reflecting: inputs).children.map { $0.label ?? "" }
                == ["url", "title", "policyTitle", "summary", "version", "effective", "body", "toc", "section", "owner", "reviewBy",
                    "products", "changes", "previous", "next", "upcoming", "editURL", "basePath"])
        #expect(Mirror(reflecting: link).children.map { $0.label ?? "" } == ["title", "url"])
        #expect(Mirror(reflecting: inputs.upcoming!).children.map { $0.label ?? "" } == ["title", "url", "version", "effective", "replaces"])
        var changed: [PolicyPage.Inputs] = []
        for change in 0..<34 {
            var other = inputs
            switch change {
            case 0: other.url = "/policies/other/"
            case 1: other.title = "5. Escalation"
            case 2: other.policyTitle = "Escalations"
            case 3: other.summary = "Whom to call."
            case 4: other.version = "2.2"
            case 5: other.effective.text = "March 2024"
            case 6: other.effective.iso = "2024-03"
            case 7: other.body = "<p>Write.</p>"
            case 8: other.toc[0].title = "Steps"
            case 9: other.toc[0].id = "steps"
            case 10: other.toc[0].sub = true
            case 11: other.section = nil
            case 12: other.owner = nil
            case 13: other.reviewBy = "2 May 2027"
            case 14: other.products[0].id = "ipecs-ucp"
            case 15: other.products[0].name = "iPECS UCP"
            case 16: other.changes[0].version = "2.0"
            case 17: other.changes[0].date = "2 March 2024"
            case 18: other.changes[0].dateISO = "2024-03-02"
            case 19: other.changes[0].summary = "Hours."
            case 20: other.previous = nil
            case 21: other.previous?.title = "Days"
            case 22: other.next?.url = "/policies/days/"
            case 23: other.upcoming = nil
            case 24: other.upcoming?.title = "Escalations"
            case 25: other.upcoming?.url = "/policies/escalation-2028/"
            case 26: other.upcoming?.version = "3.1"
            case 27: other.upcoming?.effective.text = "January 2027"
            case 28: other.upcoming?.effective.iso = "2027-01"
            case 29: other.upcoming?.replaces = nil
            case 30: other.upcoming?.replaces?.title = "Days"
            case 31: other.editURL = nil
            case 32: other.basePath = "/docs"
            default: other.toc.append((title: "More", id: "more", sub: true))
            }
            changed.append(other)
        }
        #expect(Set(([inputs] + changed).map(\.digest)).count == 35)
    }

    /// What the two pages read, edited in the bundled content: each edit renders the page again,
    /// and an article's body, which neither reads, renders neither.
    @Test func anEditOfWhatThePagesReadRendersThemAgain() throws {
        let workspace = try IncrementalWorkspace()
        defer { workspace.remove() }
        let session = workspace.session(sink: MemorySink())
        #expect(session.build().succeeded)
        func edit(_ path: String, _ change: (String) -> String) throws {
            let file = workspace.content.appendingPathComponent(path)
            try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: false, encoding: .utf8)
        }
        func written() -> [String] {
            let report = session.build()
            #expect(report.succeeded, "\(report.diagnostics)")
            return report.changes.written.filter { $0.hasSuffix(".html") }.sorted()
        }

        try edit("kb/devices/request-testing-of-a-new-device.md") { $0 + "\nAnother paragraph.\n" }
        #expect(written() == ["kb/devices/request-testing-of-a-new-device/index.html"])

        try edit("faq/how-do-i-escalate.md") { $0 + "\nAnother sentence of the answer.\n" }
        #expect(written().contains("faq/index.html"))

        // The title of an article an answer relates to.
        try edit("kb/devices/approved-device-list-and-licences.md") { $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Renamed ") }
        #expect(written().contains("faq/index.html"))

        try edit("policies/escalation.md") { $0 + "\nAnother paragraph of the policy.\n" }
        #expect(written().contains("policies/print/index.html"))
        #expect(session.build().renderedPages == 0)
    }
}
