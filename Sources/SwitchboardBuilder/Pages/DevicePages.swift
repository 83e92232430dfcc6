import Foundation
import SwitchboardModel

/// `/devices/`: the approved list, a page per device, and `devices.json` / `devices.csv`.
enum DevicePages {
    static let platformNames = ["ipecs-cloud": "iPECS Cloud", "ipecs-ucp": "iPECS UCP"]
    static let functionNames = [
        "registration": "Registration", "inbound-calls": "Inbound calls", "outbound-calls": "Outbound calls",
        "transfer": "Transfer", "hold": "Hold", "conference": "Conference", "voicemail": "Voicemail",
    ]

    /// The fields of a device that may hold a placeholder, in the order outputs list them.
    static let confirmable = ["firmware", "approved", "licence_id", "tested", "interop_url"]

    static func row(_ device: SIPDevice, base: String) -> TemplateContext {
        var row: TemplateContext = [
            "manufacturer": device.manufacturer, "model": device.model, "firmware": device.firmware,
            "url": base + (device.info.url ?? ""), "status": device.status.rawValue,
            "platforms": device.platforms.map { platformNames[$0] ?? $0 }.joined(separator: ", "),
            "platform_ids": device.platforms.joined(separator: " "),
            "tested": device.tested.map { functionNames[$0] ?? $0 }.joined(separator: ", "),
        ]
        if let approved = device.approved {
            row["approved"] = ContextHelpers.long(approved)
            row["approved_iso"] = approved.description
        }
        // `<field>_tbc` is present, false or a placeholder, for every confirmable field: a key
        // missing from a row would be looked up in the enclosing page context.
        for field in confirmable {
            row[field + "_tbc"] = device.placeholders[field].map(ContextHelpers.placeholder) ?? false
        }
        if device.example { row["example"] = true }
        return row
    }

    /// The firmware as a plain text: the version, or "To be confirmed".
    static func firmwareText(_ device: SIPDevice) -> String {
        device.placeholders["firmware"] == nil ? device.firmware : Placeholder.marker.lowercased()
    }

    /// A field's value for the JSON and CSV files, or the placeholder's marker and note.
    static func plain(_ device: SIPDevice, _ field: String, _ value: String?) -> String? {
        device.placeholders[field]?.plainText ?? value
    }

    static func build(_ site: Site) -> PageSet {
        var set = PageSet()
        guard !site.devices.isEmpty else { return set }
        let base = site.basePath
        let approved = site.devices.filter { $0.status == .approved }
        let testing = site.devices.filter { $0.status == .testing }
        let withdrawn = site.devices.filter { $0.status == .withdrawn }
        var context: TemplateContext = [
            "approved": approved.map { row($0, base: base) },
            "manufacturers": Array(Set(site.devices.map(\.manufacturer))).sorted(),
            "platforms": Schemas.platforms.map { ["id": $0, "name": platformNames[$0] ?? $0] as TemplateContext },
            "json_url": base + SiteURL.devicesJSON,
            "csv_url": base + SiteURL.devicesCSV,
        ]
        if !testing.isEmpty { context["testing"] = testing.map { row($0, base: base) }; context["has_testing"] = true }
        if !withdrawn.isEmpty { context["withdrawn"] = withdrawn.map { row($0, base: base) }; context["has_withdrawn"] = true }
        if let fee = site.rates?.fees.first(where: { $0.name.lowercased().contains("test") }), let rates = site.rates {
            context["testing_fee"] = rates.format(fee.price)
        }
        if let list = site.config.support.approvedDevicesURL { context["approved_list_url"] = list }
        if let policy = site.policies.first(where: { $0.info.slug.contains("sip-device") }) {
            context["policy_url"] = base + (policy.info.url ?? "")
        }
        set.pages.append(PageSpec(url: SiteURL.devices, template: "devices", title: "Approved third-party SIP devices",
                                  description: "The devices and exact firmware versions approved for connection to iPECS Cloud.",
                                  context: context, breadcrumbs: [("Home", SiteURL.home), ("SIP devices", SiteURL.devices)]))
        for device in site.devices {
            guard let url = device.info.url else { continue }
            var context = row(device, base: base)
            if let notes = device.notes { context["notes"] = notes.html }
            if !device.notTested.isEmpty { context["not_tested"] = device.notTested.joined(separator: ", ") }
            if let licence = device.licenceID { context["licence_id"] = licence }
            if let interop = device.interopURL { context["interop_url"] = interop }
            context["status_label"] = ["approved": "Approved", "testing": "In testing", "withdrawn": "Withdrawn"][device.status.rawValue]
            let firmware = firmwareText(device)
            let title = "\(device.name) (firmware \(firmware))"
            let unconfirmed = confirmable.compactMap { field in
                device.placeholders[field].map { "\(field.replacingOccurrences(of: "_", with: " ")): \($0.plainText)" }
            }
            set.pages.append(PageSpec(url: url, template: "device", title: title,
                                      description: "\(device.name) firmware \(firmware): \(device.status.rawValue).",
                                      context: context, breadcrumbs: [("Home", SiteURL.home), ("SIP devices", SiteURL.devices), (device.name, url)]))
            set.documents.append(SearchDocument(url: url, title: title, type: "Device", products: device.platforms,
                                                summary: "\(device.status.rawValue.capitalized) on \(device.platforms.map { platformNames[$0] ?? $0 }.joined(separator: ", ")). Firmware \(device.placeholders["firmware"]?.plainText ?? device.firmware).",
                                                sections: [(nil, nil, ([device.manufacturer, device.model, "firmware", device.firmware, device.licenceID.map { "licence \($0)" } ?? ""] + unconfirmed + [device.notes?.rendered.plainText ?? ""]).joined(separator: " "))]))
        }
        set.files.append(json(site))
        set.files.append(csv(site))
        return set
    }

