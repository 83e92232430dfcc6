import SwitchboardModel

/// The incident history as Atom and RSS 2.0: one entry per published
/// incident, newest first, with its updates as HTML.
struct StatusFeeds: Sendable {
    var snapshot: StatusSnapshot
    var api: StatusAPI { StatusAPI(snapshot: snapshot) }

    static let atomPath = SiteURL.statusAtom
    static let rssPath = SiteURL.statusRSS

    private var title: String { "\(snapshot.site.config.title): service status history" }
    private var subtitle: String { "Incidents affecting services listed on the \(snapshot.site.config.title) status page." }

    /// The latest incident change, else the build clock: the feed changes only when an incident does.
    private var updated: Instant { snapshot.incidents.map(\.updatedAt).max() ?? snapshot.now }

    var atom: String {
        let e = XMLText.escape
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(e(snapshot.site.config.language))">
          <id>\(e(api.absolute(SiteURL.status)))</id>
          <title>\(e(title))</title>
          <subtitle>\(e(subtitle))</subtitle>
          <updated>\(updated)</updated>
          <link rel="alternate" type="text/html" href="\(e(api.absolute(SiteURL.status)))"/>
          <link rel="self" type="application/atom+xml" href="\(e(api.absolute(Self.atomPath)))"/>
          <author><name>\(e(snapshot.site.config.organisation))</name></author>

        """
        for incident in snapshot.incidents {
            let url = api.absolute(SiteURL.incident(incident.slug))
            out += """
              <entry>
                <id>\(e(url))</id>
                <title>\(e(incident.incident.title))</title>
                <published>\(incident.createdAt)</published>
                <updated>\(incident.updatedAt)</updated>
                <link rel="alternate" type="text/html" href="\(e(url))"/>
                <category term="\(e(incident.incident.impact))" label="\(e(StatusLevels.label(forImpact: incident.incident.impact)))"/>
                <summary>\(e(summary(incident)))</summary>
                <content type="html">\(e(html(incident)))</content>
              </entry>

            """
        }
        return out + "</feed>\n"
    }

    var rss: String {
        let e = XMLText.escape
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
          <channel>
            <title>\(e(title))</title>
            <link>\(e(api.absolute(SiteURL.status)))</link>
            <description>\(e(subtitle))</description>
            <language>\(e(snapshot.site.config.language))</language>
            <lastBuildDate>\(StatusTime.rfc822(updated))</lastBuildDate>
            <atom:link rel="self" type="application/rss+xml" href="\(e(api.absolute(Self.rssPath)))"/>

        """
        for incident in snapshot.incidents {
            let url = api.absolute(SiteURL.incident(incident.slug))
            out += """
                <item>
                  <title>\(e(incident.incident.title))</title>
                  <link>\(e(url))</link>
                  <guid isPermaLink="true">\(e(url))</guid>
                  <pubDate>\(StatusTime.rfc822(incident.createdAt))</pubDate>
                  <category>\(e(StatusLevels.label(forImpact: incident.incident.impact)))</category>
                  <description>\(e(html(incident)))</description>
                </item>

            """
        }
        return out + "  </channel>\n</rss>\n"
    }

    /// "Resolved · Minor impact · Affects: iPECS Cloud calls".
    private func summary(_ incident: PublishedIncident) -> String {
        let names = snapshot.components.filter { state in incident.incident.components.contains { $0.id == state.component.id } }
            .map(\.component.name)
        var parts = [StatusLevels.label(forUpdateStatus: incident.status), StatusLevels.label(forImpact: incident.incident.impact)]
        if !names.isEmpty { parts.append("Affects: " + names.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    /// The updates, newest first, each with its status and UTC time.
    private func html(_ incident: PublishedIncident) -> String {
        let h = XMLText.escape
        var out = "<p>\(h(summary(incident)))</p>\n"
        for update in incident.updates.reversed() {
            out += "<h3>\(h(StatusLevels.label(forUpdateStatus: update.status))) · \(h(snapshot.time.utc(update.at)))</h3>\n"
            out += update.body.html
        }
        return out
    }
}
