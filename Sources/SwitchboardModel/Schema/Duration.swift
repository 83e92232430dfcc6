/// A span of time written `30m`, `4h`, `1d` (also `2w`, `45s`, and combinations like `1h30m`).
public struct Duration: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var seconds: Int
    /// The text as written, for display.
    public var text: String

    public init?(_ text: String) {
        var total = 0
        var number: Int?
        var sawUnit = false
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                number = (number ?? 0) * 10 + digit
                continue
            }
            guard let value = number else { return nil }
            switch character {
            case "s": total += value
            case "m": total += value * 60
            case "h": total += value * 3600
            case "d": total += value * 86_400
            case "w": total += value * 604_800
            default: return nil
            }
            number = nil
            sawUnit = true
        }
        guard number == nil, sawUnit, total > 0 else { return nil }
        self.seconds = total
        self.text = text
    }

    /// Words for people: "30 minutes", "4 hours", "1 hour", "5 days".
    public var spoken: String {
        func unit(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if seconds % 604_800 == 0 { return unit(seconds / 604_800, "week") }
        if seconds % 86_400 == 0 { return unit(seconds / 86_400, "day") }
        if seconds % 3600 == 0 { return unit(seconds / 3600, "hour") }
        if seconds % 60 == 0 {
            let minutes = seconds / 60
            return minutes > 60 ? "\(unit(minutes / 60, "hour")) \(unit(minutes % 60, "minute"))" : unit(minutes, "minute")
        }
        return unit(seconds, "second")
    }

    public var description: String { text }

    public static func < (lhs: Duration, rhs: Duration) -> Bool { lhs.seconds < rhs.seconds }
}
