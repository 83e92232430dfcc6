import SwitchboardModel

/// An incident as it stands at the build clock: only the updates posted by
/// then, and a status that follows the rule "unresolved until it has a
/// resolved time at or before the clock".
struct PublishedIncident: Sendable {
    var incident: Incident
    /// Stable Statuspage-style id derived from the slug.
    var id: String
    /// Updates at or before the clock, oldest first.
    var updates: [StatusUpdate]
    /// investigating, identified, monitoring or resolved.
    var status: String
    /// The resolved time, when it is at or before the clock.
    var resolvedAt: Instant?
    var createdAt: Instant
    var updatedAt: Instant
    var monitoringAt: Instant?

    var slug: String { incident.info.slug }
    var isResolved: Bool { resolvedAt != nil }

    /// Nil for an incident that has not started by the clock: it is not published yet.
    init?(_ incident: Incident, now: Instant) {
        guard incident.started <= now else { return nil }
        self.incident = incident
        id = StatusIDs.id("incident", incident.info.slug)
        updates = incident.updates.filter { $0.at <= now }
        resolvedAt = incident.resolved.flatMap { $0 <= now ? $0 : nil }
        if resolvedAt != nil {
            status = "resolved"
        } else {
            // A "resolved" update posted before the resolved time does not end
            // the incident early; the last state before it was being watched.
            let last = updates.last?.status ?? "investigating"
            status = last == "resolved" ? "monitoring" : last
        }
        createdAt = updates.first?.at ?? incident.started
        updatedAt = max(updates.last?.at ?? createdAt, resolvedAt ?? createdAt)
        monitoringAt = updates.first { $0.status == "monitoring" }?.at
    }

    /// The end of the incident's effect for uptime: its resolved time, or the clock while unresolved.
    func end(now: Instant) -> Instant { resolvedAt ?? now }
}
