import SwitchboardModel

/// A calendar month of the incident history, by UTC start time.
struct StatusMonth: Sendable, Hashable, Comparable {
    var year: Int
    var month: Int

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    init(_ instant: Instant) {
        let day = instant.day
        self.init(year: day.year, month: day.month)
    }

    /// "2026-11": the archive page's slug.
    var key: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    /// "November 2026".
    var title: String { StatusTime.month(year: year, month: month) }
    /// The archive page's path without the base path.
    var path: String { SiteURL.statusHistory(key) }

    var next: StatusMonth { month == 12 ? StatusMonth(year: year + 1, month: 1) : StatusMonth(year: year, month: month + 1) }

    /// Every month from `first` to `last`, oldest first.
    static func range(_ first: StatusMonth, _ last: StatusMonth) -> [StatusMonth] {
        var months: [StatusMonth] = []
        var month = first
        while month <= last {
            months.append(month)
            month = month.next
        }
        return months
    }

    static func < (lhs: StatusMonth, rhs: StatusMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
