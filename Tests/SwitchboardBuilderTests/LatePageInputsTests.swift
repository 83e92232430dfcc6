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
    /// How many different digests `inputs` and each change of it give: one more than there are
    /// changes when every change moves the digest.
    private static func digests<Inputs>(_ inputs: Inputs, _ changes: [(inout Inputs) -> Void], _ digest: (Inputs) -> ContentDigest) -> Int {
        Set([digest(inputs)] + changes.map { change in
            var other = inputs
            change(&other)
            return digest(other)
        }).count
    }

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
        let changes: [(inout FAQPages.Inputs) -> Void] = [
            { $0.items[0].slug = "b" }, { $0.items[0].question = "Q2?" }, { $0.items[0].answer = "<p>B.</p>" },
            { $0.items[0].category = "Devices" }, { $0.items[0].related[0].title = "U" }, { $0.items[0].related[0].url = "/kb/u/" },
            { $0.items[0].related = [] }, { $0.items[0].products[0].name = "iPECS UCP" }, { $0.items[0].products[0].id = "ipecs-ucp" },
            { $0.items.append(item) },
        ]
        #expect(Self.digests(inputs, changes, \.digest) == changes.count + 1)
    }

    @Test func thePrintEditionsDigestCoversEveryInput() {
        let section = PolicyPrintPage.Inputs.Section(slug: "escalation", title: "Escalation", version: "2.1", effective: (text: "1 March 2024", iso: "2024-03-01"),
                                                     url: "/policies/escalation/", body: "<p>Call.</p>", number: "4")
        var inputs = PolicyPrintPage.Inputs(base: "", origin: "https://example.com", sections: [section])
        inputs.version = "2.1"
        inputs.effective = (text: "1 March 2024", iso: "2024-03-01")
        #expect(Mirror(reflecting: inputs).children.map { $0.label ?? "" } == ["base", "origin", "sections", "version", "effective"])
        #expect(Mirror(reflecting: section).children.map { $0.label ?? "" } == ["slug", "title", "version", "effective", "url", "body", "number"])
        let changes: [(inout PolicyPrintPage.Inputs) -> Void] = [
            { $0.base = "/docs" }, { $0.origin = "https://example.org" }, { $0.sections[0].slug = "other" },
            { $0.sections[0].title = "Other" }, { $0.sections[0].version = "2.2" }, { $0.sections[0].effective.text = "March 2024" },
            { $0.sections[0].effective.iso = "2024-03" }, { $0.sections[0].url = "/policies/other/" }, { $0.sections[0].body = "<p>Write.</p>" },
            { $0.sections[0].number = nil }, { $0.version = nil }, { $0.effective?.text = "March 2024" }, { $0.effective?.iso = "2024-03" },
            { $0.sections.append(section) },
        ]
        #expect(Self.digests(inputs, changes, \.digest) == changes.count + 1)
    }

    @Test func theCategoryPagesDigestCoversEveryInput() {
        let listed = CategoryPage.Inputs.Listed(title: "DOA", summary: "Report it.", url: "/kb/returns/doa/", updated: "1 March 2024")
        let inputs = CategoryPage.Inputs(url: "/kb/returns/", title: "Returns", summary: "Faults and returns.", articles: [listed])
        #expect(Mirror(reflecting: inputs).children.map { $0.label ?? "" } == ["url", "title", "summary", "articles"])
        #expect(Mirror(reflecting: listed).children.map { $0.label ?? "" } == ["title", "summary", "url", "updated"])
        let changes: [(inout CategoryPage.Inputs) -> Void] = [
            { $0.url = "/kb/other/" }, { $0.title = "Other" }, { $0.summary = "Other things." }, { $0.articles[0].title = "RMA" },
            { $0.articles[0].summary = "Return it." }, { $0.articles[0].url = "/kb/returns/rma/" }, { $0.articles[0].updated = nil },
            { $0.articles[0].updated = "2 March 2024" }, { $0.articles.append(listed) },
        ]
        #expect(Self.digests(inputs, changes, \.digest) == changes.count + 1)
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
        let changes: [(inout PolicyPage.Inputs) -> Void] = [
            { $0.url = "/policies/other/" }, { $0.title = "5. Escalation" }, { $0.policyTitle = "Escalations" }, { $0.summary = "Whom to call." },
            { $0.version = "2.2" }, { $0.effective.text = "March 2024" }, { $0.effective.iso = "2024-03" }, { $0.body = "<p>Write.</p>" },
            { $0.toc[0].title = "Steps" }, { $0.toc[0].id = "steps" }, { $0.toc[0].sub = true }, { $0.section = nil }, { $0.owner = nil },
            { $0.reviewBy = "2 May 2027" }, { $0.products[0].id = "ipecs-ucp" }, { $0.products[0].name = "iPECS UCP" },
            { $0.changes[0].version = "2.0" }, { $0.changes[0].date = "2 March 2024" }, { $0.changes[0].dateISO = "2024-03-02" },
            { $0.changes[0].summary = "Hours." }, { $0.previous = nil }, { $0.previous?.title = "Days" }, { $0.next?.url = "/policies/days/" },
            { $0.upcoming = nil }, { $0.upcoming?.title = "Escalations" }, { $0.upcoming?.url = "/policies/escalation-2028/" },
            { $0.upcoming?.version = "3.1" }, { $0.upcoming?.effective.text = "January 2027" }, { $0.upcoming?.effective.iso = "2027-01" },
            { $0.upcoming?.replaces = nil }, { $0.upcoming?.replaces?.title = "Days" }, { $0.editURL = nil }, { $0.basePath = "/docs" },
            { $0.toc.append((title: "More", id: "more", sub: true)) },
        ]
        #expect(Self.digests(inputs, changes, \.digest) == changes.count + 1)
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
