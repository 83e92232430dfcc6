/// The schema of every collection of the content contract
/// (`docs/content.md`). Validation, decoding, the JSON Schemas written by
/// `switchboard schema` and the field tables of the docs all come from here.
public enum Schemas {
    static let productList = FieldType.list(.reference(.product))
    /// Every collection with pages takes `aliases`; those `switchboard new` writes take `draft`.
    static let aliases = FieldSchema("aliases", .list(.alias), "Former URLs of the page, such as /kb/old-name/; each redirects here.")
    static let draft = FieldSchema("draft", .bool, "Drafts are checked but not published.")

    /// What a field marked `placeholder` may hold instead of its value (see `Placeholder`).
    public static let placeholder = ObjectSchema("Placeholder", "A value the publisher must still supply; shown as 'to be confirmed' with the note.", fields: [
        FieldSchema("unconfirmed", .bool, required: true, "Always true: the value is not stated by the policy and is still to be confirmed."),
        FieldSchema("note", .string, required: true, "What the policy does say about the value, shown after 'To be confirmed'."),
    ])

    public static let site = ObjectSchema("Site", "content/site.yml: the site's name, address and navigation.", fields: [
        FieldSchema("title", .string, required: true, "The site's name, shown in every page's header."),
        FieldSchema("description", .string, "One sentence for search engines and the home page."),
        FieldSchema("base_url", .url, required: true, "Where the site is published; a path after the host becomes every URL's prefix."),
        FieldSchema("language", .string, required: true, "The pages' language tag, such as en-GB."),
        FieldSchema("time_zone", .timeZone, required: true, "The support desk's time zone, for times shown to readers."),
        FieldSchema("organisation", .string, required: true, "Who publishes the site."),
        FieldSchema("nav", .list(.object(navItem)), "The main navigation, in order."),
        FieldSchema("support", .object(supportLinks), "How to reach the support desk; shown in every page's footer."),
        FieldSchema("repository_url", .url, "Where the content is edited; pages link to their source file under it."),
        FieldSchema("allow_raw_html", .bool, "Pass raw HTML in Markdown through. Off: it is left out of the page."),
    ])

    static let navItem = ObjectSchema("NavItem", fields: [
        FieldSchema("title", .string, required: true),
        FieldSchema("url", .url, required: true),
    ])

    static let supportLinks = ObjectSchema("SupportLinks", fields: [
        FieldSchema("phone", .phone, "The support desk's telephone number."),
        FieldSchema("doa_phone", .phone, "The number to call to verify a dead-on-arrival return."),
        FieldSchema("email", .email),
        FieldSchema("portal_url", .url, "The helpdesk portal where tickets are logged."),
        FieldSchema("emergency_url", .url, "Where out-of-hours emergency requests are made.", placeholder: true),
        FieldSchema("approved_devices_url", .url, "The official list of approved third-party SIP devices; the devices page links it."),
    ])

    public static let product = ObjectSchema("Product", "One entry of content/products.yml.", fields: [
        FieldSchema("id", .identifier, required: true, "The id other files use to refer to the product."),
        FieldSchema("name", .string, required: true),
        FieldSchema("summary", .string),
    ])

    public static let policy = ObjectSchema("Policy", "Front matter of content/policies/<slug>.md.", fields: [
        FieldSchema("title", .string, required: true),
        FieldSchema("summary", .string, required: true, "Shown in lists and search results.", recommendedMaxLength: 200),
        FieldSchema("section", .string, "The section number in the policy document, such as 2.3."),
        FieldSchema("version", .string, required: true, "The policy's version, such as 2.3.", default: "0.1"),
        FieldSchema("effective", .dateOrMonth, required: true, "When the version took effect: a date, or only the month (2023-03) when that is all the policy states."),
        FieldSchema("review_by", .date, "A warning is given once the build clock passes it."),
        FieldSchema("owner", .string),
        FieldSchema("order", .int, "Position in the list of policies; lower first."),
        FieldSchema("products", productList),
        FieldSchema("changes", .list(.object(policyChange)), "The history, newest first; the newest is this version."),
        FieldSchema("replaces", .reference(.policy), "The slug of the policy this one replaces on its effective date."),
        aliases,
        draft,
    ])

