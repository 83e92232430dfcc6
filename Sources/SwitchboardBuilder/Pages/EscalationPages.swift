import SwitchboardModel

/// `/escalation/` and a page per escalation matrix.
enum EscalationPages {
    static func context(_ matrix: EscalationMatrix, site: Site) -> TemplateContext {
        let levels = matrix.levels.enumerated().map { index, level -> TemplateContext in
            let cc = matrix.alwaysCC + level.cc
            let emails = level.contacts.compactMap(\.email)
            let together = level.emailTogether && emails.count > 1
            var item: TemplateContext = [
                "step": index + 1, "name": level.name,
                "contacts": level.contacts.map { contact -> TemplateContext in
                    var context = ContextHelpers.contact(contact, cc: cc, subject: "Escalation: ")
                    if together { context["mailto"] = false }
                    return context
                },
            ]
            if together {
                item["email_all"] = ["mailto": ContextHelpers.mailto(emails.joined(separator: ","), cc: cc, subject: "Escalation: "),
                                     "label": emails.count == 2 ? "both" : "all \(emails.count)"] as TemplateContext
            }
            if let within = level.respondWithin { item["respond_within"] = within.spoken }
            item["last"] = index == matrix.levels.count - 1
            if !level.cc.isEmpty { item["cc"] = level.cc.joined(separator: ", ") }
            item["copy_text"] = copyText(level, step: index + 1, cc: cc)
            return item
        }
        var context: TemplateContext = ["levels": levels, "products": ContextHelpers.products(matrix.appliesTo, in: site)]
        if let summary = matrix.summary { context["summary"] = summary }
        if let instructions = matrix.instructions { context["instructions"] = instructions.html }
        if !matrix.alwaysCC.isEmpty { context["always_cc"] = matrix.alwaysCC.joined(separator: ", ") }
        return context
    }

    /// A level's contacts as plain text for the "Copy level n contacts" button: what an
    /// engineer pastes into a ticket, a chat or a phone's notes.
    static func copyText(_ level: EscalationMatrix.Level, step: Int, cc: [String]) -> String {
        var lines = ["\(step). \(level.name)" + (level.respondWithin.map { " (allow \($0.spoken) for a response)" } ?? "")]
        if !cc.isEmpty { lines.append("Copy in: " + cc.joined(separator: ", ")) }
        for contact in level.contacts {
            let who = contact.name + (contact.role.map { ", " + $0 } ?? "") + (contact.scope.map { " (\($0))" } ?? "")
            let channels = [contact.email, contact.phone, contact.url].compactMap { $0 }
            lines.append(who + (channels.isEmpty ? "" : ": " + channels.joined(separator: ", ")))
        }
        return lines.joined(separator: "\n")
    }

    static func build(_ site: Site) -> PageSet {
        var set = PageSet()
        guard !site.escalations.isEmpty else { return set }
        let base = site.basePath
        let items = site.escalations.map { matrix -> TemplateContext in
            var item: TemplateContext = ["title": matrix.title, "url": base + (matrix.info.url ?? ""), "levels": "\(matrix.levels.count) levels"]
            if let summary = matrix.summary { item["summary"] = summary }
            return item
        }
        set.pages.append(PageSpec(url: SiteURL.escalation, template: "escalation-index", title: "Escalation paths",
                                  description: "Whom to contact, in order, when a fault needs escalating.",
                                  context: ["matrices": items], breadcrumbs: [("Home", SiteURL.home), ("Escalation", SiteURL.escalation)]))
        for matrix in site.escalations {
            guard let url = matrix.info.url else { continue }
            set.pages.append(PageSpec(url: url, template: "escalation", title: matrix.title, description: matrix.summary,
                                      context: context(matrix, site: site),
                                      breadcrumbs: [("Home", SiteURL.home), ("Escalation", SiteURL.escalation), (matrix.title, url)]))
            let text = matrix.levels.map { level in
                level.name + ": " + level.contacts.map { [$0.name, $0.role, $0.scope, $0.email, $0.phone].compactMap { $0 }.joined(separator: " ") }.joined(separator: "; ")
            }.joined(separator: ". ")
            set.documents.append(SearchDocument(url: url, title: matrix.title, type: "Escalation", products: matrix.appliesTo,
                                                summary: matrix.summary ?? "", sections: [(nil, nil, text + " " + (matrix.instructions?.rendered.plainText ?? ""))]))
        }
        return set
    }
}
