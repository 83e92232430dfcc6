import SwitchboardModel

/// A maintenance window as it stands at the build clock: scheduled,
/// in_progress or completed by its times, unless its latest update posted by
/// then says verifying.
struct PublishedMaintenance: Sendable {
    var maintenance: Maintenance
    var id: String
    /// Updates at or before the clock, oldest first.
    var updates: [StatusUpdate]
    /// scheduled, in_progress, verifying or completed.
    var status: String
    var createdAt: Instant
    var updatedAt: Instant
    /// When the window ended, once completed.
    var resolvedAt: Instant?

    var slug: String { maintenance.info.slug }
    /// In progress or verifying: its components are under maintenance.
    var isActive: Bool { status == "in_progress" || status == "verifying" }
    var isUpcoming: Bool { status == "scheduled" }

    /// Nil for a window whose first update is after the clock: it has not been announced yet.
    init?(_ maintenance: Maintenance, now: Instant) {
        if let first = maintenance.updates.first, first.at > now { return nil }
        self.maintenance = maintenance
        id = StatusIDs.id("maintenance", maintenance.info.slug)
        updates = maintenance.updates.filter { $0.at <= now }
        if updates.last?.status == "verifying" {
            status = "verifying"
        } else if now < maintenance.scheduledFor {
            status = "scheduled"
        } else if now < maintenance.scheduledUntil {
            status = "in_progress"
        } else {
            status = "completed"
        }
        // Without any update the window was announced no later than the clock; its start is the best guess.
        createdAt = updates.first?.at ?? min(maintenance.scheduledFor, now)
        if status == "completed" {
            let completedUpdate = updates.last.flatMap { $0.status == "completed" ? $0.at : nil }
            resolvedAt = max(maintenance.scheduledUntil, completedUpdate ?? maintenance.scheduledUntil)
        }
        var latest = max(createdAt, updates.last?.at ?? createdAt)
        if maintenance.scheduledFor <= now { latest = max(latest, maintenance.scheduledFor) }
        if let resolvedAt { latest = max(latest, resolvedAt) }
        updatedAt = latest
    }
}