    static let policyChange = ObjectSchema("PolicyChange", fields: [
        FieldSchema("version", .string, required: true),
        FieldSchema("date", .date, required: true, "The date the version took effect."),
        FieldSchema("summary", .string, required: true, "What changed, in a sentence."),
    ])

    public static let category = ObjectSchema("Category", "content/kb/<category>/_category.yml.", fields: [
        FieldSchema("title", .string, required: true),
        FieldSchema("summary", .string, required: true, recommendedMaxLength: 200),
        FieldSchema("order", .int),
        aliases,
    ])

    public static let article = ObjectSchema("Article", "Front matter of content/kb/<category>/<slug>.md.", fields: [
        FieldSchema("title", .string, required: true),
        FieldSchema("summary", .string, required: true, recommendedMaxLength: 200),
        FieldSchema("products", productList),
        FieldSchema("tags", .list(.string)),
        FieldSchema("updated", .date, "When the article last changed; else the file's last commit date."),
        draft,
        FieldSchema("related", .list(.reference(.entry)), "kb/<slug>, faq/<slug> or policies/<slug>."),
        FieldSchema("promoted", .bool, "Shown on the home page."),
        aliases,
    ])

    public static let faq = ObjectSchema("FAQ", "Front matter of content/faq/<slug>.md; the body is the answer.", fields: [
        FieldSchema("question", .string, required: true),
        FieldSchema("category", .string, "The group the question is listed under."),
        FieldSchema("products", productList),
        FieldSchema("related", .list(.reference(.entry))),
        FieldSchema("order", .int),
        aliases,
        draft,
    ])

    public static let platforms = ["ipecs-cloud", "ipecs-ucp"]
    public static let testedFunctions = ["registration", "inbound-calls", "outbound-calls", "transfer", "hold", "conference", "voicemail"]

    public static let device = ObjectSchema("SIPDevice", "content/devices/<slug>.yml: one approved device and firmware.", fields: [
        FieldSchema("manufacturer", .string, required: true),
        FieldSchema("model", .string, required: true),
        FieldSchema("firmware", .string, required: true, "The exact approved firmware version: approval is per device and firmware.", placeholder: true),
        FieldSchema("platforms", .list(.choice(platforms), minItems: 1), required: true),
        FieldSchema("status", .choice(["approved", "testing", "withdrawn"]), required: true, default: "testing"),
        FieldSchema("approved", .date, "Required when status is approved.", placeholder: true),
        FieldSchema("licence_id", .string, "The licence's unique identifier on the platform; unique across devices.", placeholder: true),
        FieldSchema("tested", .list(.choice(testedFunctions)), "The functions Pragma tested.", placeholder: true),
        FieldSchema("not_tested", .list(.string), "Functions not tested, such as flex keys."),
        FieldSchema("notes", .markdown),
        FieldSchema("interop_url", .url, "The manufacturer's interoperability list, where the policy refers to one.", placeholder: true),
        FieldSchema("example", .bool, "An invented entry for the demo tree (examples/demo/); never in the published content."),
        aliases,
        draft,
    ])

    static let contact = ObjectSchema("Contact", "A person or desk, with at least one channel.", fields: [
        FieldSchema("name", .string, required: true),
        FieldSchema("role", .string),
        FieldSchema("scope", .string, "What the contact covers, such as Cloud or On-Premises."),
        FieldSchema("email", .email, default: "name@example.com"),
        FieldSchema("phone", .phone),
        FieldSchema("url", .url),
    ])

