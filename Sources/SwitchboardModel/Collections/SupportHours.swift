/// `content/support/hours.yml`.
public struct SupportHours: Sendable, Codable {
    public struct Closure: Sendable, Codable { public var date: Day; public var name: String }
    public struct OutOfHours: Sendable, Codable {
        public var products: [String]
        public var availability: String
        public var respondWithin: Duration?
        public var requestURL: String?
        /// Set when `request_url` is still to be confirmed.
        public var requestPlaceholder: Placeholder?
    }
    public struct Target: Sendable, Codable { public var name: String; public var respondWithin: Duration; public var note: String? }

    public var info: EntryInfo
    public var timeZone: String
    /// Monday first; nil for a closed day.
    public var weekly: [OpeningTimes?]
    public var closures: [Closure]
    public var outOfHours: [OutOfHours]
    public var targets: [Target]
    public var notes: MarkdownText?

    init(_ info: EntryInfo, _ r: Record) {
        self.info = info
        timeZone = r.string("time_zone")
        let week = r.record("weekly")
        weekly = Schemas.weekdays.map { week?.optionalString($0).flatMap(OpeningTimes.init) }
        closures = r.records("closures").map { Closure(date: $0.date("date") ?? Day(year: 1970, month: 1, day: 1), name: $0.string("name")) }
            .sorted { $0.date < $1.date }
        outOfHours = r.records("out_of_hours").map {
            OutOfHours(products: $0.strings("products"), availability: $0.string("availability"),
                       respondWithin: $0.duration("respond_within"), requestURL: $0.optionalString("request_url"),
                       requestPlaceholder: $0.placeholders["request_url"])
        }
        targets = r.records("targets").compactMap { t in
            t.duration("respond_within").map { Target(name: t.string("name"), respondWithin: $0, note: t.optionalString("note")) }
        }
        notes = r.markdown("notes")
    }
}
