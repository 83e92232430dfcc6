import SwitchboardModel

/// Builds the status pages' template contexts: plain dictionaries and arrays,
/// with every URL already carrying the base path (templates print them as given).
struct StatusContexts: Sendable {
    var snapshot: StatusSnapshot

    private var base: String { snapshot.site.config.basePath }

    /// A URL for a template, from a path without the base path.
    func url(_ path: String) -> String { base + path }

    /// `iso` for `<time datetime>` and the script, `utc` and, where known, `local` in the support time zone.
    func time(_ instant: Instant) -> TemplateContext {
        var context: TemplateContext = ["iso": instant.description, "utc": snapshot.time.utc(instant)]
        if let local = snapshot.time.local(instant) { context["local"] = local }
        return context
    }

    func update(_ update: StatusUpdate) -> TemplateContext {
        ["status": update.status, "statusLabel": StatusLevels.label(forUpdateStatus: update.status),
         "at": time(update.at), "body": update.body.html]
    }

    /// A component as the incident gave it, in the order of the component list.
    private func affected(_ incident: Incident) -> [TemplateContext] {
        snapshot.components.compactMap { state in
            guard let entry = incident.components.first(where: { $0.id == state.component.id }) else { return nil }
            return ["name": state.component.name, "status": entry.status,
                    "statusLabel": StatusLevels.label(forComponentStatus: entry.status)]
        }
    }

    /// An incident; `full` adds the write-up below the timeline.
    func incident(_ published: PublishedIncident, full: Bool = false) -> TemplateContext {
        let incident = published.incident
        var context: TemplateContext = [
            "id": published.id,
            "title": incident.title,
            "url": url("/status/incidents/\(published.slug)/"),
            "impact": incident.impact,
            "impactLabel": StatusLevels.label(forImpact: incident.impact),
            "status": published.status,
            "statusLabel": StatusLevels.label(forUpdateStatus: published.status),
            "resolved": published.isResolved,
            "started": time(incident.started),
            "components": affected(incident),
            "updates": published.updates.reversed().map(update),
            "monthTitle": StatusMonth(incident.started).title,
            "monthURL": url(StatusMonth(incident.started).path),
        ]
        if !incident.components.isEmpty { context["hasComponents"] = true }
        if let resolved = published.resolvedAt {
            context["resolvedAt"] = time(resolved)
            context["duration"] = StatusTime.duration(seconds: resolved.secondsSinceEpoch - incident.started.secondsSinceEpoch)
        }
        if let latest = published.updates.last { context["latest"] = update(latest) }
        if full, !incident.body.html.isEmpty { context["body"] = incident.body.html }
        return context
    }

    /// A maintenance window; `full` adds the write-up.
    func maintenance(_ published: PublishedMaintenance, full: Bool = false) -> TemplateContext {
        let window = published.maintenance
        var context: TemplateContext = [
            "id": published.id,
            "title": window.title,
            "url": url("/status/maintenance/\(published.slug)/"),
            "status": published.status,
            "statusLabel": StatusLevels.label(forUpdateStatus: published.status),
            "active": published.isActive,
            "upcoming": published.isUpcoming,
            "from": time(window.scheduledFor),
            "until": time(window.scheduledUntil),
            "length": StatusTime.duration(seconds: window.scheduledUntil.secondsSinceEpoch - window.scheduledFor.secondsSinceEpoch),
            "components": snapshot.components.filter { window.components.contains($0.component.id) }
                .map { ["name": $0.component.name] as TemplateContext },
            "updates": published.updates.reversed().map(update),
        ]
        if !window.components.isEmpty { context["hasComponents"] = true }
        if let latest = published.updates.last { context["latest"] = update(latest) }
        if full, !window.body.html.isEmpty { context["body"] = window.body.html }
        return context
    }

