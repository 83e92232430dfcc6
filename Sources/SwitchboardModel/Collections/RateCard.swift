/// `content/support/rates.yml`.
public struct RateCard: Sendable, Codable {
    public struct Item: Sendable, Codable {
        public var name: String
        public var band: String
        public var length: String
        public var price: Money
        public var note: String?
    }
    public struct Fee: Sendable, Codable {
        public var name: String
        public var price: Money
        public var unit: String?
        public var note: String?
    }

    public var info: EntryInfo
    public var currency: String
    public var items: [Item]
    public var fees: [Fee]
    public var notes: MarkdownText?

    init(_ info: EntryInfo, _ r: Record) {
        self.info = info
        currency = r.string("currency")
        items = r.records("items").map {
            Item(name: $0.string("name"), band: $0.string("band"), length: $0.string("length"), price: $0.money("price"), note: $0.optionalString("note"))
        }
        fees = r.records("fees").map {
            Fee(name: $0.string("name"), price: $0.money("price"), unit: $0.optionalString("unit"), note: $0.optionalString("note"))
        }
        notes = r.markdown("notes")
    }

    public func format(_ money: Money) -> String { money.formatted(currency: currency) }
}
