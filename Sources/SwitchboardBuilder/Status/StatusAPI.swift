import Foundation
import SwitchboardModel

/// The Statuspage public API v2 files, with Statuspage's field names, enums
/// and field order, so that clients written for Statuspage can read them.
struct StatusAPI: Sendable {
    var snapshot: StatusSnapshot

    /// Statuspage lists at most this many incidents and maintenance windows.
    static let listLimit = 50

    /// Paths under status/api/v2/ and their JSON.
    var files: [(path: String, json: StatusJSON)] {
        let upcomingAndActive = snapshot.maintenances.filter { $0.isUpcoming || $0.isActive }
        return [
            ("summary.json", .object([
                ("page", page),
                ("components", .array(components)),
                ("incidents", .array(snapshot.unresolvedIncidents.map(incident))),
                ("scheduled_maintenances", .array(upcomingAndActive.map(maintenance))),
                ("status", status),
            ])),
            ("status.json", .object([("page", page), ("status", status)])),
            ("components.json", .object([("page", page), ("components", .array(components))])),
            ("incidents.json", .object([("page", page), ("incidents", .array(snapshot.incidents.prefix(Self.listLimit).map(incident)))])),
            ("incidents/unresolved.json", .object([("page", page), ("incidents", .array(snapshot.unresolvedIncidents.map(incident)))])),
            ("scheduled-maintenances.json", .object([
                ("page", page),
                ("scheduled_maintenances", .array(snapshot.maintenances.prefix(Self.listLimit).map(maintenance))),
            ])),
            ("scheduled-maintenances/upcoming.json", .object([
                ("page", page), ("scheduled_maintenances", .array(snapshot.maintenances.filter(\.isUpcoming).map(maintenance))),
            ])),
            ("scheduled-maintenances/active.json", .object([
                ("page", page), ("scheduled_maintenances", .array(snapshot.activeMaintenances.map(maintenance))),
            ])),
        ]
    }

    var pageID: String { StatusIDs.id("page", snapshot.site.config.baseURL) }

    /// An absolute URL of a page of the site, from its path without the base path.
    func absolute(_ path: String) -> String {
        snapshot.site.config.origin + snapshot.site.config.basePath + path
    }

    var page: StatusJSON {
        .object([
            ("id", .string(pageID)),
            ("name", .string(snapshot.site.config.title)),
            ("url", .string(absolute(SiteURL.status))),
            ("time_zone", .string(snapshot.site.config.timeZone)),
            ("updated_at", .string(StatusTime.json(snapshot.now))),
        ])
    }

    var status: StatusJSON {
        .object([("indicator", .string(snapshot.indicator)), ("description", .string(snapshot.indicatorDescription))])
    }

    /// Groups and components by position; a group precedes its members and lists their ids.
    var components: [StatusJSON] {
        snapshot.groups.flatMap { group -> [StatusJSON] in
            let members = group.members.map(component)
            guard !group.name.isEmpty else { return members }
            let created = snapshot.firstRecordAt
            let entry = StatusJSON.object([
                ("id", .string(group.id)),
                ("name", .string(group.name)),
                ("status", .string(group.status)),
                ("created_at", .string(StatusTime.json(created))),
                ("updated_at", .string(StatusTime.json(max(created, group.changedAt ?? created)))),
                ("position", .int(group.position)),
                ("description", .null),
                ("showcase", .bool(false)),
                ("start_date", .null),
                ("group_id", .null),
                ("page_id", .string(pageID)),
                ("group", .bool(true)),
                ("only_show_if_degraded", .bool(false)),
                ("components", .array(group.members.map { .string($0.component.id) })),
            ])
            return [entry] + members
        }
    }

    func component(_ state: ComponentState) -> StatusJSON {
        let created = snapshot.firstRecordAt
        return .object([
            ("id", .string(state.component.id)),
            ("name", .string(state.component.name)),
            ("status", .string(state.status)),
            ("created_at", .string(StatusTime.json(created))),
            ("updated_at", .string(StatusTime.json(max(created, state.changedAt ?? created)))),
            ("position", .int(state.position)),
            ("description", .optional(state.component.description)),
            ("showcase", .bool(true)),
            ("start_date", .null),
            ("group_id", .optional(state.groupID)),
            ("page_id", .string(pageID)),
            ("group", .bool(false)),
            ("only_show_if_degraded", .bool(false)),
        ])
    }

    /// The named components, in the order of the component list.
    private func components(named ids: [String]) -> [StatusJSON] {
        snapshot.components.filter { ids.contains($0.component.id) }.map(component)
    }

    func incident(_ published: PublishedIncident) -> StatusJSON {
        .object([
            ("id", .string(published.id)),
            ("name", .string(published.incident.title)),
            ("status", .string(published.status)),
            ("created_at", .string(StatusTime.json(published.createdAt))),
            ("updated_at", .string(StatusTime.json(published.updatedAt))),
            ("monitoring_at", .optional(published.monitoringAt.map(StatusTime.json))),
            ("resolved_at", .optional(published.resolvedAt.map(StatusTime.json))),
            ("impact", .string(published.incident.impact)),
            ("shortlink", .string(absolute(SiteURL.incident(published.slug)))),
            ("started_at", .string(StatusTime.json(published.incident.started))),
            ("page_id", .string(pageID)),
            ("incident_updates", .array(updates(published.updates, parent: published.id))),
            ("components", .array(components(named: published.incident.components.map(\.id)))),
        ])
    }

    func maintenance(_ published: PublishedMaintenance) -> StatusJSON {
        let window = published.maintenance
        return .object([
            ("id", .string(published.id)),
            ("name", .string(window.title)),
            ("status", .string(published.status)),
            ("created_at", .string(StatusTime.json(published.createdAt))),
            ("updated_at", .string(StatusTime.json(published.updatedAt))),
            ("monitoring_at", .null),
            ("resolved_at", .optional(published.resolvedAt.map(StatusTime.json))),
            ("impact", .string("maintenance")),
            ("shortlink", .string(absolute(SiteURL.maintenance(published.slug)))),
            ("started_at", .string(StatusTime.json(window.scheduledFor))),
            ("page_id", .string(pageID)),
            ("incident_updates", .array(updates(published.updates, parent: published.id))),
            ("components", .array(components(named: window.components))),
            ("scheduled_for", .string(StatusTime.json(window.scheduledFor))),
            ("scheduled_until", .string(StatusTime.json(window.scheduledUntil))),
        ])
    }

    /// Newest first, as Statuspage lists them. The body is the Markdown source:
    /// Statuspage's bodies are plain text, which Markdown reads as.
    private func updates(_ updates: [StatusUpdate], parent: String) -> [StatusJSON] {
        updates.reversed().map { update in
            let at = StatusTime.json(update.at)
            return .object([
                ("id", .string(StatusIDs.id("update", "\(parent)@\(update.at)/\(update.status)"))),
                ("status", .string(update.status)),
                ("body", .string(update.body.source.trimmingCharacters(in: .whitespacesAndNewlines))),
                ("incident_id", .string(parent)),
                ("created_at", .string(at)),
                ("updated_at", .string(at)),
                ("display_at", .string(at)),
                ("deliver_notifications", .bool(true)),
                ("custom_tweet", .null),
                ("tweet_id", .null),
            ])
        }
    }
}
