/// A moment in time read from an ISO 8601 date-time with an offset
/// (`2026-03-02T09:15:00Z`, `2026-03-02T10:15:00+01:00`).
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int

    public init(secondsSinceEpoch: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`. An offset is required:
    /// a time without one means different moments to different readers.
    public init?(_ text: String) {
        let scalars = Array(text.utf8)
        guard scalars.count >= 17, let day = Day(String(decoding: scalars[0..<10], as: UTF8.self)),
              scalars[10] == UInt8(ascii: "T") || scalars[10] == UInt8(ascii: " ")
        else { return nil }
        var index = 11
        func number(_ width: Int) -> Int? {
            guard index + width <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[index..<index + width] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += width
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < scalars.count, scalars[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        guard let hour = number(2), hour < 24, expect(":"), let minute = number(2), minute < 60 else { return nil }
        var second = 0
        if expect(":") {
            guard let value = number(2), value < 60 else { return nil }
            second = value
            if expect(".") {
                let start = index
                while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 { index += 1 }
                guard index > start else { return nil }
            }
        }
        var offset = 0
        if expect("Z") || expect("z") {
            offset = 0
        } else if index < scalars.count, scalars[index] == UInt8(ascii: "+") || scalars[index] == UInt8(ascii: "-") {
            let sign = scalars[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = number(2), hours < 24, expect(":"), let minutes = number(2), minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard index == scalars.count else { return nil }
        secondsSinceEpoch = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    /// The UTC calendar date.
    public var day: Day { Day(daysSinceEpoch: Int((Double(secondsSinceEpoch) / 86_400).rounded(.down))) }

    /// `2026-03-02T09:15:00Z`.
    public var description: String { iso8601(offsetSeconds: 0) }

    /// ISO 8601 with the given offset from UTC.
    public func iso8601(offsetSeconds: Int) -> String {
        let local = secondsSinceEpoch + offsetSeconds
        let days = Int((Double(local) / 86_400).rounded(.down))
        let seconds = local - days * 86_400
        let date = Day(daysSinceEpoch: days)
        let time = "\(Day.pad(seconds / 3600, 2)):\(Day.pad(seconds % 3600 / 60, 2)):\(Day.pad(seconds % 60, 2))"
        if offsetSeconds == 0 { return "\(date)T\(time)Z" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(offsetSeconds)
        return "\(date)T\(time)\(sign)\(Day.pad(magnitude / 3600, 2)):\(Day.pad(magnitude % 3600 / 60, 2))"
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}
