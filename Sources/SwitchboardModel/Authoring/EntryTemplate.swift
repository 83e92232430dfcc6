import Foundation

/// The kinds of entry `switchboard new` creates, and the collection of each.
public enum EntryKind: String, Sendable, CaseIterable {
    case policy, kb, faq, device, escalation, vendor, checklist, incident, maintenance

    public var collection: ContentCollection {
        switch self {
        case .policy: return .policies
        case .kb: return .articles
        case .faq: return .faq
        case .device: return .devices
        case .escalation: return .escalation
        case .vendor: return .vendors
        case .checklist: return .checklists
        case .incident: return .incidents
        case .maintenance: return .maintenance
        }
    }
}

/// Why a new entry cannot be created.
public enum NewEntryError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidPath(String)
    /// The file is already there; nothing was written.
    case exists(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .invalidPath(let message): return message
        case .exists(let path): return "\(path) already exists; nothing was written (pick another name, or edit the file)"
        case .cannotWrite(let message): return message
        }
    }
}

/// A file `switchboard new` writes, with its path inside content/.
public struct NewFile: Sendable, Equatable {
    public var path: String
    public var text: String
}

/// The files of a new entry, written from the collection's schema: every required
/// field filled from the title, the build clock and the schema's defaults, each
/// with a comment, optional fields as comments, and `draft: true` where the
/// collection has drafts, so the entry is checked but not published.
public struct EntryTemplate: Sendable {
    public var kind: EntryKind
    /// Relative to the collection's folder, without extension: `diagnostics/check-dhcp`.
    public var path: String
    public var title: String?
    public var now: Instant
    public var contentDirectory: String

    public init(kind: EntryKind, path: String, title: String?, now: Instant, contentDirectory: String) {
        self.kind = kind
        self.path = path
        self.title = title
        self.now = now
        self.contentDirectory = contentDirectory
    }

    /// The files to create (a missing KB category's `_category.yml` too), or why not.
    public func files() throws(NewEntryError) -> [NewFile] {
        let collection = kind.collection
        let pattern = collection.pattern
        let folder = String(pattern.prefix { $0 != "<" })
        let placeholders = pattern.split(separator: "/").filter { $0.contains("<") }.count
        let ext = pattern.hasSuffix(".md") ? "md" : "yml"
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let shape = pattern.dropFirst(folder.count).replacingOccurrences(of: ".\(ext)", with: "")
        guard segments.count == placeholders else {
            throw .invalidPath("'\(path)' should be \(shape) for \(kind.rawValue), without an extension")
        }
        for segment in segments where !Formats.isSlug(segment) {
            throw .invalidPath("'\(segment)' is not a slug (lower-case a-z, 0-9, single hyphens); did you mean '\(Formats.slugify(segment.replacingOccurrences(of: ".\(ext)", with: "")))'?")
        }
        let slug = segments[segments.count - 1]
        let entryPath = "\(folder)\(path).\(ext)"
        guard !exists(entryPath) else { throw .exists("\(contentDirectory)/\(entryPath)") }

        let title = self.title ?? Self.humanise(slug)
        var out: [NewFile] = []
        if collection == .articles {
            let categoryPath = "\(folder)\(segments[0])/_category.yml"
            if !exists(categoryPath) {
                let yaml = yamlLines(Schemas.category, title: Self.humanise(segments[0]), draft: false)
                out.append(NewFile(path: categoryPath, text: header(categoryPath) + yaml.joined(separator: "\n") + "\n"))
            }
        }
        let yaml = yamlLines(Schemas.rootSchema(of: collection), title: title, draft: true).joined(separator: "\n")
        let text = collection.isMarkdown
            ? "---\n\(yaml)\n---\nTODO: write the text here, in Markdown. Link to other content by the relative path of its file.\n"
            : header(entryPath) + yaml + "\n"
        out.append(NewFile(path: entryPath, text: text))
        return out
    }

    /// Creates the files, each only if it does not exist (`O_EXCL`): never overwrites.
    /// Returns their paths as the user named the content folder.
    public func write() throws(NewEntryError) -> [String] {
        let planned = try files()
        var written: [String] = []
        for file in planned {
            let full = "\(contentDirectory)/\(file.path)"
            let folder = (full as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite("cannot create \(folder): \(error.localizedDescription)")
            }
            let fd = open(full, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else {
                if errno == EEXIST { throw .exists(full) }
                throw .cannotWrite("cannot create \(full): \(String(cString: strerror(errno)))")
            }
            let bytes = Array(file.text.utf8)
            let count = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard count == bytes.count else { throw .cannotWrite("cannot write \(full)") }
            written.append(full)
        }
        return written
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: "\(contentDirectory)/\(path)")
    }

    private func header(_ path: String) -> String {
        "# content/\(path): written by `switchboard new`; replace each TODO, then run `switchboard check`.\n"
    }

