import Foundation
import Testing
@testable import SwitchboardBuilder

/// Writes the search index of the bundled content/ for the JavaScript tests
/// (Tests/JavaScript/make-fixture.sh sets SWITCHBOARD_SEARCH_FIXTURE to the output folder;
/// bench/run.sh also sets SWITCHBOARD_SEARCH_CONTENT to a generated content folder).
/// Until the builder makes SearchDocuments, a rough reader stands in for it here: front
/// matter by line, the body split at Markdown headings, YAML files as their values.
@Suite struct SearchBundledContentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SWITCHBOARD_SEARCH_FIXTURE"] != nil))
    func writeBundledIndex() throws {
        let environment = ProcessInfo.processInfo.environment
        let out = URL(fileURLWithPath: environment["SWITCHBOARD_SEARCH_FIXTURE"]!)
        let content = environment["SWITCHBOARD_SEARCH_CONTENT"].map { URL(fileURLWithPath: $0) } ?? Self.root.appendingPathComponent("content")
        let docs = try Self.documents(content)
        #expect(docs.count > 50)
        try? FileManager.default.removeItem(at: out)
        // bench/run.sh reads the writer's own time from here while the builder lacks it.
        let clock = ContinuousClock()
        let start = clock.now
        let files = SearchIndexWriter.files(for: docs, basePath: "")
        let elapsed = clock.now - start
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("\(elapsed.components.seconds).\(String(format: "%03d", elapsed.components.attoseconds / 1_000_000_000_000_000)) s for \(docs.count) documents\n".utf8)
            .write(to: out.appendingPathComponent("writer-time.txt"))
        for file in files {
            let url = out.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }

    static func documents(_ content: URL) throws -> [SearchDocument] {
        let paths = FileManager.default.enumerator(atPath: content.path)!.compactMap { $0 as? String }.sorted()
        var docs: [SearchDocument] = []
        for path in paths where path.hasSuffix(".md") || (path.hasSuffix(".yml") && !path.contains("_category") && path.contains("/")) {
            let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
            let parts = path.split(separator: "/").map(String.init)
            let slug = String(parts.last!.split(separator: ".")[0])
            let folder = parts[0]
            let type = ["policies": "Policy", "kb": "Article", "faq": "FAQ", "vendors": "Vendor", "status": "Status",
                        "devices": "Device", "escalation": "Escalation", "support": "Support"][folder] ?? "Page"
            var url = "/" + parts.dropLast().joined(separator: "/") + "/" + slug + "/"
            if folder == "faq" { url = "/faq/#" + slug }
            if folder == "kb" { url = "/kb/" + parts[1] + "/" + slug + "/" }
            if path.hasSuffix(".yml") {
                let fields = Self.fields(text)
                let title = fields["title"] ?? [fields["manufacturer"], fields["model"]].compactMap { $0 }.joined(separator: " ")
                let values = text.split(separator: "\n").map { line -> String in
                    let l = line.trimmingCharacters(in: .whitespaces)
                    if l.hasPrefix("#") { return "" }
                    if let colon = l.firstIndex(of: ":"), !l.hasPrefix("-") || l.dropFirst(2).contains(":") {
                        return String(l[l.index(after: colon)...])
                    }
                    return l.hasPrefix("- ") ? String(l.dropFirst(2)) : l
                }.joined(separator: " ")
                docs.append(SearchDocument(url: url, title: title.isEmpty ? slug : title, type: type,
                                           products: Self.list(fields["applies_to"] ?? fields["products"]),
                                           summary: fields["summary"] ?? "", sections: [(nil, nil, Self.plain(values))]))
                continue
            }
            let split = text.components(separatedBy: "\n---\n")
            let front = split.count > 1 ? split[0] : ""
            let body = split.count > 1 ? split.dropFirst().joined(separator: "\n---\n") : text
            let fields = Self.fields(front)
            var sections: [(anchor: String?, heading: String?, text: String)] = [(nil, nil, "")]
            for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("#") {
                    let heading = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                    sections.append((Self.slug(heading), heading, ""))
                } else {
                    sections[sections.count - 1].text += Self.plain(String(line)) + "\n"
                }
            }
            if sections[0].text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { sections.removeFirst() }
            docs.append(SearchDocument(url: url, title: fields["title"] ?? fields["question"] ?? slug, type: type,
                                       products: Self.list(fields["products"]), summary: fields["summary"] ?? "", sections: sections))
        }
        return docs
    }

    static func fields(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix(" ") && !line.hasPrefix("-") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count > 1 { value = String(value.dropFirst().dropLast()) }
            out[String(line[..<colon])] = value
        }
        return out
    }

    static func list(_ value: String?) -> [String] {
        guard let value, value.hasPrefix("[") else { return [] }
        return value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func plain(_ markdown: String) -> String {
        var text = markdown.replacingOccurrences(of: #"\]\([^)]*\)"#, with: "]", options: .regularExpression)
        for mark in ["[", "]", "*", "`", "|", ">"] { text = text.replacingOccurrences(of: mark, with: " ") }
        return text
    }

    static func slug(_ heading: String) -> String {
        heading.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
    }
}
