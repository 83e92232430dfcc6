/// The rules of one entry that span several of its fields.
enum EntryRules {
    static func check(_ policy: Policy, record r: Record, today: Day, diagnostics: inout DiagnosticCollector) {
        if let reviewBy = policy.reviewBy, reviewBy < today {
            diagnostics.warning("review-overdue", "the policy was due for review by \(reviewBy)", at: r.position(of: "review_by"))
        }
        if policy.replaces == policy.info.slug {
            diagnostics.error("replaces-itself", "a policy cannot replace itself; name the policy whose text this one takes over", at: r.position(of: "replaces"))
        }
        checkChanges(policy, record: r, diagnostics: &diagnostics)
    }

    /// `changes:` is newest first: versions go down and dates do not go up, and the newest is `version`.
    private static func checkChanges(_ policy: Policy, record r: Record, diagnostics: inout DiagnosticCollector) {
        if let newest = policy.changes.first, newest.version != policy.version, r.positions["version"] != nil {
            diagnostics.error("changes-version-mismatch", "the newest change is version \(newest.version), but the policy's 'version' is \(policy.version): list the newest change first",
                              at: newest.position)
        }
        for (newer, older) in zip(policy.changes, policy.changes.dropFirst()) {
            if !PolicyVersion.isLater(newer.version, than: older.version) {
                diagnostics.error("changes-out-of-order", "version \(older.version) is listed after \(newer.version): changes go newest first, each version later than the one below it",
                                  at: older.position)
            } else if older.date > newer.date {
                diagnostics.error("changes-out-of-order", "version \(older.version) is dated \(older.date), after version \(newer.version) (\(newer.date))",
                                  at: older.position)
            }
        }
    }

    static func check(_ device: SIPDevice, record r: Record, diagnostics: inout DiagnosticCollector) {
        if device.status == .approved, r.positions["approved"] == nil, r.positions["status"] != nil {
            diagnostics.error("approved-date-missing", "an approved device needs its 'approved' date", at: r.position(of: "status"))
        }
        let overlap = Set(device.tested).intersection(device.notTested)
        if let both = overlap.sorted().first {
            diagnostics.error("tested-and-not-tested", "'\(both)' is listed as both tested and not tested", at: r.position(of: "not_tested"))
        }
    }

    static func checkEscalation(_ r: Record, diagnostics: inout DiagnosticCollector) {
        var previous: Duration?
        var names = Set<String>()
        for level in r.records("levels") {
            let name = level.string("name")
            if !names.insert(name.lowercased()).inserted {
                diagnostics.error("duplicate-level", "the level '\(name)' appears twice", at: level.position(of: "name"))
            }
            if let within = level.duration("respond_within") {
                if let previous, within < previous {
                    diagnostics.error("levels-out-of-order", "'\(name)' responds within \(within.text), sooner than the level before it (\(previous.text)): levels go in the order they are contacted", at: level.position(of: "respond_within"))
                }
                previous = within
            }
            for contact in level.records("contacts")
            where contact.positions["email"] == nil && contact.positions["phone"] == nil && contact.positions["url"] == nil {
                diagnostics.error("contact-channel-missing", "the contact '\(contact.string("name"))' needs an email, phone or url", at: contact.position)
            }
        }
    }

    static func check(_ incident: Incident, record r: Record, diagnostics: inout DiagnosticCollector) {
        if let resolved = incident.resolved, resolved < incident.started {
            diagnostics.error("resolved-before-started", "'resolved' (\(resolved)) is before 'started' (\(incident.started))", at: r.position(of: "resolved"))
        }
        checkOrder(incident.updates, diagnostics: &diagnostics)
        if let first = incident.updates.first, first.at < incident.started {
            diagnostics.error("update-before-start", "the first update (\(first.at)) is before the incident started (\(incident.started))", at: first.position)
        }
        let last = incident.updates.last
        if incident.resolved != nil, let last, last.status != "resolved" {
            diagnostics.error("resolved-update-missing", "a resolved incident ends with an update whose status is 'resolved'", at: last.position)
        }
        if incident.resolved == nil, let last, last.status == "resolved" {
            diagnostics.error("resolved-time-missing", "the last update says resolved, but the incident has no 'resolved' time", at: r.position)
        }
        var seen = Set<String>()
        for component in incident.components where !seen.insert(component.id).inserted {
            diagnostics.error("duplicate-id", "the component '\(component.id)' is listed twice", at: r.position(of: "components"))
        }
    }

    static func check(_ maintenance: Maintenance, record r: Record, diagnostics: inout DiagnosticCollector) {
        if maintenance.scheduledUntil <= maintenance.scheduledFor, r.positions["scheduled_until"] != nil, r.positions["scheduled_for"] != nil {
            diagnostics.error("maintenance-ends-before-start", "'scheduled_until' (\(maintenance.scheduledUntil)) must be after 'scheduled_for' (\(maintenance.scheduledFor))", at: r.position(of: "scheduled_until"))
        }
        checkOrder(maintenance.updates, diagnostics: &diagnostics)
    }

    private static func checkOrder(_ updates: [StatusUpdate], diagnostics: inout DiagnosticCollector) {
        for (earlier, later) in zip(updates, updates.dropFirst()) where later.at < earlier.at {
            diagnostics.error("updates-out-of-order", "updates go in time order, but \(later.at) comes after \(earlier.at)", at: later.position)
        }
    }

    static func checkUnique(_ ids: [(String, SourcePosition)], what: String, diagnostics: inout DiagnosticCollector) {
        var seen: [String: SourcePosition] = [:]
        for (id, position) in ids {
            if let first = seen[id] {
                diagnostics.error("duplicate-id", "the \(what) '\(id)' is already used on line \(first.line)", at: position)
            } else {
                seen[id] = position
            }
        }
    }
}
