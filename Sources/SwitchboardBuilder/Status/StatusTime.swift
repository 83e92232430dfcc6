import Foundation
import SwitchboardModel

/// How times are written on the status pages, in the API and in the feeds.
/// Everything but the support time zone's name is computed by hand, so the
/// output does not depend on the machine's locale.
struct StatusTime: Sendable {
    /// The support desk's time zone, for the second time shown beside UTC.
    var timeZone: TimeZone?
    /// The locale whose short zone names are used ("GMT", "BST" for en_GB).
    var locale: Locale

    init(timeZoneIdentifier: String, language: String) {
        timeZone = TimeZone(identifier: timeZoneIdentifier)
        locale = Locale(identifier: language.replacingOccurrences(of: "-", with: "_"))
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// "26 Nov 2026, 14:05 UTC".
    func utc(_ instant: Instant) -> String {
        let (day, hour, minute) = Self.split(instant, offset: 0)
        return "\(Self.day(day)), \(Self.pad(hour)):\(Self.pad(minute)) UTC"
    }

    /// "14:05 GMT", or "00:30 BST, 1 Nov 2026" when the local date is not the UTC date.
    /// Nil when the time zone is unknown or is UTC itself, where it would repeat the UTC time.
    func local(_ instant: Instant) -> String? {
        guard let timeZone, !["UTC", "Etc/UTC", "GMT", "Etc/GMT"].contains(timeZone.identifier) else { return nil }
        let date = Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch))
        let offset = timeZone.secondsFromGMT(for: date)
        let (day, hour, minute) = Self.split(instant, offset: offset)
        var text = "\(Self.pad(hour)):\(Self.pad(minute)) \(zoneName(at: date, offset: offset))"
        if day != instant.day { text += ", \(Self.day(day))" }
        return text
    }

    /// The zone's short name at `date` ("BST"), or "UTC+05:30" where the locale has no name for it.
    private func zoneName(at date: Date, offset: Int) -> String {
        let style: NSTimeZone.NameStyle = timeZone?.isDaylightSavingTime(for: date) == true ? .shortDaylightSaving : .shortStandard
        if let name = timeZone?.localizedName(for: style, locale: locale), !name.isEmpty,
           name.allSatisfy({ $0.isLetter }) {
            return name
        }
        let sign = offset < 0 ? "-" : "+"
        return "UTC\(sign)\(Self.pad(abs(offset) / 3600)):\(Self.pad(abs(offset) % 3600 / 60))"
    }

    /// The date as it is shown on the pages: "26 Nov 2026".
    static func day(_ day: Day) -> String {
        "\(day.day) \(monthNames[day.month - 1].prefix(3)) \(day.year)"
    }

    /// "November 2026".
    static func month(year: Int, month: Int) -> String {
        "\(monthNames[month - 1]) \(year)"
    }

    /// Statuspage's timestamp form: "2026-11-25T10:20:00.000Z".
    static func json(_ instant: Instant) -> String {
        var text = instant.description
        text.removeLast()
        return text + ".000Z"
    }

    /// RFC 822 as RSS wants it: "Wed, 25 Nov 2026 10:20:00 +0000".
    static func rfc822(_ instant: Instant) -> String {
        let day = instant.day
        let seconds = instant.secondsSinceEpoch - day.daysSinceEpoch * 86_400
        let time = "\(pad(seconds / 3600)):\(pad(seconds % 3600 / 60)):\(pad(seconds % 60))"
        return "\(weekdayNames[day.weekdayFromMonday]), \(pad(day.day)) \(monthNames[day.month - 1].prefix(3)) \(day.year) \(time) +0000"
    }

    /// A duration in words: "1 h 35 min", "2 days 3 h", "20 min".
    static func duration(seconds: Int) -> String {
        let minutes = max(0, seconds) / 60
        let days = minutes / 1440, hours = minutes % 1440 / 60, rest = minutes % 60
        var parts: [String] = []
        if days > 0 { parts.append(days == 1 ? "1 day" : "\(days) days") }
        if hours > 0 { parts.append("\(hours) h") }
        if rest > 0 && days == 0 { parts.append("\(rest) min") }
        return parts.isEmpty ? "under a minute" : parts.joined(separator: " ")
    }

    private static func split(_ instant: Instant, offset: Int) -> (Day, Int, Int) {
        let local = Instant(secondsSinceEpoch: instant.secondsSinceEpoch + offset)
        let seconds = local.secondsSinceEpoch - local.day.daysSinceEpoch * 86_400
        return (local.day, seconds / 3600, seconds % 3600 / 60)
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
