import Foundation
import Mustache
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

@Suite("Status pages")
struct StatusPageTests {
    static let templates = StatusFixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    /// Renders a page's main content with its template, as the site's renderer will.
    func render(_ page: PageSpec) throws -> String {
        let source = try String(contentsOf: Self.templates.appendingPathComponent("\(page.template).mustache"), encoding: .utf8)
        return try MustacheTemplate(string: source).render(page.context)
    }


    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("the pages of the incidents fixture: status, each incident, each month from October to November")
    func urls() throws {
        let pages = StatusOutputs.pages(for: try StatusFixtures.site("incidents"))
        #expect(pages.map(\.url) == [
            "/status/",
            "/status/incidents/2026-11-26-voice-minor/", "/status/incidents/2026-11-25-portal-major/",
            "/status/incidents/2026-11-20-teams-resolved/", "/status/incidents/2026-10-31-month-boundary/",
            "/status/history/2026-10/", "/status/history/2026-11/",
        ])
        #expect(pages.map(\.template) == ["status"] + Array(repeating: "status-incident", count: 4) + ["status-history", "status-history"])
        let status = try #require(pages.first)
        #expect(status.headLinks.map(\.url) == ["/status/history.atom", "/status/history.rss"])
        #expect(status.headLinks.map(\.type) == ["application/atom+xml", "application/rss+xml"])
    }

    @Test("every page renders to balanced markup without leftover tags", arguments: StatusFixtures.cases)
    func rendersEveryPage(fixture: String) throws {
        for page in StatusOutputs.pages(for: try StatusFixtures.site(fixture)) {
            let html = try render(page)
            #expect(!html.contains("{{"), "\(page.url)")
            #expect(TagBalance.problems(html) == [], "\(page.url)")
        }
    }

    @Test("the tag-balance check rejects what an XML parser on Linux would repair")
    func tagBalanceIsStrict() {
        #expect(TagBalance.problems("<p>a <b>b</b> <img src=x><br></p>") == [])
        #expect(TagBalance.problems("<p><b>x</p></b>") == ["line 1: </p> closes <b> opened on line 1", "line 1: </b> closes nothing"])
        #expect(TagBalance.problems("<div>\n<p>x</p>") == ["line 1: <div> is never closed"])
        #expect(TagBalance.problems("</span>") == ["line 1: </span> closes nothing"])
        #expect(TagBalance.problems("<script>if (a < b) {}</script><!-- <div> -->") == [])
        #expect(TagBalance.problems("a < b") == ["line 1: '<' that never ends"])
        #expect(TagBalance.problems("a < b >") == ["line 1: a '<' that starts no tag (write &lt;)"])
    }

    @Test("/status/: banner, grouped components with 90 bars and a text for each day, history, emergency link")
    func statusPage() throws {
        let site = try StatusFixtures.site("incidents")
        let html = try render(try #require(StatusOutputs.pages(for: site).first))
        #expect(html.contains("Partial System Outage"))
        #expect(count("class=\"status-bar status-bar-", in: html) == 90 * 5)
        #expect(count("<span class=\"status-visually-hidden\">", in: html) == 90 * 5)
        #expect(html.contains("<span class=\"status-visually-hidden\">31 Oct 2026: Major outage (Calls failing overnight)</span>"))
        #expect(html.contains("<h3 class=\"status-group-name\">Cloud"))
        #expect(html.contains("99.3% uptime over 90 days"))
        // Only open incidents are active; both months of history are listed, the archive links to each.
        #expect(html.contains("href=\"/status/incidents/2026-11-26-voice-minor/\">Call quality problems</a></h3>"))
        #expect(!html.contains("Resolved after the build clock"))
        #expect(html.contains("href=\"/status/history/2026-10/\">October 2026</a>"))
        #expect(html.contains("<a href=\"https://help.example.com/emergency\">Raise an out-of-hours emergency request</a>"))
        // Times in UTC, the support time zone and a machine-readable form for the script.
        #expect(html.contains("<time datetime=\"2026-11-26T09:00:00Z\" data-status-time=\"2026-11-26T09:00:00Z\">26 Nov 2026, 09:00 UTC</time> <span class=\"status-zone\">(09:00 GMT)</span>"))
    }

    @Test("URLs in the contexts carry the base path; the emergency link comes from support/hours.yml")
    func basePath() throws {
        let site = try StatusFixtures.site("operational")
        let pages = StatusOutputs.pages(for: site)
        let html = try render(try #require(pages.first))
        #expect(html.contains("All Systems Operational"))
        #expect(html.contains("href=\"/docs/status/history/2026-06/\">June 2026</a>"))
        #expect(html.contains("href=\"/docs/status/api/v2/summary.json\""))
        // The script is the theme's fingerprinted asset, from the values every page shares
        // (a plain /assets/status.js does not exist in the output).
        var page = try #require(pages.first)
        page.context["assets"] = ["status_js": "/docs/assets/status.0123456789.js"] as TemplateContext
        #expect(try render(page).contains("<script src=\"/docs/assets/status.0123456789.js\" defer></script>"))
        #expect(html.contains("<a href=\"https://help.example.com/out-of-hours\">"))
        #expect(html.contains("we aim to respond within 1 hour"))
        // Page specs themselves are without the base path.
        #expect(pages.allSatisfy { $0.url.hasPrefix("/status/") })
        // History from the old incident's month to the clock's.
        #expect(pages.filter { $0.template == "status-history" }.map(\.url) == (6...11).map { "/status/history/2026-\(String(format: "%02d", $0))/" })
    }

    @Test("an incident page: newest update first, only updates by the clock, times across midnight and the summer offset")
    func incidentPage() throws {
        let pages = StatusOutputs.pages(for: try StatusFixtures.site("incidents"))
        let major = try render(try #require(pages.first { $0.url == "/status/incidents/2026-11-25-portal-major/" }))
        let monitoring = try #require(major.range(of: "A fix is in place"))
        let investigating = try #require(major.range(of: "The web portal is not loading"))
        #expect(monitoring.lowerBound < investigating.lowerBound)
        #expect(!major.contains("Resolved after the build clock"))
        #expect(major.contains("Not yet resolved"))

        let boundary = try render(try #require(pages.first { $0.url == "/status/incidents/2026-10-31-month-boundary/" }))
        #expect(boundary.contains("(lasted 2 h 30 min)"))
        #expect(boundary.contains("href=\"/status/history/2026-10/\">October 2026</a>"))
    }

    @Test("a month boundary: the incident is in the month it started")
    func history() throws {
        let pages = StatusOutputs.pages(for: try StatusFixtures.site("incidents"))
        let october = try render(try #require(pages.first { $0.url == "/status/history/2026-10/" }))
        let november = try render(try #require(pages.first { $0.url == "/status/history/2026-11/" }))
        #expect(october.contains("Calls failing overnight"))
        #expect(!november.contains("Calls failing overnight"))
        #expect(november.contains("Teams sign-in failures") && november.contains("Call quality problems"))
        #expect(october.contains("rel=\"next\">November 2026"))
        #expect(november.contains("rel=\"prev\">← October 2026"))
    }

    @Test("maintenance pages and sections")
    func maintenance() throws {
        let pages = StatusOutputs.pages(for: try StatusFixtures.site("maintenance"))
        #expect(pages.filter { $0.template == "status-maintenance" }.map(\.url) == [
            "/status/maintenance/2026-12-10-upcoming/", "/status/maintenance/2026-11-26-portal-in-progress/",
            "/status/maintenance/2026-11-26-phones-verifying/", "/status/maintenance/2026-10-14-completed/",
        ])
        let html = try render(try #require(pages.first))
        #expect(html.contains("Service Under Maintenance"))
        #expect(html.contains("Maintenance in progress"))
        #expect(html.contains("href=\"/status/maintenance/2026-12-10-upcoming/\">Helpdesk upgrade</a>"))
        let patch = try render(try #require(pages.first { $0.url == "/status/maintenance/2026-11-26-portal-in-progress/" }))
        #expect(!patch.contains("After the clock"))
    }

    @Test("local time: GMT in winter, BST in summer with the date when it differs from UTC")
    func localTime() {
        let time = StatusTime(timeZoneIdentifier: "Europe/London", language: "en-GB")
        #expect(time.utc(Instant("2026-11-26T14:05:00Z")!) == "26 Nov 2026, 14:05 UTC")
        #expect(time.local(Instant("2026-11-26T14:05:00Z")!) == "14:05 GMT")
        #expect(time.local(Instant("2026-07-01T23:30:00Z")!) == "00:30 BST, 2 Jul 2026")
        #expect(StatusTime.rfc822(Instant("2026-11-26T14:05:09Z")!) == "Thu, 26 Nov 2026 14:05:09 +0000")
    }
}
