/// An amount of money read exactly from its decimal text (`85.00`, `1050`):
/// never through a floating-point number.
public struct Money: Sendable, Hashable, Comparable, Codable {
    /// The amount in hundredths (pence, cents).
    public var minorUnits: Int

    public init(minorUnits: Int) {
        self.minorUnits = minorUnits
    }

    /// Parses digits with at most two decimal places; thousands separators are not allowed.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 12,
              whole.allSatisfy(\.isASCIIDigit)
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = Int(digits)! * (digits.count == 1 ? 10 : 1)
        }
        minorUnits = Int(whole)! * 100 + fraction
    }

    /// `1,050.00` with the currency's symbol in front where it has a common one.
    public func formatted(currency: String) -> String {
        let symbol = ["GBP": "£", "EUR": "€", "USD": "$"][currency]
        var whole = String(minorUnits / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let amount = whole + grouped + "." + Day.pad(minorUnits % 100, 2)
        return symbol.map { $0 + amount } ?? "\(amount) \(currency)"
    }

    /// `85.00`: the plain decimal, for data files.
    public var decimal: String { "\(minorUnits / 100).\(Day.pad(minorUnits % 100, 2))" }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }
}