    func uptime(_ uptime: ComponentUptime) -> TemplateContext {
        let titles = Dictionary(snapshot.incidents.map { ($0.slug, $0.incident.title) }, uniquingKeysWith: { a, _ in a })
        let days: [TemplateContext] = uptime.days.map { day in
            let label = StatusLevels.label(forComponentStatus: day.status)
            var context: TemplateContext = ["date": StatusTime.day(day.day), "iso": day.day.description, "status": day.status, "label": label]
            let names = day.incidents.compactMap { titles[$0] }
            context["text"] = names.isEmpty ? "\(StatusTime.day(day.day)): \(label)"
                : "\(StatusTime.day(day.day)): \(label) (\(names.joined(separator: "; ")))"
            if !day.incidents.isEmpty {
                context["dayIncidents"] = day.incidents.map { ["title": titles[$0] ?? $0, "url": url("/status/incidents/\($0)/")] as TemplateContext }
            }
            return context
        }
        let problems = days.filter { ($0["status"] as? String) != "operational" }
        var context: TemplateContext = [
            "percent": uptime.percentText,
            "days": days,
            "first": StatusTime.day(uptime.days.first?.day ?? snapshot.now.day),
            "last": StatusTime.day(uptime.days.last?.day ?? snapshot.now.day),
            "dayCount": ComponentUptime.dayCount,
        ]
        if !problems.isEmpty {
            context["problemDays"] = problems
            context["hasProblemDays"] = true
        }
        return context
    }

    func component(_ state: ComponentState) -> TemplateContext {
        var context: TemplateContext = [
            "id": state.component.id,
            "name": state.component.name,
            "status": state.status,
            "statusLabel": StatusLevels.label(forComponentStatus: state.status),
            "operational": state.status == "operational",
            "uptime": uptime(ComponentUptime(component: state.component.id, incidents: snapshot.incidents, now: snapshot.now)),
        ]
        if let description = state.component.description { context["description"] = description }
        return context
    }

    func group(_ group: ComponentGroupState) -> TemplateContext {
        var context: TemplateContext = [
            "status": group.status,
            "statusLabel": StatusLevels.label(forComponentStatus: group.status),
            "components": group.members.map(component),
        ]
        if !group.name.isEmpty { context["name"] = group.name }
        return context
    }

    /// A month of the history: its incidents and the maintenance windows that had started by the clock.
    func month(_ month: StatusMonth) -> TemplateContext {
        let incidents = snapshot.incidents.filter { StatusMonth($0.incident.started) == month }
        let windows = snapshot.maintenances.filter { !$0.isUpcoming && StatusMonth($0.maintenance.scheduledFor) == month }
        var context: TemplateContext = [
            "key": month.key,
            "title": month.title,
            "url": url(month.path),
            "incidents": incidents.map { incident($0) },
            "maintenance": windows.map { maintenance($0) },
            "count": incidents.count,
        ]
        if incidents.isEmpty && windows.isEmpty { context["empty"] = true }
        return context
    }

    /// The link to the out-of-hours emergency request in support/hours.yml,
    /// else the site's emergency URL; nil when neither is given.
    var emergency: TemplateContext? {
        let service = snapshot.site.hours?.outOfHours.first { $0.requestURL != nil }
        guard let link = service?.requestURL ?? snapshot.site.config.support.emergencyURL else { return nil }
        var context: TemplateContext = ["url": link]
        if let service {
            context["availability"] = service.availability
            if let within = service.respondWithin { context["respondWithin"] = within.spoken }
        }
        if let phone = snapshot.site.config.support.phone { context["phone"] = phone }
        return context
    }

    /// What every status page shares: the overall state, feeds, script and emergency link.
    var common: TemplateContext {
        var context: TemplateContext = [
            "indicator": snapshot.indicator,
            "indicatorDescription": snapshot.indicatorDescription,
            "allOperational": snapshot.indicator == "none",
            "updated": time(snapshot.now),
            "statusURL": url("/status/"),
            "atomURL": url(StatusFeeds.atomPath),
            "rssURL": url(StatusFeeds.rssPath),
            "api": StatusOutputs.apiPaths.map { ["name": $0, "url": url("/status/api/v2/\($0)")] as TemplateContext },
        ]
        if let emergency { context["emergency"] = emergency }
        return context
    }
}