    static func json(_ site: Site) -> OutputFile {
        let rows = site.devices.map { d -> String in
            // A placeholder reads "To be confirmed" in its own field (never a plausible value),
            // and `unconfirmed` gives each such field's note.
            let marker = JSONText.quote(Placeholder.marker)
            func value(_ field: String, _ json: String) -> String { d.placeholders[field] == nil ? json : marker }
            let unconfirmed = confirmable.compactMap { field in d.placeholders[field].map { "\(JSONText.quote(field)): \(JSONText.quote($0.note))" } }
            var fields = [
                "\"manufacturer\": \(JSONText.quote(d.manufacturer))", "\"model\": \(JSONText.quote(d.model))",
                "\"firmware\": \(value("firmware", JSONText.quote(d.firmware)))", "\"status\": \(JSONText.quote(d.status.rawValue))",
                "\"platforms\": [\(d.platforms.map(JSONText.quote).joined(separator: ", "))]",
                "\"approved\": \(value("approved", d.approved.map { JSONText.quote($0.description) } ?? "null"))",
                "\"licence_id\": \(value("licence_id", d.licenceID.map(JSONText.quote) ?? "null"))",
                "\"tested\": \(value("tested", "[" + d.tested.map(JSONText.quote).joined(separator: ", ") + "]"))",
                "\"not_tested\": [\(d.notTested.map(JSONText.quote).joined(separator: ", "))]",
                "\"example\": \(d.example)",
                "\"unconfirmed\": {\(unconfirmed.joined(separator: ", "))}",
            ]
            fields.append("\"url\": \(JSONText.quote(site.config.origin + site.basePath + (d.info.url ?? "")))")
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return OutputFile(path: SiteURL.outputPath(SiteURL.devicesJSON), text: "[\n" + rows.joined(separator: ",\n") + "\n]\n")
    }

    static func csv(_ site: Site) -> OutputFile {
        func cell(_ text: String) -> String {
            // A leading =, +, - or @ would run as a formula in a spreadsheet.
            var value = text
            if let first = value.first, "=+-@".contains(first) { value = "'" + value }
            return value.contains(where: { ",\"\n".contains($0) }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        var out = "manufacturer,model,firmware,status,platforms,approved,licence_id,tested,not_tested,example\r\n"
        for d in site.devices {
            out += [d.manufacturer, d.model, plain(d, "firmware", d.firmware) ?? "", d.status.rawValue, d.platforms.joined(separator: " "),
                    plain(d, "approved", d.approved?.description) ?? "", plain(d, "licence_id", d.licenceID) ?? "",
                    plain(d, "tested", d.tested.joined(separator: " ")) ?? "",
                    d.notTested.joined(separator: "; "), d.example ? "yes" : "no"].map(cell).joined(separator: ",") + "\r\n"
        }
        return OutputFile(path: SiteURL.outputPath(SiteURL.devicesCSV), text: out)
    }
}