    static let escalationLevel = ObjectSchema("EscalationLevel", fields: [
        FieldSchema("name", .string, required: true, "Initial contact, Level one escalation team, …"),
        FieldSchema("respond_within", .duration, "How long to allow for a response before the next level."),
        FieldSchema("cc", .list(.email), "Addresses to copy in at this level."),
        FieldSchema("email_together", .bool, "Email every contact at this level in one message (the policy says 'email both'): the page offers one link addressed to all."),
        FieldSchema("contacts", .list(.object(contact), minItems: 1), required: true),
    ])

    public static let escalation = ObjectSchema("EscalationMatrix", "content/escalation/<slug>.yml.", fields: [
        FieldSchema("title", .string, required: true),
        FieldSchema("summary", .string),
        FieldSchema("applies_to", productList, required: true),
        FieldSchema("levels", .list(.object(escalationLevel), minItems: 1), required: true, "In the order they are contacted."),
        FieldSchema("always_cc", .list(.email), "Copied into every escalation email."),
        FieldSchema("instructions", .markdown),
        aliases,
        draft,
    ])

    static let contactChannels = ObjectSchema("ContactChannels", fields: [
        FieldSchema("email", .email),
        FieldSchema("phone", .phone),
        FieldSchema("url", .url),
    ])

    public static let vendor = ObjectSchema("VendorProcess", "Front matter of content/vendors/<slug>.md; the body is the process.", fields: [
        FieldSchema("title", .string, required: true),
        FieldSchema("vendor", .string, required: true),
        FieldSchema("summary", .string, required: true, recommendedMaxLength: 200),
        FieldSchema("contact", .object(contactChannels)),
        FieldSchema("escalation", .reference(.escalation), "The slug of an escalation matrix."),
        FieldSchema("products", productList),
        aliases,
        draft,
    ])

    public static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static let weekly = ObjectSchema("Weekly", "Opening times for each day, HH:MM-HH:MM or closed.",
                                     fields: weekdays.map { FieldSchema($0, .openingTimes, required: true) })

    static let closure = ObjectSchema("Closure", fields: [
        FieldSchema("date", .date, required: true),
        FieldSchema("name", .string, required: true),
    ])

    static let outOfHours = ObjectSchema("OutOfHoursService", fields: [
        FieldSchema("products", productList, required: true),
        FieldSchema("availability", .string, required: true),
        FieldSchema("respond_within", .duration),
        FieldSchema("request_url", .url, "Where the out-of-hours request is made.", placeholder: true),
    ])

    static let target = ObjectSchema("ResponseTarget", fields: [
        FieldSchema("name", .string, required: true),
        FieldSchema("respond_within", .duration, required: true),
        FieldSchema("note", .string),
    ])

    public static let hours = ObjectSchema("SupportHours", "content/support/hours.yml.", fields: [
        FieldSchema("time_zone", .timeZone, required: true),
        FieldSchema("weekly", .object(weekly), required: true),
        FieldSchema("closures", .list(.object(closure)), "Days the desk is closed, such as bank holidays."),
        FieldSchema("out_of_hours", .list(.object(outOfHours))),
        FieldSchema("targets", .list(.object(target)), "Response targets."),
        FieldSchema("notes", .markdown),
    ])

    static let rateItem = ObjectSchema("RateItem", fields: [
        FieldSchema("name", .string, required: true),
        FieldSchema("band", .choice(["standard", "out-of-hours"]), required: true),
        FieldSchema("length", .choice(["1h", "half-day", "day"]), required: true),
        FieldSchema("price", .money, required: true),
        FieldSchema("note", .string),
    ])

    static let fee = ObjectSchema("Fee", fields: [
        FieldSchema("name", .string, required: true),
        FieldSchema("price", .money, required: true),
        FieldSchema("unit", .string, "What the price is per, such as 'per hour'."),
        FieldSchema("note", .string),
    ])

