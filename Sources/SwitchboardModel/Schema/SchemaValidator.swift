import Foundation

/// Checks a YAML tree against a schema and turns it into typed values,
/// reporting every problem it meets rather than stopping at the first.
struct SchemaValidator {
    var diagnostics: DiagnosticCollector
    var references: [ReferenceUse] = []
    /// The file's `aliases`, with their positions, for the redirect checks.
    var aliases: [Alias] = []
    var linker: PageLinker

    init(diagnostics: DiagnosticCollector, linker: PageLinker) {
        self.diagnostics = diagnostics
        self.linker = linker
    }

    /// Validates a file's root node: a mapping for most collections.
    mutating func validateRoot(_ node: YAMLNode?, as type: FieldType, named name: String) -> Value? {
        guard let node, !node.isNull else {
            if case .object(let schema) = type {
                return .record(validateObject(YAMLNode(.mapping([]), at: .start), schema: schema, path: ""))
            }
            diagnostics.error("wrong-type", "the file must hold \(type.expectation) of \(name)")
            return nil
        }
        return validate(node, as: type, path: "")
    }

    mutating func validate(_ node: YAMLNode, as type: FieldType, path: String) -> Value? {
        switch type {
        case .object(let schema):
            guard case .mapping = node.content else {
                return mismatch(node, path: path, expected: "a mapping of \(schema.name) fields")
            }
            return .record(validateObject(node, schema: schema, path: path))
        case .list(let element, let minItems):
            guard case .sequence(let items) = node.content else {
                return mismatch(node, path: path, expected: "a list")
            }
            if items.count < minItems {
                diagnostics.error("too-few-items", "\(describe(path)) must have at least \(minItems) item\(minItems == 1 ? "" : "s")", at: node.position)
            }
            var values: [Value] = []
            for (index, item) in items.enumerated() {
                if let value = validate(item, as: element, path: "\(path)[\(index)]") {
                    values.append(value)
                }
            }
            return .list(values)
        default:
            guard let text = node.scalar, !node.isNull else {
                return mismatch(node, path: path, expected: type.expectation)
            }
            return validateScalar(text, node: node, as: type, path: path)
        }
    }

    mutating func validateObject(_ node: YAMLNode, schema: ObjectSchema, path: String) -> Record {
        var record = Record(position: node.position)
        guard case .mapping(let pairs) = node.content else { return record }
        for (key, value) in pairs {
            guard let name = key.scalar else {
                diagnostics.error("wrong-type", "a key must be a single word, not \(key.kindDescription)", at: key.position)
                continue
            }
            guard let field = schema.field(named: name) else {
                let suggestion = Suggestion.didYouMean(name, in: schema.fields.map(\.name))
                diagnostics.error("unknown-key", "unknown key '\(name)' in \(schema.name)\(suggestion)", at: key.position)
                continue
            }
            record.positions[name] = value.position
            let fieldPath = path.isEmpty ? name : "\(path).\(name)"
            if value.isNull {
                if field.required {
                    diagnostics.error("missing-value", "'\(fieldPath)' is required but has no value", at: key.position)
                }
                continue
            }
            if field.placeholder, case .mapping = value.content {
                if let placeholder = validatePlaceholder(value, path: fieldPath) { record.values[name] = .placeholder(placeholder) }
                continue
            }
            if let typed = validate(value, as: field.type, path: fieldPath) {
                record.values[name] = typed
                if let limit = field.recommendedMaxLength, let text = value.scalar, text.count > limit {
                    diagnostics.warning("too-long", "'\(fieldPath)' is \(text.count) characters; keep it to \(limit) or fewer", at: value.position)
                }
            }
        }
        for field in schema.fields where field.required && record.positions[field.name] == nil {
            let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
            diagnostics.error("missing-key", "'\(fieldPath)' is required in \(schema.name) (\(field.type.expectation))", at: node.position)
        }
        return record
    }

