import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

@Suite("Status feeds")
struct StatusFeedTests {
    func document(_ fixture: String, _ path: String) throws -> XMLDocument {
        let text = try #require(StatusFixtures.files(try StatusFixtures.site(fixture))[path])
        return try XMLDocument(data: Data(text.utf8), options: [])
    }

    /// An attribute's value. `attribute(forName:)` finds nothing on Linux when the
    /// element is in a default namespace (Atom's), so the attributes are searched.
    func attribute(_ element: XMLElement?, _ name: String) -> String? {
        element?.attributes?.first { $0.name == name }?.stringValue
    }

    @Test("Atom: feed and entry elements, one entry per published incident", arguments: StatusFixtures.cases)
    func atom(fixture: String) throws {
        let document = try document(fixture, "status/history.atom")
        let feed = try #require(document.rootElement())
        #expect(feed.name == "feed")
        #expect(feed.uri == "http://www.w3.org/2005/Atom")
        for name in ["id", "title", "updated", "author"] {
            #expect(!(feed.elements(forName: name).isEmpty), "feed/\(name)")
        }
        #expect(feed.elements(forName: "link").contains { attribute($0, "rel") == "self" })
        let site = try StatusFixtures.site(fixture)
        let published = StatusSnapshot(site: site).incidents
        let entries = feed.elements(forName: "entry")
        #expect(entries.count == published.count)
        for (entry, incident) in zip(entries, published) {
            for name in ["id", "title", "updated", "link", "content"] {
                #expect(!(entry.elements(forName: name).isEmpty), "entry/\(name)")
            }
            #expect(entry.elements(forName: "title").first?.stringValue == incident.incident.title)
            let href = attribute(entry.elements(forName: "link").first, "href")
            #expect(href == site.config.origin + site.config.basePath + "/status/incidents/\(incident.slug)/")
            #expect(Instant(entry.elements(forName: "updated").first?.stringValue ?? "") != nil)
        }
    }

    @Test("RSS: channel and item elements", arguments: StatusFixtures.cases)
    func rss(fixture: String) throws {
        let document = try document(fixture, "status/history.rss")
        let rss = try #require(document.rootElement())
        #expect(rss.name == "rss")
        #expect(attribute(rss, "version") == "2.0")
        let channel = try #require(rss.elements(forName: "channel").first)
        for name in ["title", "link", "description"] {
            #expect(!(channel.elements(forName: name).isEmpty), "channel/\(name)")
        }
        let items = channel.elements(forName: "item")
        #expect(items.count == StatusSnapshot(site: try StatusFixtures.site(fixture)).incidents.count)
        for item in items {
            for name in ["title", "link", "guid", "pubDate", "description"] {
                #expect(!(item.elements(forName: name).isEmpty), "item/\(name)")
            }
            let link = item.elements(forName: "link").first?.stringValue
            #expect(item.elements(forName: "guid").first?.stringValue == link)
            // RFC 822 with a numeric zone: "Thu, 26 Nov 2026 09:10:00 +0000".
            let date = item.elements(forName: "pubDate").first?.stringValue ?? ""
            #expect(date.hasSuffix(" +0000") && date.count == 31, "\(date)")
        }
    }

    @Test("updates after the clock stay out of the feed; markup is escaped, not dropped")
    func content() throws {
        let document = try document("incidents", "status/history.atom")
        let feed = try #require(document.rootElement())
        let entries = feed.elements(forName: "entry")
        let major = try #require(entries.first { $0.elements(forName: "title").first?.stringValue == "Web portal unavailable" })
        let html = major.elements(forName: "content").first?.stringValue ?? ""
        #expect(html.contains("A fix is in place"))
        #expect(!html.contains("Resolved after the build clock"))
        let minor = try #require(entries.first { $0.elements(forName: "title").first?.stringValue == "Call quality problems" })
        let minorHTML = minor.elements(forName: "content").first?.stringValue ?? ""
        #expect(minorHTML.contains("&amp;"))
    }

    @Test("the feeds match their golden files", arguments: StatusFixtures.cases)
    func golden(fixture: String) throws {
        let files = StatusFixtures.files(try StatusFixtures.site(fixture))
        for path in ["history.atom", "history.rss"] {
            try StatusFixtures.expectGolden(try #require(files["status/\(path)"]), fixture: fixture, path: path)
        }
    }
}
