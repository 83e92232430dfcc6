import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The 90-day bars against values worked out by hand from the incidents fixture
/// (clock 2026-11-26T12:00Z, so the window is 2026-08-29 to 2026-11-26).
@Suite("Status uptime bars")
struct StatusUptimeTests {
    func uptime(_ component: String) throws -> ComponentUptime {
        let snapshot = StatusSnapshot(site: try StatusFixtures.site("incidents"))
        return ComponentUptime(component: component, incidents: snapshot.incidents, now: snapshot.now)
    }

    /// The days that are not operational, as "YYYY-MM-DD status".
    func problems(_ uptime: ComponentUptime) -> [String] {
        uptime.days.filter { $0.status != "operational" }.map { "\($0.day) \($0.status)" }
    }

    @Test("90 days ending on the clock's UTC day")
    func window() throws {
        let days = try uptime("voice").days
        #expect(days.count == 90)
        #expect(days.first?.day.description == "2026-08-29")
        #expect(days.last?.day.description == "2026-11-26")
    }

    @Test("an incident across midnight marks both days; an open one marks today")
    func voice() throws {
        let voice = try uptime("voice")
        // Critical 2026-10-31 23:00 to 2026-11-01 01:30 (major_outage); minor open since 2026-11-26 09:00 (degraded).
        #expect(problems(voice) == ["2026-10-31 major_outage", "2026-11-01 major_outage", "2026-11-26 degraded_performance"])
        // 2.5 h of major outage in 89.5 days: 1 - 9000 / 7732800 = 99.88…% → 99.8%.
        #expect(voice.percentText == "99.8%")
    }

    @Test("overlapping incidents: each day takes the worst status")
    func portal() throws {
        let portal = try uptime("portal")
        // Major from 2026-11-25 22:30 (major_outage) overlaps minor from 2026-11-26 09:00 (partial_outage).
        #expect(problems(portal) == ["2026-11-25 major_outage", "2026-11-26 major_outage"])
        #expect(portal.days.last?.incidents == ["2026-11-26-voice-minor", "2026-11-25-portal-major"])
        // 13.5 h of major outage, the overlap counted once: 1 - 48600 / 7732800 = 99.37…% → 99.3%.
        #expect(portal.percentText == "99.3%")
    }

    @Test("a resolved incident marks only its day; partial outage counts at 30%")
    func teams() throws {
        let teams = try uptime("teams")
        #expect(problems(teams) == ["2026-11-20 partial_outage"])
        // 2 h partial: 1 - 0.3 × 7200 / 7732800 = 99.97…% → 99.9% (rounded down).
        #expect(teams.percentText == "99.9%")
    }

    @Test("degraded performance counts as up; an incident after the clock is ignored")
    func mobileAndHelpdesk() throws {
        let mobile = try uptime("mobile")
        #expect(problems(mobile) == ["2026-11-25 degraded_performance", "2026-11-26 degraded_performance"])
        #expect(mobile.percentText == "100.0%")
        let helpdesk = try uptime("helpdesk")
        #expect(problems(helpdesk).isEmpty)
        #expect(helpdesk.percentText == "100.0%")
    }

    @Test("an incident outside the window leaves every bar operational")
    func outsideWindow() throws {
        let snapshot = StatusSnapshot(site: try StatusFixtures.site("operational"))
        let portal = ComponentUptime(component: "portal", incidents: snapshot.incidents, now: snapshot.now)
        #expect(problems(portal).isEmpty)
        #expect(portal.percentText == "100.0%")
    }
}
