/// What a field may hold. The schemas of every collection are built from
/// these, and so are validation, decoding and the generated JSON Schemas.
public indirect enum FieldType: Sendable {
    case string
    /// A string rendered as Markdown.
    case markdown
    case int
    case bool
    /// `YYYY-MM-DD`.
    case date
    /// `YYYY-MM-DD`, or `YYYY-MM` where only the month is known.
    case dateOrMonth
    /// ISO 8601 with an offset.
    case datetime
    /// `30m`, `4h`, `1d`.
    case duration
    case email
    /// E.164 (`+441903927100`) or national digits with spaces (`01903 927100`).
    case phone
    /// https, or a site-relative path starting with `/`.
    case url
    /// A decimal amount, read exactly.
    case money
    /// An IANA time zone such as `Europe/London`.
    case timeZone
    /// An ISO 4217 currency code such as `GBP`.
    case currency
    /// `HH:MM-HH:MM`, or `closed`.
    case openingTimes
    /// An identifier: lower-case `a-z0-9-`.
    case identifier
    /// The id or slug of another entry, checked to exist.
    case reference(ReferenceKind)
    /// A former URL of the entry's page: a site path without the base path,
    /// ending in `/` or `.html` (`/kb/old-name/`). Each becomes a redirect.
    case alias
    /// One of the listed values.
    case choice([String])
    case list(FieldType, minItems: Int)
    case object(ObjectSchema)

    static func list(_ element: FieldType) -> FieldType { .list(element, minItems: 0) }

    /// A phrase for messages: "a date (YYYY-MM-DD)".
    public var expectation: String {
        switch self {
        case .string: return "text"
        case .markdown: return "Markdown text"
        case .int: return "a whole number"
        case .bool: return "true or false"
        case .date: return "a date (YYYY-MM-DD)"
        case .dateOrMonth: return "a date (YYYY-MM-DD) or a month (YYYY-MM)"
        case .datetime: return "a date and time with an offset (2026-03-02T09:15:00Z)"
        case .duration: return "a duration such as 30m, 4h or 1d"
        case .email: return "an email address"
        case .phone: return "a phone number (E.164, or national digits with spaces such as 01903 927100)"
        case .url: return "an https URL or a site-relative path starting with '/'"
        case .money: return "an amount with at most two decimal places (85.00)"
        case .timeZone: return "an IANA time zone such as Europe/London"
        case .currency: return "an ISO 4217 currency code such as GBP"
        case .openingTimes: return "opening times HH:MM-HH:MM, or closed"
        case .identifier: return "an identifier of lower-case letters, digits and hyphens"
        case .reference(let kind): return "the id of \(kind.noun)"
        case .alias: return "a site path ending in '/' or '.html' (/kb/old-name/)"
        case .choice(let values): return "one of \(values.joined(separator: ", "))"
        case .list: return "a list"
        case .object: return "a mapping"
        }
    }
}

/// What a reference points at.
public enum ReferenceKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// An id in `products.yml`.
    case product
    /// `kb/<slug>`, `faq/<slug>` or `policies/<slug>`.
    case entry
    /// The slug of a file in `escalation/`.
    case escalation
    /// The slug of a file in `policies/`.
    case policy
    /// An id in `status/components.yml`.
    case component

    public var noun: String {
        switch self {
        case .product: return "a product in products.yml"
        case .entry: return "an entry (kb/<slug>, faq/<slug> or policies/<slug>)"
        case .escalation: return "an escalation matrix in escalation/"
        case .policy: return "a policy in policies/"
        case .component: return "a component in status/components.yml"
        }
    }
}

/// One field of an object.
public struct FieldSchema: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    /// What the field is for, shown in the docs and the JSON Schema.
    public var summary: String
    /// Longer values get a warning: allowed, but worth a look.
    public var recommendedMaxLength: Int?
    /// The field may hold a placeholder (`{unconfirmed: true, note: …}`) instead of a value:
    /// a value the publisher must still supply, shown as "to be confirmed" wherever it appears.
    public var placeholder: Bool
    /// What `switchboard new` writes for the field (`EntryTemplate`), where the
    /// type alone does not give a sensible value. `{now+1h}` is the build clock plus an hour.
    public var defaultValue: String?

    public init(_ name: String, _ type: FieldType, required: Bool = false, _ summary: String = "", recommendedMaxLength: Int? = nil,
                default defaultValue: String? = nil, placeholder: Bool = false) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
        self.recommendedMaxLength = recommendedMaxLength
        self.placeholder = placeholder
        self.defaultValue = defaultValue
    }
}

/// A mapping with a fixed set of keys. Unknown keys are errors.
public struct ObjectSchema: Sendable {
    public var name: String
    public var summary: String
    public var fields: [FieldSchema]

    public init(_ name: String, _ summary: String = "", fields: [FieldSchema]) {
        self.name = name
        self.summary = summary
        self.fields = fields
    }

    public func field(named name: String) -> FieldSchema? {
        fields.first { $0.name == name }
    }
}
