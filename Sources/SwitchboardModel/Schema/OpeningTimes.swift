/// Opening times of one day, `09:00-17:30`, in minutes after midnight.
public struct OpeningTimes: Sendable, Hashable, Codable {
    public var opens: Int
    public var closes: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let opens = Self.minutes(parts[0]), let closes = Self.minutes(parts[1]), opens < closes else {
            return nil
        }
        self.opens = opens
        self.closes = closes
    }

    static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes),
              hours * 60 + minutes <= 24 * 60
        else { return nil }
        return hours * 60 + minutes
    }

    /// `09:00`.
    public static func clock(_ minutes: Int) -> String {
        "\(Day.pad(minutes / 60, 2)):\(Day.pad(minutes % 60, 2))"
    }

    public var opensText: String { Self.clock(opens) }
    public var closesText: String { Self.clock(closes) }
}
