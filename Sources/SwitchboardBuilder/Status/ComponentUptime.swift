import SwitchboardModel

/// A component's last 90 days, worked out from the incident records at build time.
struct ComponentUptime: Sendable {
    /// One UTC day of the bars.
    struct DayState: Sendable, Equatable {
        var day: Day
        /// The worst status any incident affecting the component gave it during the day; operational when none did.
        var status: String
        /// Slugs of the incidents that touched the day, newest first.
        var incidents: [String]
    }

    static let dayCount = 90

    /// Oldest first, ending on the clock's UTC day.
    var days: [DayState]
    /// Uptime over the window up to the clock in tenths of a percent, rounded down
    /// so that 100.0% means no outage at all. A major outage counts fully, a partial
    /// outage at 30%; degraded performance and maintenance count as up.
    var permille: Int

    /// "99.8%".
    var percentText: String { "\(permille / 10).\(permille % 10)%" }

    init(component id: String, incidents: [PublishedIncident], now: Instant) {
        let lastDay = now.day
        let firstDay = lastDay.adding(days: -(Self.dayCount - 1))
        // Each incident that names the component, as the span it was open and the status it gave.
        let spans: [(start: Int, end: Int, status: String, slug: String)] = incidents.compactMap { incident in
            guard let affected = incident.incident.components.first(where: { $0.id == id }) else { return nil }
            return (incident.incident.started.secondsSinceEpoch, incident.end(now: now).secondsSinceEpoch, affected.status, incident.slug)
        }

        days = (0..<Self.dayCount).map { offset in
            let day = firstDay.adding(days: offset)
            let dayStart = day.daysSinceEpoch * 86_400
            let dayEnd = dayStart + 86_400
            var status = "operational"
            var slugs: [String] = []
            // An incident resolved the moment it started still marks its day.
            for span in spans where span.start < dayEnd && max(span.end, span.start + 1) > dayStart {
                status = StatusLevels.worse(status, span.status)
                slugs.append(span.slug)
            }
            return DayState(day: day, status: status, incidents: slugs)
        }
        permille = Self.permille(spans.map { ($0.start, $0.end, $0.status) },
                                 from: firstDay.daysSinceEpoch * 86_400, to: now.secondsSinceEpoch)
    }

    /// Sweeps the window segment by segment, taking the worst open status in each,
    /// so that overlapping incidents are not counted twice.
    private static func permille(_ spans: [(start: Int, end: Int, status: String)], from start: Int, to end: Int) -> Int {
        guard end > start else { return 1000 }
        var cuts = Set([start, end])
        for span in spans {
            if span.start > start && span.start < end { cuts.insert(span.start) }
            if span.end > start && span.end < end { cuts.insert(span.end) }
        }
        let points = cuts.sorted()
        var lost = 0 // in tenths of a second-of-downtime
        for (a, b) in zip(points, points.dropFirst()) {
            var worst = "operational"
            for span in spans where span.start <= a && span.end >= b { worst = StatusLevels.worse(worst, span.status) }
            switch worst {
            case "major_outage": lost += (b - a) * 10
            case "partial_outage": lost += (b - a) * 3
            default: break
            }
        }
        let total = (end - start) * 10
        return (total - lost) * 1000 / total
    }
}
