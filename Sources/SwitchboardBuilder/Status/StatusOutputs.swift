import SwitchboardModel

/// The service status page, its Statuspage-compatible API and its feeds, all
/// worked out from content/status/ at the build clock (`Site.now`).
public enum StatusOutputs {
    /// The API files under status/api/v2/, in the order the status page lists them.
    public static let apiPaths = [
        "summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json",
        "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json",
    ]

    /// Pages to render inside the site layout: /status/, /status/incidents/<slug>/, /status/maintenance/<slug>/, /status/history/<yyyy>-<mm>/ archive pages.
    public static func pages(for site: Site) -> [PageSpec] {
        StatusPages(snapshot: StatusSnapshot(site: site)).all
    }

    /// JSON API files and feeds (paths without leading slash, under status/).
    public static func files(for site: Site) -> [OutputFile] {
        let snapshot = StatusSnapshot(site: site)
        let api = StatusAPI(snapshot: snapshot).files.map { OutputFile(path: SiteURL.outputPath(SiteURL.statusAPI($0.path)), text: $0.json.text) }
        let feeds = StatusFeeds(snapshot: snapshot)
        return api + [
            OutputFile(path: String(StatusFeeds.atomPath.dropFirst()), text: feeds.atom),
            OutputFile(path: String(StatusFeeds.rssPath.dropFirst()), text: feeds.rss),
        ]
    }

    /// For the header of every page: nil when all systems are operational, else (indicator, description) e.g. ("minor", "Minor Service Outage").
    /// The indicator is also "maintenance" ("Service Under Maintenance") while a window is in progress and no incident is open.
    public static func banner(for site: Site) -> (indicator: String, description: String)? {
        let snapshot = StatusSnapshot(site: site)
        return snapshot.indicator == "none" ? nil : (snapshot.indicator, snapshot.indicatorDescription)
    }
}
