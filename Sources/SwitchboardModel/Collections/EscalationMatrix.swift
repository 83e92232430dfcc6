/// `content/escalation/<slug>.yml`: an ordered path of levels.
public struct EscalationMatrix: Sendable, Codable {
    public struct Level: Sendable, Codable {
        public var name: String
        public var respondWithin: Duration?
        public var cc: [String]
        public var contacts: [Contact]
        /// One email to every contact at this level, not one each.
        public var emailTogether: Bool
    }

    public var info: EntryInfo
    public var title: String
    public var summary: String?
    public var appliesTo: [String]
    public var levels: [Level]
    public var alwaysCC: [String]
    public var instructions: MarkdownText?

    init(_ info: EntryInfo, _ r: Record) {
        self.info = info
        title = r.string("title")
        summary = r.optionalString("summary")
        appliesTo = r.strings("applies_to")
        levels = r.records("levels").map {
            Level(name: $0.string("name"), respondWithin: $0.duration("respond_within"), cc: $0.strings("cc"),
                  contacts: $0.records("contacts").map(Contact.init), emailTogether: $0.bool("email_together"))
        }
        alwaysCC = r.strings("always_cc")
        instructions = r.markdown("instructions")
    }
}
