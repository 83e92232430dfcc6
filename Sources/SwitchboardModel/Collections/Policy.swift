/// `content/policies/<slug>.md`.
public struct Policy: Sendable, Codable {
    public var info: EntryInfo
    public var title: String
    public var summary: String
    public var section: String?
    public var version: String
    /// The day the version took effect; the month's first day when `effectiveIsMonth`.
    public var effective: Day
    /// Only the month is known (`effective: 2023-03`): show "March 2023", never a day.
    public var effectiveIsMonth: Bool
    public var reviewBy: Day?
    public var owner: String?
    public var order: Int
    public var products: [String]
    /// The history, newest first (validated by `EntryRules`).
    public var changes: [PolicyChange]
    /// The slug of the policy this one takes over from on its `effective` date.
    public var replaces: String?
    public var body: MarkdownText
}

// In an extension, so the struct keeps its memberwise initialiser (`LoadedFileReader` uses it).
extension Policy {
    init(_ info: EntryInfo, _ r: Record, body: MarkdownText) {
        self.info = info
        title = r.string("title")
        summary = r.string("summary")
        section = r.optionalString("section")
        version = r.string("version")
        effective = r.date("effective") ?? r.month("effective") ?? Day(year: 1970, month: 1, day: 1)
        effectiveIsMonth = r.month("effective") != nil
        reviewBy = r.date("review_by")
        owner = r.optionalString("owner")
        order = r.int("order") ?? Int.max
        products = r.strings("products")
        changes = r.records("changes").map(PolicyChange.init)
        replaces = r.optionalString("replaces")
        self.body = body
    }
}

/// One entry of a policy's `changes:`.
public struct PolicyChange: Sendable, Codable {
    public var version: String
    public var date: Day
    public var summary: String
    public var position: SourcePosition

    init(_ r: Record) {
        version = r.string("version")
        date = r.date("date") ?? Day(year: 1970, month: 1, day: 1)
        summary = r.string("summary")
        position = r.position
    }
}

/// Versions such as `2.3` or `2.10`, compared part by part as numbers.
public enum PolicyVersion {
    /// Whether `a` is a later version than `b`: numeric parts compared as numbers, other parts as text.
    public static func isLater(_ a: String, than b: String) -> Bool {
        let left = a.split(separator: "."), right = b.split(separator: ".")
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "0"
            let r = index < right.count ? String(right[index]) : "0"
            if l == r { continue }
            if let ln = Int(l), let rn = Int(r) { return ln > rn }
            return l > r
        }
        return false
    }
}
