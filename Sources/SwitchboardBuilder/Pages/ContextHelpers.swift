import SwitchboardMarkdown
import SwitchboardModel

/// Small conversions shared by the page families.
enum ContextHelpers {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// `1 March 2023`.
    static func long(_ day: Day) -> String { "\(day.day) \(monthNames[day.month - 1]) \(day.year)" }

    /// A placeholder for a template: its marker and note.
    static func placeholder(_ placeholder: Placeholder) -> TemplateContext {
        ["marker": Placeholder.marker, "note": placeholder.note]
    }

    /// `March 2023`, where only the month is known.
    static func monthAndYear(_ day: Day) -> String { "\(monthNames[day.month - 1]) \(day.year)" }

    /// A policy's effective date as stated: "March 2023" when the policy gives only the month
    /// (never an invented first of the month), else "1 March 2023"; with its ISO form.
    static func effective(_ policy: Policy) -> (text: String, iso: String) {
        policy.effectiveIsMonth
            ? (monthAndYear(policy.effective), String(policy.effective.description.prefix(7)))
            : (long(policy.effective), policy.effective.description)
    }

    /// The table of contents of a rendered body.
    static func toc(_ rendered: RenderedMarkdown) -> [TemplateContext] {
        toc(tocEntries(rendered))
    }

    /// The entries of a rendered body's table of contents: each heading's text and id, and
    /// whether it is under another (an h3).
    static func tocEntries(_ rendered: RenderedMarkdown) -> [(title: String, id: String, sub: Bool)] {
        rendered.tableOfContents.map { ($0.text, $0.id, $0.level == 3) }
    }

    /// A table of contents as template items.
    static func toc(_ entries: [(title: String, id: String, sub: Bool)]) -> [TemplateContext] {
        entries.map { ["title": $0.title, "id": $0.id, "sub": $0.sub] as TemplateContext }
    }

    /// The names of product ids, in the given order.
    static func products(_ ids: [String], in site: Site) -> [TemplateContext] {
        products(ids, names: productNames(ids, in: site))
    }

    /// Each product id's name, or the id itself for one the site does not list.
    static func productNames(_ ids: [String], in site: Site) -> [String] {
        ids.map { site.product($0)?.name ?? $0 }
    }

    /// Product ids with their names (`productNames`) as template items.
    static func products(_ ids: [String], names: [String]) -> [TemplateContext] {
        zip(ids, names).map { ["id": $0, "name": $1] as TemplateContext }
    }

    /// Search sections from a rendered body.
    static func sections(_ sections: [MarkdownSection]) -> [(anchor: String?, heading: String?, text: String)] {
        sections.map { ($0.heading?.id, $0.heading?.text, $0.text) }
    }

    /// A contact's channels as links.
    /// Every optional channel is present, `false` when absent: Mustache looks a key
    /// missing from a list item up in the enclosing contexts, where a page's own
    /// `url` once appeared as the contact's.
    static func contact(_ contact: Contact, cc: [String], subject: String) -> TemplateContext {
        var context: TemplateContext = ["name": contact.name, "role": false, "scope": false, "email": false, "mailto": false,
                                        "phone": false, "tel": false, "url": false]
        if let role = contact.role { context["role"] = role }
        if let scope = contact.scope { context["scope"] = scope }
        if let email = contact.email {
            context["email"] = email
            context["mailto"] = mailto(email, cc: cc, subject: subject)
        }
        if let phone = contact.phone {
            context["phone"] = phone
            context["tel"] = "tel:" + Formats.dialable(phone)
        }
        if let url = contact.url { context["url"] = url }
        return context
    }

    /// A `mailto:` link with copies and a subject filled in.
    static func mailto(_ email: String, cc: [String], subject: String) -> String {
        var query: [String] = []
        let copies = cc.filter { $0 != email }
        if !copies.isEmpty { query.append("cc=" + copies.joined(separator: ",")) }
        if !subject.isEmpty { query.append("subject=" + percentEncode(subject)) }
        return "mailto:\(email)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isLetter && c.isASCII || c.isNumber && c.isASCII || "-_.~".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    /// Escapes text for XML and HTML attribute values.
    var xmlEscaped: String { XMLText.escape(self) }
}
