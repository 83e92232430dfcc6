/// The ordered vocabularies of Statuspage: component statuses, incident
/// impacts and the page indicator, with the words readers see.
public enum StatusLevels {
    /// Component statuses from best to worst. `under_maintenance` ranks just
    /// above operational: any incident status outranks a maintenance window.
    public static let componentStatuses = ["operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage"]

    /// Incident impacts from least to most severe.
    public static let impacts = ["none", "minor", "major", "critical"]

    /// The rank of a component status; unknown values rank as operational.
    public static func rank(ofComponentStatus status: String) -> Int {
        componentStatuses.firstIndex(of: status) ?? 0
    }

    /// The rank of an incident impact; unknown values rank as none.
    public static func rank(ofImpact impact: String) -> Int {
        impacts.firstIndex(of: impact) ?? 0
    }

    /// The worse of two component statuses.
    public static func worse(_ a: String, _ b: String) -> String {
        rank(ofComponentStatus: b) > rank(ofComponentStatus: a) ? b : a
    }

    /// "Degraded performance" for `degraded_performance`.
    public static func label(forComponentStatus status: String) -> String {
        switch status {
        case "operational": return "Operational"
        case "under_maintenance": return "Under maintenance"
        case "degraded_performance": return "Degraded performance"
        case "partial_outage": return "Partial outage"
        case "major_outage": return "Major outage"
        default: return status
        }
    }

    /// The label of an incident or maintenance status (`in_progress` → "In progress").
    public static func label(forUpdateStatus status: String) -> String {
        switch status {
        case "investigating": return "Investigating"
        case "identified": return "Identified"
        case "monitoring": return "Monitoring"
        case "resolved": return "Resolved"
        case "postmortem": return "Postmortem"
        case "scheduled": return "Scheduled"
        case "in_progress": return "In progress"
        case "verifying": return "Verifying"
        case "completed": return "Completed"
        default: return status
        }
    }

    /// "Minor impact" for `minor`.
    public static func label(forImpact impact: String) -> String {
        switch impact {
        case "none": return "No impact"
        case "minor": return "Minor impact"
        case "major": return "Major impact"
        case "critical": return "Critical impact"
        case "maintenance": return "Maintenance"
        default: return impact
        }
    }

    /// Statuspage's wording of the page indicator.
    public static func description(forIndicator indicator: String) -> String {
        switch indicator {
        case "minor": return "Minor Service Outage"
        case "major": return "Partial System Outage"
        case "critical": return "Major Service Outage"
        case "maintenance": return "Service Under Maintenance"
        default: return "All Systems Operational"
        }
    }
}