    static let synonymGroup = ObjectSchema("SynonymGroup", "Words and phrases a search treats as the same.", fields: [
        FieldSchema("words", .list(.string, minItems: 2), required: true,
                    "Two or more words, abbreviations or phrases (DOA, dead on arrival, RMA)."),
        FieldSchema("note", .string, "Why they belong together; not shown on the site."),
    ])

    public static let synonyms = ObjectSchema("SearchSynonyms", "content/search/synonyms.yml: the trade's abbreviations and alternative words.", fields: [
        FieldSchema("groups", .list(.object(synonymGroup), minItems: 1), required: true),
    ])

    public static let rates = ObjectSchema("RateCard", "content/support/rates.yml.", fields: [
        FieldSchema("currency", .currency, required: true),
        FieldSchema("items", .list(.object(rateItem), minItems: 1), required: true),
        FieldSchema("fees", .list(.object(fee))),
        FieldSchema("notes", .markdown),
    ])

    static let checklistItem = ObjectSchema("ChecklistItem", fields: [
        FieldSchema("text", .string, required: true),
        FieldSchema("detail", .markdown),
        FieldSchema("required", .bool),
    ])

    public static let checklist = ObjectSchema("Checklist", "content/support/checklists/<slug>.yml.", fields: [
        FieldSchema("title", .string, required: true),
        FieldSchema("summary", .string),
        FieldSchema("applies_to", productList, "The products it applies to; or give a context."),
        FieldSchema("context", .string, "When it applies, where it is not about products.", default: "TODO: when this checklist applies"),
        FieldSchema("items", .list(.object(checklistItem), minItems: 1), required: true),
        aliases,
        draft,
    ])

    static let component = ObjectSchema("StatusComponent", fields: [
        FieldSchema("id", .identifier, required: true),
        FieldSchema("name", .string, required: true),
        FieldSchema("group", .string),
        FieldSchema("description", .string),
    ])

    public static let components = ObjectSchema("StatusComponents", "content/status/components.yml.", fields: [
        FieldSchema("components", .list(.object(component), minItems: 1), required: true),
    ])

    public static let componentStatuses = ["degraded_performance", "partial_outage", "major_outage"]

    static let affectedComponent = ObjectSchema("AffectedComponent", fields: [
        FieldSchema("id", .reference(.component), required: true),
        FieldSchema("status", .choice(componentStatuses), required: true),
    ])

    static func update(statuses: [String]) -> ObjectSchema {
        ObjectSchema("Update", fields: [
            FieldSchema("at", .datetime, required: true),
            FieldSchema("status", .choice(statuses), required: true),
            FieldSchema("body", .markdown, required: true),
        ])
    }

    public static let incidentStatuses = ["investigating", "identified", "monitoring", "resolved"]

    public static let incident = ObjectSchema("Incident", "Front matter of content/status/incidents/<slug>.md.", fields: [
        FieldSchema("title", .string, required: true),
        FieldSchema("impact", .choice(["none", "minor", "major", "critical"]), required: true),
        FieldSchema("components", .list(.object(affectedComponent)), required: true),
        FieldSchema("started", .datetime, required: true),
        FieldSchema("resolved", .datetime, "At or after started; absent while the incident is open."),
        FieldSchema("updates", .list(.object(update(statuses: incidentStatuses)), minItems: 1), required: true, "In time order."),
        aliases,
        draft,
    ])

    public static let maintenanceStatuses = ["scheduled", "in_progress", "verifying", "completed"]

    public static let maintenance = ObjectSchema("Maintenance", "Front matter of content/status/maintenance/<slug>.md.", fields: [
        FieldSchema("title", .string, required: true),
        FieldSchema("components", .list(.reference(.component), minItems: 1), required: true),
        FieldSchema("scheduled_for", .datetime, required: true),
        FieldSchema("scheduled_until", .datetime, required: true, "After scheduled_for.", default: "{now+1h}"),
        FieldSchema("updates", .list(.object(update(statuses: maintenanceStatuses))), "In time order."),
        aliases,
        draft,
    ])
}