    /// "check-dhcp" → "Check dhcp"; a leading date is left out ("2026-12-01-sip-outage" → "Sip outage").
    static func humanise(_ slug: String) -> String {
        var slug = Substring(slug)
        if slug.count > 11, Day(String(slug.prefix(10))) != nil, slug.dropFirst(10).first == "-" { slug = slug.dropFirst(11) }
        let words = slug.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    // MARK: YAML from the schema

    func yamlLines(_ schema: ObjectSchema, title: String, draft: Bool) -> [String] {
        var lines: [String] = []
        for field in schema.fields {
            if field.name == "draft" {
                if draft { lines.append("draft: true  # Checked but not published; delete this line to publish.") }
                continue
            }
            let comment = field.summary.isEmpty ? field.type.expectation : field.summary
            if field.required || field.defaultValue != nil {
                lines += entry(field, title: title, indent: "", comment: (field.required ? "required: " : "") + comment)
            } else {
                lines.append("# \(field.name):  # optional: \(comment)")
            }
        }
        return lines
    }

    /// `name: value  # comment`, or `name:` and the nested lines of a list or mapping.
    private func entry(_ field: FieldSchema, title: String, indent: String, comment: String?) -> [String] {
        let note = comment.map { "  # \($0)" } ?? ""
        switch field.type {
        case .list(let element, _):
            let items = listItems(element, field: field, title: title, indent: indent + "  ")
            if items.isEmpty { return ["\(indent)\(field.name): []\(note)"] }
            return ["\(indent)\(field.name):\(note)"] + items
        case .object(let schema):
            return ["\(indent)\(field.name):\(note)"] + objectLines(schema, title: title, indent: indent + "  ")
        default:
            return ["\(indent)\(field.name): \(scalar(field.type, field: field, title: title))\(note)"]
        }
    }

    private func listItems(_ element: FieldType, field: FieldSchema, title: String, indent: String) -> [String] {
        switch element {
        case .object(let schema):
            let lines = objectLines(schema, title: title, indent: indent + "  ")
            guard let first = lines.first else { return [] }
            return ["\(indent)- " + first.dropFirst(indent.count + 2)] + lines.dropFirst()
        case .reference(let kind) where firstID(of: kind) == nil:
            return []
        default:
            return ["\(indent)- \(scalar(element, field: field, title: title))"]
        }
    }

    /// The required fields of a nested mapping (and those with a default), without comments.
    private func objectLines(_ schema: ObjectSchema, title: String, indent: String) -> [String] {
        schema.fields.filter { $0.required || $0.defaultValue != nil }
            .flatMap { entry($0, title: "TODO", indent: indent, comment: nil) }
    }

    private func scalar(_ type: FieldType, field: FieldSchema, title: String) -> String {
        if let value = field.defaultValue {
            if value == "{now+1h}" { return Instant(secondsSinceEpoch: now.secondsSinceEpoch + 3600).description }
            return Self.quoted(type, value)
        }
        switch field.name {
        case "title", "question", "vendor", "name": return Self.quoted(type, title)
        case "manufacturer": return Self.quoted(type, String(title.split(separator: " ").first ?? "TODO"))
        case "model": return Self.quoted(type, title.split(separator: " ").dropFirst().joined(separator: " ").isEmpty
                                        ? "TODO" : title.split(separator: " ").dropFirst().joined(separator: " "))
        default: break
        }
        switch type {
        case .date, .dateOrMonth: return now.day.description
        case .datetime: return now.description
        case .int: return "0"
        case .bool: return "false"
        case .duration: return "1h"
        case .email: return "name@example.com"
        case .url: return "/"
        case .money: return "\"0.00\""
        case .timeZone: return "Europe/London"
        case .currency: return "GBP"
        case .openingTimes: return "closed"
        case .identifier: return Self.quoted(type, "todo")
        case .reference(let kind): return firstID(of: kind) ?? "todo"
        case .choice(let values): return values.first ?? "TODO"
        case .string, .markdown, .phone, .alias, .list, .object:
            return Self.quoted(type, "TODO")
        }
    }

    /// A YAML double-quoted string for text, the value as it is otherwise.
    static func quoted(_ type: FieldType, _ value: String) -> String {
        switch type {
        case .string, .markdown, .phone:
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        default: return value
        }
    }

    /// The first id a reference of this kind can use, read from the content folder.
    private func firstID(of kind: ReferenceKind) -> String? {
        let file: String
        switch kind {
        case .product: file = "products.yml"
        case .component: file = "status/components.yml"
        case .entry, .escalation, .policy: return nil
        }
        guard let data = FileManager.default.contents(atPath: "\(contentDirectory)/\(file)"),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var diagnostics = DiagnosticCollector(file: file)
        guard var node = YAMLReader.read(text, diagnostics: &diagnostics) else { return nil }
        if case .mapping(let pairs) = node.content, let list = pairs.first(where: { $0.key.scalar == "components" }) { node = list.value }
        guard case .sequence(let items) = node.content, case .mapping(let pairs)? = items.first?.content else { return nil }
        return pairs.first { $0.key.scalar == "id" }?.value.scalar
    }
}

extension Schemas {
    /// The mapping a collection's file (or front matter) holds.
    static func rootSchema(of collection: ContentCollection) -> ObjectSchema {
        if case .object(let schema)? = collection.rootType { return schema }
        return ObjectSchema("", fields: [])
    }
}
