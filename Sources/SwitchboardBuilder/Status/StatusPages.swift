import SwitchboardModel

/// The page specs of the status section.
struct StatusPages: Sendable {
    var snapshot: StatusSnapshot
    private var contexts: StatusContexts { StatusContexts(snapshot: snapshot) }

    /// How many months of history /status/ shows before pointing to the archive.
    static let recentMonths = 3

    var all: [PageSpec] {
        [statusPage]
            + snapshot.incidents.map(incidentPage)
            + snapshot.maintenances.map(maintenancePage)
            + months.map(historyPage)
    }

    /// From the month of the earliest incident or started maintenance window to the clock's month.
    var months: [StatusMonth] {
        let last = StatusMonth(snapshot.now)
        let starts = snapshot.incidents.map(\.incident.started)
            + snapshot.maintenances.filter { !$0.isUpcoming }.map(\.maintenance.scheduledFor)
        let first = starts.min().map(StatusMonth.init) ?? last
        return StatusMonth.range(min(first, last), last)
    }

    /// Feed autodiscovery, on every status page.
    private var headLinks: [(rel: String, type: String, title: String, url: String)] {
        [("alternate", "application/atom+xml", "Service status history (Atom)", StatusFeeds.atomPath),
         ("alternate", "application/rss+xml", "Service status history (RSS)", StatusFeeds.rssPath)]
    }

    private func context(_ extra: TemplateContext) -> TemplateContext {
        contexts.common.merging(extra) { _, new in new }
    }

    var statusPage: PageSpec {
        let months = self.months
        let archive: [TemplateContext] = months.reversed().map { ["title": $0.title, "url": contexts.url($0.path)] }
        var context = context([
            "groups": snapshot.groups.map(contexts.group),
            "incidents": snapshot.unresolvedIncidents.map { contexts.incident($0) },
            "activeMaintenance": snapshot.activeMaintenances.map { contexts.maintenance($0) },
            "upcomingMaintenance": snapshot.upcomingMaintenances.map { contexts.maintenance($0) },
            "months": months.suffix(Self.recentMonths).reversed().map(contexts.month),
            "archive": archive,
        ])
        if !snapshot.activeMaintenances.isEmpty { context["hasActiveMaintenance"] = true }
        return PageSpec(url: SiteURL.status, template: "status", title: "Service status",
                        description: "\(snapshot.indicatorDescription). Current status, incidents and maintenance for the services \(snapshot.site.config.organisation) supports.",
                        context: context, breadcrumbs: [("Service status", SiteURL.status)], headLinks: headLinks)
    }

    func incidentPage(_ incident: PublishedIncident) -> PageSpec {
        let month = StatusMonth(incident.incident.started)
        return PageSpec(url: SiteURL.incident(incident.slug), template: "status-incident", title: incident.incident.title,
                        description: "\(StatusLevels.label(forImpact: incident.incident.impact)), \(StatusLevels.label(forUpdateStatus: incident.status).lowercased()). Incident on \(StatusTime.day(incident.incident.started.day)).",
                        context: context(["incident": contexts.incident(incident, full: true)]),
                        breadcrumbs: [("Service status", SiteURL.status), (month.title, month.path), (incident.incident.title, SiteURL.incident(incident.slug))],
                        headLinks: headLinks)
    }

    func maintenancePage(_ window: PublishedMaintenance) -> PageSpec {
        PageSpec(url: SiteURL.maintenance(window.slug), template: "status-maintenance", title: window.maintenance.title,
                 description: "Maintenance, \(StatusLevels.label(forUpdateStatus: window.status).lowercased()): \(snapshot.time.utc(window.maintenance.scheduledFor)) to \(snapshot.time.utc(window.maintenance.scheduledUntil)).",
                 context: context(["maintenance": contexts.maintenance(window, full: true)]),
                 breadcrumbs: [("Service status", SiteURL.status), (window.maintenance.title, SiteURL.maintenance(window.slug))],
                 headLinks: headLinks)
    }

    func historyPage(_ month: StatusMonth) -> PageSpec {
        let months = self.months
        var extra: TemplateContext = ["month": contexts.month(month)]
        if let index = months.firstIndex(of: month) {
            if index > 0 { extra["previous"] = ["title": months[index - 1].title, "url": contexts.url(months[index - 1].path)] as TemplateContext }
            if index + 1 < months.count { extra["next"] = ["title": months[index + 1].title, "url": contexts.url(months[index + 1].path)] as TemplateContext }
        }
        return PageSpec(url: month.path, template: "status-history", title: "Incident history: \(month.title)",
                        description: "Incidents and maintenance on the services \(snapshot.site.config.organisation) supports in \(month.title).",
                        context: context(extra),
                        breadcrumbs: [("Service status", SiteURL.status), (month.title, month.path)],
                        headLinks: headLinks)
    }
}