    /// `{unconfirmed: true, note: …}` in a field that allows a placeholder.
    private mutating func validatePlaceholder(_ node: YAMLNode, path: String) -> Placeholder? {
        let record = validateObject(node, schema: Schemas.placeholder, path: path)
        guard case .bool(let unconfirmed)? = record["unconfirmed"], case .string(let note)? = record["note"] else { return nil }
        guard unconfirmed else {
            diagnostics.error("placeholder-not-unconfirmed", "'\(path).unconfirmed' must be true: a placeholder marks a value still to be confirmed; write the value itself once it is known",
                              at: record.position(of: "unconfirmed"))
            return nil
        }
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            diagnostics.error("placeholder-note-missing", "'\(path).note' must say what the policy does state about this value", at: record.position(of: "note"))
            return nil
        }
        return Placeholder(note: note.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private mutating func validateScalar(_ text: String, node: YAMLNode, as type: FieldType, path: String) -> Value? {
        let plain: Bool
        if case .scalar(_, .plain) = node.content { plain = true } else { plain = false }
        func invalid(_ id: String, _ extra: String = "") -> Value? {
            diagnostics.error(id, "\(describe(path)) must be \(type.expectation), not '\(Self.clip(text))'\(extra)", at: node.position)
            return nil
        }
        switch type {
        case .string:
            return .string(text)
        case .markdown:
            // A block scalar's text starts on the line after its indicator.
            let blockStart: Bool
            if case .scalar(_, .block) = node.content { blockStart = true } else { blockStart = false }
            let line = node.position.line + (blockStart ? 1 : 0)
            return .markdown(linker.render(text, lineOffset: line - 1, diagnostics: &diagnostics))
        case .int:
            guard plain, let value = Int(text) else { return invalid("invalid-int") }
            return .int(value)
        case .bool:
            guard plain, text == "true" || text == "false" else {
                return invalid("invalid-bool", Suggestion.didYouMean(text, in: ["true", "false"]))
            }
            return .bool(text == "true")
        case .date:
            guard let value = Day(text) else { return invalid("invalid-date") }
            return .date(value)
        case .dateOrMonth:
            if let value = Day(text) { return .date(value) }
            guard let value = Day(month: text) else { return invalid("invalid-date") }
            return .month(value)
        case .datetime:
            guard let value = Instant(text) else { return invalid("invalid-datetime") }
            return .datetime(value)
        case .duration:
            guard let value = Duration(text) else { return invalid("invalid-duration") }
            return .duration(value)
        case .email:
            guard Formats.isEmail(text) else { return invalid("invalid-email") }
            return .string(text)
        case .phone:
            guard Formats.isPhone(text) else { return invalid("invalid-phone") }
            return .string(text)
        case .url:
            guard Formats.isURL(text) else { return invalid("invalid-url") }
            return .string(text)
        case .money:
            guard let value = Money(text) else { return invalid("invalid-money") }
            return .money(value)
        case .timeZone:
            guard TimeZone(identifier: text) != nil, text.contains("/") || text == "UTC" else {
                return invalid("invalid-time-zone", Suggestion.didYouMean(text, in: TimeZone.knownTimeZoneIdentifiers))
            }
            return .string(text)
        case .currency:
            guard text.count == 3, Locale.commonISOCurrencyCodes.contains(text) else {
                return invalid("invalid-currency", Suggestion.didYouMean(text.uppercased(), in: ["GBP", "EUR", "USD"]))
            }
            return .string(text)
        case .openingTimes:
            guard text == "closed" || OpeningTimes(text) != nil else { return invalid("invalid-opening-times") }
            return .string(text)
        case .identifier:
            guard Formats.isSlug(text) else { return invalid("invalid-identifier") }
            return .string(text)
        case .alias:
            guard Formats.isAlias(text) else { return invalid("invalid-alias") }
            aliases.append(Alias(path: text, file: diagnostics.file, position: node.position))
            return .string(text)
        case .reference(let kind):
            references.append(ReferenceUse(kind: kind, value: text, file: diagnostics.file, position: node.position))
            return .string(text)
        case .choice(let values):
            guard values.contains(text) else {
                return invalid("invalid-enum", Suggestion.didYouMean(text, in: values))
            }
            return .string(text)
        case .list, .object:
            return mismatch(node, path: path, expected: type.expectation)
        }
    }

    private mutating func mismatch(_ node: YAMLNode, path: String, expected: String) -> Value? {
        let id = node.isNull ? "missing-value" : "wrong-type"
        diagnostics.error(id, "\(describe(path)) must be \(expected), not \(node.kindDescription)", at: node.position)
        return nil
    }

    private func describe(_ path: String) -> String {
        path.isEmpty ? "the file" : "'\(path)'"
    }

    static func clip(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
