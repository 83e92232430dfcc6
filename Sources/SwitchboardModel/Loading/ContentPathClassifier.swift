/// Decides which collection a path inside content/ belongs to.
enum ContentPathClassifier {
    enum Result: Equatable {
        case entry(ContentCollection, slug: String, category: String?)
        case asset
        /// Not a place the layout has; the message says what belongs there.
        case unexpected(String)
        /// The right place, but the name is not a valid slug.
        case invalidSlug(String, suggestion: String)
    }

    static func classify(_ path: String) -> Result {
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        guard let name = parts.last else { return .unexpected("empty path") }
        if parts.first == "assets", parts.count > 1 { return .asset }
        switch parts.count {
        case 1:
            switch name {
            case "site.yml": return .entry(.site, slug: "site", category: nil)
            case "products.yml": return .entry(.products, slug: "products", category: nil)
            default: return unexpected(name, expected: ["site.yml", "products.yml"], folder: "content/")
            }
        case 2:
            let folders: [String: ContentCollection] = [
                "policies": .policies, "faq": .faq, "devices": .devices, "escalation": .escalation, "vendors": .vendors,
            ]
            if let collection = folders[parts[0]] { return slugged(name, in: collection, category: nil) }
            if parts[0] == "support" {
                if name == "hours.yml" { return .entry(.supportHours, slug: "hours", category: nil) }
                if name == "rates.yml" { return .entry(.rateCard, slug: "rates", category: nil) }
                return unexpected(name, expected: ["hours.yml", "rates.yml"], folder: "support/")
            }
            if parts[0] == "search" {
                if name == "synonyms.yml" { return .entry(.synonyms, slug: "synonyms", category: nil) }
                return unexpected(name, expected: ["synonyms.yml"], folder: "search/")
            }
            if parts[0] == "status" {
                if name == "components.yml" { return .entry(.statusComponents, slug: "components", category: nil) }
                return unexpected(name, expected: ["components.yml"], folder: "status/")
            }
            if parts[0] == "kb" {
                return .unexpected("articles go in a category folder: kb/<category>/\(name)")
            }
        case 3:
            if parts[0] == "kb" {
                guard Formats.isSlug(parts[1]) else {
                    return .invalidSlug("the category folder '\(parts[1])' is not a valid slug (lower-case a-z, 0-9 and hyphens)",
                                        suggestion: Formats.slugify(parts[1]))
                }
                if name == "_category.yml" { return .entry(.categories, slug: parts[1], category: nil) }
                return slugged(name, in: .articles, category: parts[1])
            }
            if parts[0] == "support", parts[1] == "checklists" { return slugged(name, in: .checklists, category: nil) }
            if parts[0] == "status", parts[1] == "incidents" { return slugged(name, in: .incidents, category: nil) }
            if parts[0] == "status", parts[1] == "maintenance" { return slugged(name, in: .maintenance, category: nil) }
        default:
            break
        }
        let known = ContentCollection.allCases.map(\.pattern).joined(separator: ", ")
        return .unexpected("'\(path)' is not part of the content layout (\(known))")
    }

    private static func slugged(_ name: String, in collection: ContentCollection, category: String?) -> Result {
        let wanted = collection.isMarkdown ? ".md" : ".yml"
        guard name.hasSuffix(wanted) else {
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            return .unexpected("files here are \(collection.isMarkdown ? "Markdown" : "YAML") (\(collection.pattern)); did you mean '\(stem)\(wanted)'?")
        }
        let slug = String(name.dropLast(wanted.count))
        guard Formats.isSlug(slug) else {
            return .invalidSlug("the file name '\(name)' is not a valid slug (lower-case a-z, 0-9 and hyphens)",
                                suggestion: Formats.slugify(slug) + wanted)
        }
        return .entry(collection, slug: slug, category: category)
    }

    private static func unexpected(_ name: String, expected: [String], folder: String) -> Result {
        let suggestion = Suggestion.didYouMean(name, in: expected)
        return .unexpected("'\(name)' does not belong in \(folder) (it holds \(expected.joined(separator: ", ")))\(suggestion)")
    }
}
