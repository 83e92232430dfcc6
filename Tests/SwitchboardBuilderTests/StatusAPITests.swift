import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

@Suite("Status API")
struct StatusAPITests {
    static let endpoints = StatusOutputs.apiPaths.map { "status/api/v2/\($0)" }

    @Test("every endpoint matches its golden JSON", arguments: StatusFixtures.cases)
    func golden(fixture: String) throws {
        let files = StatusFixtures.files(try StatusFixtures.site(fixture))
        for endpoint in Self.endpoints {
            let json = try #require(files[endpoint], "no \(endpoint)")
            try StatusFixtures.expectGolden(json, fixture: fixture, path: String(endpoint.dropFirst("status/".count)))
        }
    }

    @Test("every endpoint is valid JSON with the Statuspage top-level keys", arguments: StatusFixtures.cases)
    func shapes(fixture: String) throws {
        let files = StatusFixtures.files(try StatusFixtures.site(fixture))
        let keys: [String: [String]] = [
            "summary.json": ["page", "components", "incidents", "scheduled_maintenances", "status"],
            "status.json": ["page", "status"],
            "components.json": ["page", "components"],
            "incidents.json": ["page", "incidents"],
            "incidents/unresolved.json": ["page", "incidents"],
            "scheduled-maintenances.json": ["page", "scheduled_maintenances"],
            "scheduled-maintenances/upcoming.json": ["page", "scheduled_maintenances"],
            "scheduled-maintenances/active.json": ["page", "scheduled_maintenances"],
        ]
        for (path, expected) in keys.sorted(by: { $0.key < $1.key }) {
            let text = try #require(files["status/api/v2/\(path)"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(expected), "\(path)")
            let page = try #require(object["page"] as? [String: Any])
            #expect(page["updated_at"] as? String == "2026-11-26T12:00:00.000Z")
        }
    }

    // Determinism is checked across two processes, each with its own hash seed, by
    // BuildCommandTests.twoProcessesBuildEachFixtureByteIdentically.

    @Test("all operational: no banner, every component operational")
    func operational() throws {
        let site = try StatusFixtures.site("operational")
        #expect(StatusOutputs.banner(for: site) == nil)
        let snapshot = StatusSnapshot(site: site)
        #expect(snapshot.indicator == "none")
        #expect(snapshot.indicatorDescription == "All Systems Operational")
        #expect(snapshot.components.map(\.status) == ["operational", "operational", "operational"])
        #expect(snapshot.unresolvedIncidents.isEmpty)
        // The site's base path is in every absolute URL.
        let summary = try #require(StatusFixtures.files(site)["status/api/v2/incidents.json"])
        #expect(summary.contains("\"shortlink\": \"https://status.example.com/docs/status/incidents/2026-06-01-old-outage/\""))
    }

    @Test("overlapping minor and major incidents: worst status per component, worst impact for the page")
    func incidents() throws {
        let site = try StatusFixtures.site("incidents")
        let snapshot = StatusSnapshot(site: site)
        let statuses = Dictionary(uniqueKeysWithValues: snapshot.components.map { ($0.component.id, $0.status) })
        #expect(statuses == ["voice": "degraded_performance", "portal": "major_outage", "mobile": "degraded_performance",
                             "teams": "operational", "helpdesk": "operational"])
        #expect(snapshot.indicator == "major")
        let banner = try #require(StatusOutputs.banner(for: site))
        #expect(banner.indicator == "major" && banner.description == "Partial System Outage")

        // The incident resolved after the clock is unresolved, and its later update is not published.
        let major = try #require(snapshot.incidents.first { $0.slug == "2026-11-25-portal-major" })
        #expect(!major.isResolved)
        #expect(major.status == "monitoring")
        #expect(major.updates.map(\.status) == ["investigating", "monitoring"])
        // Resolved before the clock, and the incident that starts after it is left out.
        #expect(snapshot.incidents.first { $0.slug == "2026-11-20-teams-resolved" }?.status == "resolved")
        #expect(!snapshot.incidents.contains { $0.slug == "2026-11-27-future" })
        #expect(snapshot.unresolvedIncidents.map(\.slug) == ["2026-11-26-voice-minor", "2026-11-25-portal-major"])
    }

    @Test("maintenance: scheduled, in progress, verifying and completed by the clock")
    func maintenance() throws {
        let site = try StatusFixtures.site("maintenance")
        let snapshot = StatusSnapshot(site: site)
        let statuses = Dictionary(uniqueKeysWithValues: snapshot.maintenances.map { ($0.slug, $0.status) })
        #expect(statuses == ["2026-12-10-upcoming": "scheduled", "2026-11-26-portal-in-progress": "in_progress",
                             "2026-11-26-phones-verifying": "verifying", "2026-10-14-completed": "completed"])
        let components = Dictionary(uniqueKeysWithValues: snapshot.components.map { ($0.component.id, $0.status) })
        // An unresolved incident outranks maintenance on the helpdesk.
        #expect(components == ["voice": "operational", "portal": "under_maintenance", "helpdesk": "degraded_performance",
                               "phones": "under_maintenance"])
        #expect(snapshot.indicator == "maintenance")
        let banner = try #require(StatusOutputs.banner(for: site))
        #expect(banner.description == "Service Under Maintenance")
        #expect(snapshot.activeMaintenances.map(\.slug) == ["2026-11-26-portal-in-progress", "2026-11-26-phones-verifying"])
        #expect(snapshot.upcomingMaintenances.map(\.slug) == ["2026-12-10-upcoming"])
    }

    @Test("the clock moves a window from scheduled to in progress to completed")
    func maintenanceByClock() throws {
        let expected = [("2026-12-10T21:59:00Z", "scheduled"), ("2026-12-10T22:00:00Z", "in_progress"),
                        ("2026-12-11T01:59:00Z", "in_progress"), ("2026-12-11T02:00:00Z", "completed")]
        for (clock, status) in expected {
            let site = try StatusFixtures.site("maintenance", now: Instant(clock)!)
            let window = StatusSnapshot(site: site).maintenances.first { $0.slug == "2026-12-10-upcoming" }
            #expect(window?.status == status, "at \(clock)")
        }
    }

    @Test("stable ids: twelve base-36 characters, distinct per kind")
    func ids() {
        let a = StatusIDs.id("incident", "x")
        #expect(a == StatusIDs.id("incident", "x"))
        #expect(a != StatusIDs.id("maintenance", "x"))
        #expect(a.count == 12 && a.allSatisfy { $0.isNumber || ("a"..."z").contains($0) })
    }
}
