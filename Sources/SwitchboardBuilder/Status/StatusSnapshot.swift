import SwitchboardModel

/// Everything the status outputs show, worked out once from the site at its
/// build clock. Pages, API files and feeds all read from this, so they agree.
struct StatusSnapshot: Sendable {
    var site: Site
    var now: Instant
    /// Incidents started by the clock, newest first.
    var incidents: [PublishedIncident]
    /// Announced maintenance windows, latest scheduled first.
    var maintenances: [PublishedMaintenance]
    /// Groups in the order their first member appears in components.yml; components
    /// without a group form groups of their own with an empty name.
    var groups: [ComponentGroupState]
    /// none, minor, major, critical, or maintenance.
    var indicator: String
    /// Formats times in UTC and the support time zone.
    var time: StatusTime

    init(site: Site) {
        self.site = site
        now = site.now
        time = StatusTime(timeZoneIdentifier: site.config.timeZone, language: site.config.language)
        let now = site.now
        incidents = site.incidents.compactMap { PublishedIncident($0, now: now) }
            .sorted { ($0.incident.started, $0.slug) > ($1.incident.started, $1.slug) }
        maintenances = site.maintenances.compactMap { PublishedMaintenance($0, now: now) }
            .sorted { ($0.maintenance.scheduledFor, $0.slug) > ($1.maintenance.scheduledFor, $1.slug) }
        groups = Self.groups(site.components, incidents: incidents, maintenances: maintenances, now: now)

        let worstImpact = incidents.filter { !$0.isResolved }.map(\.incident.impact)
            .max { StatusLevels.rank(ofImpact: $0) < StatusLevels.rank(ofImpact: $1) } ?? "none"
        if worstImpact == "none" && maintenances.contains(where: \.isActive) {
            indicator = "maintenance"
        } else {
            indicator = worstImpact
        }
    }

    var unresolvedIncidents: [PublishedIncident] { incidents.filter { !$0.isResolved } }
    var activeMaintenances: [PublishedMaintenance] { maintenances.filter(\.isActive) }
    /// Soonest first, as readers plan around them.
    var upcomingMaintenances: [PublishedMaintenance] { maintenances.filter(\.isUpcoming).reversed() }
    var components: [ComponentState] { groups.flatMap(\.members) }
    var indicatorDescription: String { StatusLevels.description(forIndicator: indicator) }

    /// The earliest published record: what the API gives as a component's creation time.
    var firstRecordAt: Instant {
        (incidents.map(\.createdAt) + maintenances.map(\.createdAt)).min() ?? now
    }

    func component(_ id: String) -> ComponentState? { components.first { $0.component.id == id } }

    private static func groups(_ components: [StatusComponent], incidents: [PublishedIncident],
                               maintenances: [PublishedMaintenance], now: Instant) -> [ComponentGroupState] {
        var order: [String] = []
        var members: [String: [StatusComponent]] = [:]
        for component in components {
            // Ungrouped components each get a key of their own so they keep their place.
            let key = component.group.map { "g:" + $0 } ?? "c:" + component.id
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(component)
        }
        var position = 0
        var result: [ComponentGroupState] = []
        for key in order {
            let isGroup = key.hasPrefix("g:")
            let name = isGroup ? String(key.dropFirst(2)) : ""
            let groupID = isGroup ? StatusIDs.id("group", name) : nil
            let groupPosition = isGroup ? { position += 1; return position }() : 0
            var states: [ComponentState] = []
            for component in members[key] ?? [] {
                position += 1
                states.append(state(of: component, position: position, groupID: groupID,
                                    incidents: incidents, maintenances: maintenances, now: now))
            }
            result.append(ComponentGroupState(name: name, id: groupID ?? "", position: groupPosition, members: states))
        }
        return result
    }

    /// The worst status any unresolved incident gives the component; else
    /// under_maintenance while a window naming it is in progress; else operational.
    private static func state(of component: StatusComponent, position: Int, groupID: String?,
                              incidents: [PublishedIncident], maintenances: [PublishedMaintenance], now: Instant) -> ComponentState {
        var status = "operational"
        var changes: [Instant] = []
        for incident in incidents {
            guard let affected = incident.incident.components.first(where: { $0.id == component.id }) else { continue }
            changes.append(incident.incident.started)
            if let resolved = incident.resolvedAt {
                changes.append(resolved)
            } else {
                status = StatusLevels.worse(status, affected.status)
            }
        }
        for maintenance in maintenances where maintenance.maintenance.components.contains(component.id) {
            if maintenance.maintenance.scheduledFor <= now { changes.append(maintenance.maintenance.scheduledFor) }
            if let end = maintenance.resolvedAt { changes.append(end) }
            if maintenance.isActive && status == "operational" { status = "under_maintenance" }
        }
        return ComponentState(component: component, status: status, position: position, changedAt: changes.max(), groupID: groupID)
    }
}
