import SwitchboardModel

/// `/support/` (hours, closures, out-of-hours service, targets, checklists),
/// `/support/rates/` and a page per checklist.
enum SupportPages {
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The opening hours, for the support page and the home page. `hours_json` feeds
    /// the "open now" line that a script works out in the desk's time zone.
    static func hoursContext(_ hours: SupportHours, site: Site) -> TemplateContext {
        let week = hours.weekly.enumerated().map { index, times -> TemplateContext in
            var row: TemplateContext = ["day": dayNames[index]]
            if let times { row["times"] = "\(times.opensText)–\(times.closesText)" } else { row["closed"] = true }
            return row
        }
        let today = site.now.day
        let upcoming = hours.closures.filter { $0.date >= today }.prefix(12).map { closure -> TemplateContext in
            ["date": "\(dayNames[closure.date.weekdayFromMonday]) \(ContextHelpers.long(closure.date))", "date_iso": closure.date.description, "name": closure.name]
        }
        let weekly = hours.weekly.map { times in times.map { "[\($0.opens),\($0.closes)]" } ?? "null" }.joined(separator: ",")
        let closures = hours.closures.map { JSONText.quote($0.date.description) }.joined(separator: ",")
        var context: TemplateContext = [
            "time_zone": hours.timeZone,
            "week": week,
            "hours_json": "{\"timeZone\":\(JSONText.quote(hours.timeZone)),\"weekly\":[\(weekly)],\"closures\":[\(closures)]}",
        ]
        if !upcoming.isEmpty { context["closures"] = Array(upcoming) }
        return context
    }

    static func build(_ site: Site) -> PageSet {
        var set = PageSet()
        let base = site.basePath
        var context: TemplateContext = [:]
        var text: [String] = []
        if let hours = site.hours {
            context["hours"] = hoursContext(hours, site: site)
            let outOfHours = hours.outOfHours.map { service -> TemplateContext in
                var item: TemplateContext = ["availability": service.availability, "products": ContextHelpers.products(service.products, in: site)]
                if let within = service.respondWithin { item["respond_within"] = within.spoken }
                item["request_url"] = service.requestURL ?? false
                item["request_tbc"] = service.requestPlaceholder.map(ContextHelpers.placeholder) ?? false
                return item
            }
            if !outOfHours.isEmpty { context["out_of_hours"] = outOfHours }
            let targets = hours.targets.map { target -> TemplateContext in
                var item: TemplateContext = ["name": target.name, "respond_within": target.respondWithin.spoken]
                if let note = target.note { item["note"] = note }
                return item
            }
            if !targets.isEmpty { context["targets"] = targets }
            if let notes = hours.notes { context["notes"] = notes.html }
            text.append(hours.weekly.enumerated().map { "\(dayNames[$0]) \($1.map { "\($0.opensText) to \($0.closesText)" } ?? "closed")" }.joined(separator: ", "))
            text += hours.outOfHours.map(\.availability)
            text += hours.targets.map { "\($0.name) \($0.respondWithin.spoken) \($0.note ?? "")" }
        }
        if !site.checklists.isEmpty {
            context["checklists"] = site.checklists.map { checklist -> TemplateContext in
                var item: TemplateContext = ["title": checklist.title, "url": base + (checklist.info.url ?? "")]
                if let summary = checklist.summary { item["summary"] = summary }
                return item
            }
        }
        if site.rates != nil { context["rates_url"] = base + SiteURL.rates }
        if let portal = site.config.support.portalURL { context["portal_url"] = portal }
        set.pages.append(PageSpec(url: SiteURL.support, template: "support", title: "Support hours and service",
                                  description: "When the support desk is open, out-of-hours cover, response targets and checklists.",
                                  context: context, breadcrumbs: [("Home", SiteURL.home), ("Support", SiteURL.support)]))
        set.documents.append(SearchDocument(url: SiteURL.support, title: "Support hours and service", type: "Support", products: [],
                                            summary: "Opening hours, bank holiday closures, out-of-hours emergency support and response targets.",
                                            sections: [(nil, nil, text.joined(separator: ". "))]))
        if let rates = site.rates {
            set.append(ratePage(rates, site: site))
        }
        for checklist in site.checklists {
            guard let url = checklist.info.url else { continue }
            var context: TemplateContext = [
                "items": checklist.items.enumerated().map { index, item -> TemplateContext in
                    var entry: TemplateContext = ["id": "\(checklist.info.slug)-\(index + 1)", "text": item.text]
                    if let detail = item.detail { entry["detail"] = detail.html }
                    if item.required { entry["required"] = true }
                    return entry
                },
            ]
            if let summary = checklist.summary { context["summary"] = summary }
            if let applies = checklist.context { context["context"] = applies }
            if !checklist.appliesTo.isEmpty { context["products"] = ContextHelpers.products(checklist.appliesTo, in: site) }
            set.pages.append(PageSpec(url: url, template: "checklist", title: checklist.title, description: checklist.summary, context: context,
                                      breadcrumbs: [("Home", SiteURL.home), ("Support", SiteURL.support), (checklist.title, url)]))
            set.documents.append(SearchDocument(url: url, title: checklist.title, type: "Checklist", products: checklist.appliesTo,
                                                summary: checklist.summary ?? "",
                                                sections: [(nil, nil, checklist.items.map { $0.text + " " + ($0.detail?.rendered.plainText ?? "") }.joined(separator: " "))]))
        }
        return set
    }

    static func ratePage(_ rates: RateCard, site: Site) -> PageSet {
        var set = PageSet()
        // Only what the length says: the policy gives "(4 Hours)" for the standard half day alone,
        // so an item's note says it where it applies.
        let lengths = ["1h": "1 hour", "half-day": "Half day", "day": "1 day"]
        let bands = [("standard", "Standard working hours"), ("out-of-hours", "Out of working hours")]
        let tables = bands.compactMap { band, title -> TemplateContext? in
            let items = rates.items.filter { $0.band == band }
            guard !items.isEmpty else { return nil }
            return ["title": title, "items": items.map { item -> TemplateContext in
                var row: TemplateContext = ["name": item.name, "length": lengths[item.length] ?? item.length, "price": rates.format(item.price)]
                if let note = item.note { row["note"] = note }
                return row
            }]
        }
        var context: TemplateContext = ["bands": tables, "currency": rates.currency]
        if !rates.fees.isEmpty {
            context["fees"] = rates.fees.map { fee -> TemplateContext in
                var row: TemplateContext = ["name": fee.name, "price": rates.format(fee.price)]
                if let unit = fee.unit { row["unit"] = unit }
                if let note = fee.note { row["note"] = note }
                return row
            }
        }
        if let notes = rates.notes { context["notes"] = notes.html }
        set.pages.append(PageSpec(url: SiteURL.rates, template: "rates", title: "Professional services rates",
                                  description: "Chargeable remote services and fees.", context: context,
                                  breadcrumbs: [("Home", SiteURL.home), ("Support", SiteURL.support), ("Rates", SiteURL.rates)]))
        let text = rates.items.map { "\($0.name) \($0.band) \(lengths[$0.length] ?? $0.length) \(rates.format($0.price))" }
            + rates.fees.map { "\($0.name) \(rates.format($0.price)) \($0.unit ?? "") \($0.note ?? "")" }
        set.documents.append(SearchDocument(url: SiteURL.rates, title: "Professional services rates", type: "Support", products: [],
                                            summary: "Remote session prices in and out of hours, device testing and other fees.",
                                            sections: [(nil, nil, text.joined(separator: ". ") + " " + (rates.notes?.rendered.plainText ?? ""))]))
        return set
    }
}
