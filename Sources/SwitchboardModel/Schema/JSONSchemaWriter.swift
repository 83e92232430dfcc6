/// Writes JSON Schemas (draft 2020-12) from the same schema definitions the
/// validator uses, so the two cannot drift apart.
public enum JSONSchemaWriter {
    /// File name and text of every collection's schema.
    public static func schemas() -> [(name: String, text: String)] {
        ContentCollection.allCases.compactMap { collection in
            guard let type = collection.rootType else { return nil }
            let name = "\(collection.rawValue).schema.json"
            var body = "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
            body += "  \"$id\": \(JSONText.quote(name)),\n"
            body += "  \"title\": \(JSONText.quote(collection.pattern)),\n"
            body += members(of: type, indent: "  ").joined(separator: ",\n") + "\n}\n"
            return (name, body)
        }
    }

    /// The members of the JSON object describing `type`.
    static func members(of type: FieldType, indent: String, summary: String = "") -> [String] {
        var out: [String] = []
        if !summary.isEmpty { out.append("\(indent)\"description\": \(JSONText.quote(summary))") }
        func string(pattern: String? = nil, format: String? = nil) {
            out.append("\(indent)\"type\": \"string\"")
            if let format { out.append("\(indent)\"format\": \(JSONText.quote(format))") }
            if let pattern { out.append("\(indent)\"pattern\": \(JSONText.quote(pattern))") }
        }
        switch type {
        case .string, .markdown: string()
        case .int: out.append("\(indent)\"type\": \"integer\"")
        case .bool: out.append("\(indent)\"type\": \"boolean\"")
        case .date: string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", format: "date")
        case .dateOrMonth: string(pattern: "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")
        case .datetime: string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|z|[+-][0-9]{2}:[0-9]{2})$", format: "date-time")
        case .duration: string(pattern: "^([0-9]+[smhdw])+$")
        case .email: string(format: "email")
        case .phone: string(pattern: "^(\\+[0-9 ]{8,20}|0[0-9 ]{8,16}[0-9])$")
        case .url: string(pattern: "^(https://|/(?!/))")
        case .alias: string(pattern: "^/([^/ ?#][^ ?#]*)?(/|[.]html)$")
        case .money:
            out.append("\(indent)\"type\": [\"string\", \"number\"]")
            out.append("\(indent)\"pattern\": \"^[0-9]{1,12}(\\\\.[0-9]{1,2})?$\"")
        case .timeZone: string(pattern: "^[A-Za-z_]+(/[A-Za-z0-9_+-]+)+$|^UTC$")
        case .currency: string(pattern: "^[A-Z]{3}$")
        case .openingTimes: string(pattern: "^([0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]|closed)$")
        case .identifier, .reference: string(pattern: type.isReferenceToEntry ? "^(kb|faq|policies)/[a-z0-9]+(-[a-z0-9]+)*$" : "^[a-z0-9]+(-[a-z0-9]+)*$")
        case .choice(let values):
            out.append("\(indent)\"enum\": [\(values.map(JSONText.quote).joined(separator: ", "))]")
        case .list(let element, let minItems):
            out.append("\(indent)\"type\": \"array\"")
            if minItems > 0 { out.append("\(indent)\"minItems\": \(minItems)") }
            out.append("\(indent)\"items\": {\n" + members(of: element, indent: indent + "  ").joined(separator: ",\n") + "\n\(indent)}")
        case .object(let schema):
            out.append("\(indent)\"type\": \"object\"")
            if !schema.summary.isEmpty, summary.isEmpty { out.append("\(indent)\"description\": \(JSONText.quote(schema.summary))") }
            let properties = schema.fields.map { field in
                "\(indent)  \(JSONText.quote(field.name)): {\n"
                    + (field.placeholder ? valueOrPlaceholder(field, indent: indent + "    ")
                                         : members(of: field.type, indent: indent + "    ", summary: field.summary)).joined(separator: ",\n")
                    + "\n\(indent)  }"
            }
            out.append("\(indent)\"properties\": {\n" + properties.joined(separator: ",\n") + "\n\(indent)}")
            let required = schema.fields.filter(\.required).map { JSONText.quote($0.name) }
            if !required.isEmpty { out.append("\(indent)\"required\": [\(required.joined(separator: ", "))]") }
            out.append("\(indent)\"additionalProperties\": false")
        }
        return out
    }
}

extension JSONSchemaWriter {
    /// A field that may hold its value or a placeholder: `anyOf` the two.
    static func valueOrPlaceholder(_ field: FieldSchema, indent: String) -> [String] {
        var out: [String] = []
        if !field.summary.isEmpty { out.append("\(indent)\"description\": \(JSONText.quote(field.summary))") }
        let value = members(of: field.type, indent: indent + "    ").joined(separator: ",\n")
        let placeholder = members(of: .object(Schemas.placeholder), indent: indent + "    ").joined(separator: ",\n")
        out.append("\(indent)\"anyOf\": [\n\(indent)  {\n\(value)\n\(indent)  },\n\(indent)  {\n\(placeholder)\n\(indent)  }\n\(indent)]")
        return out
    }
}

extension FieldType {
    var isReferenceToEntry: Bool {
        if case .reference(.entry) = self { return true }
        return false
    }
}
