import Crypto
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import SwitchboardBuilder
import SwitchboardModel

/// The publishing workflow on the policy-changes fixture: aliases and redirects,
/// policy history and its feed, upcoming policies by the build clock, the print
/// edition, and `_headers`.
@Suite struct PublishingTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = tests.appendingPathComponent("Fixtures/sites/policy-changes/content")
    static let templates = tests.deletingLastPathComponent().appendingPathComponent("templates")
    static let before = "2026-12-01T12:00:00Z"
    static let after = "2027-01-04T00:00:00Z"

    static func build(_ content: URL = fixture, now: String = before, templates: URL = templates) throws -> (MemorySink, [Diagnostic]) {
        let result = SiteLoader(contentDirectory: content.path, options: LoadOptions(now: Instant(now)!)).load()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let (theme, _) = TemplateSet.load(directory: templates.path)
        let output = SiteBuilder(site: try #require(result.site), templates: try #require(theme)).build()
        let sink = MemorySink()
        try sink.write(output.files)
        return (sink, output.diagnostics)
    }

    // MARK: Aliases

    @Test func eachAliasGetsARedirectPageAndA301Line() throws {
        let (sink, diagnostics) = try Self.build()
        #expect(diagnostics.isEmpty)
        let page = try #require(sink.text("kb/tickets/logging-a-ticket/index.html"))
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/docs/kb/tickets/raise-a-ticket/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://support.example.com/docs/kb/tickets/raise-a-ticket/\">"))
        #expect(page.contains("<a href=\"/docs/kb/tickets/raise-a-ticket/\">"))
        #expect(sink.text("kb/old/raise.html")?.contains("url=/docs/kb/tickets/raise-a-ticket/") == true)
        let lines = try #require(sink.text("_redirects")).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.contains("/docs/kb/tickets/logging-a-ticket/ /docs/kb/tickets/raise-a-ticket/ 301"))
        #expect(lines.contains("/docs/policies/escalation-process/ /docs/policies/escalation/ 301"))
        #expect(lines.contains("/docs/escalation.html /docs/policies/escalation/ 301"))
        // A draft's aliases are not published, nor is the draft.
        #expect(sink.files["kb/tickets/draft-old/index.html"] == nil)
        #expect(sink.files["kb/tickets/draft-article/index.html"] == nil)
        #expect(!lines.contains { $0.contains("draft") })
    }

    @Test func anAliasOfAPageTheBuildWritesIsReportedAtTheAlias() throws {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-alias-\(getpid())")
        try? FileManager.default.removeItem(at: content)
        defer { try? FileManager.default.removeItem(at: content) }
        try FileManager.default.copyItem(at: Self.fixture, to: content)
        let doa = content.appendingPathComponent("policies/doa-process.md")
        let text = try String(contentsOf: doa, encoding: .utf8)
        try text.replacingOccurrences(of: "order: 3\n", with: "order: 3\naliases: [/policies/changes/]\n")
            .write(to: doa, atomically: true, encoding: .utf8)
        let (sink, diagnostics) = try Self.build(content)
        #expect(diagnostics.map(\.id) == ["alias-collision"])
        #expect(diagnostics.first?.file.hasSuffix("policies/doa-process.md") == true)
        #expect(diagnostics.first?.position == SourcePosition(line: 8, column: 11))
        #expect(sink.text("policies/changes/index.html")?.contains("http-equiv") == false)
    }

    // MARK: Changes and upcoming policies

    @Test func policyPagesShowTheirHistory() throws {
        let (sink, _) = try Self.build()
        let page = try #require(sink.text("policies/escalation/index.html"))
        let rows = ["<td>2.3</td>", "<td>2.2</td>", "<td>2.1</td>"].map { page.range(of: $0)?.lowerBound }
        #expect(rows.allSatisfy { $0 != nil })
        #expect(rows.compactMap { $0 } == rows.compactMap { $0 }.sorted(), "newest first")
        #expect(page.contains("href=\"/docs/policies/print/\""))
        #expect(sink.text("policies/doa-process/index.html")?.contains("No earlier versions are recorded here.") == true)
    }

    @Test func theChangesFeedIsAtomThatParses() throws {
        let (sink, _) = try Self.build()
        let feed = try #require(sink.files["policies/changes.atom"])
        let parser = XMLParser(data: Data(feed))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.root == "feed" && collector.closed == ["feed"], "one root element, closed")
        #expect(collector.namespaces.contains("http://www.w3.org/2005/Atom"))
        // 2.4 (upcoming), principles 2.3 and 2.0, escalation 2.3, 2.2, 2.1: each version once.
        #expect(collector.count["entry"] == 6)
        #expect(collector.titles.first == "Upcoming: 2. Escalation process, version 2.4, takes effect 4 January 2027")
        let page = try #require(sink.text("policies/changes/index.html"))
        #expect(page.contains("href=\"/docs/policies/changes.atom\""))
    }

    @Test func anUpcomingPolicyWaitsForItsDate() throws {
        let (early, _) = try Self.build(now: Self.before)
        let current = try #require(early.text("policies/escalation/index.html"))
        #expect(current.contains("Contact the technical leads."))
        let upcoming = try #require(early.text("policies/escalation-2027/index.html"))
        #expect(upcoming.contains("Upcoming version.") && upcoming.contains("takes effect on <time datetime=\"2027-01-04\">"))
        #expect(early.text("policies/index.html")?.contains("Upcoming changes") == true)
        #expect(early.text("policies/print/index.html")?.contains("Call the technical leads.") == false)

        let (late, _) = try Self.build(now: Self.after)
        let replaced = try #require(late.text("policies/escalation/index.html"))
        #expect(replaced.contains("Call the technical leads."))
        #expect(!replaced.contains("Contact the technical leads.") && !replaced.contains("Upcoming version."))
        #expect(late.text("policies/escalation-2027/index.html")?.contains("http-equiv=\"refresh\"") == true)
        #expect(late.text("policies/index.html")?.contains("Upcoming changes") == false)
        #expect(late.text("policies/print/index.html")?.contains("Call the technical leads.") == true)
    }

    // MARK: Print edition

    @Test func thePrintEditionHasEverySectionInOrder() throws {
        let (sink, _) = try Self.build()
        let page = try #require(sink.text("policies/print/index.html"))
        #expect(page.contains("Version 2.3 · effective <time datetime=\"2023-03-01\">"))
        let sections = ["1. Principles", "2. Escalation process", "3. DOA process"]
        let headings = sections.map { page.range(of: "-title\">\($0)</h2>")?.lowerBound }
        #expect(headings.allSatisfy { $0 != nil }, "every section has its heading")
        #expect(headings.compactMap { $0 } == headings.compactMap { $0 }.sorted(), "in section order")
        for text in ["We provide fast support", "Email the escalation team.", "Return the item within 30 days."] {
            #expect(page.contains(text))
        }
        // Contents, links kept on the page, site links made absolute for paper.
        #expect(page.contains("<a href=\"#policy-escalation\">"))
        #expect(page.contains("href=\"#principles-training\"") && page.contains("<h3 id=\"principles-training\">"))
        #expect(page.contains("href=\"https://support.example.com/docs/kb/\""))
    }

    // MARK: _headers

    @Test func headersGiveEachPathOneCachingRuleAndTheCSPHashesInlineScripts() throws {
        // A theme with an inline script in <head>, as a theme might add one.
        let theme = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-theme-\(getpid())")
        try? FileManager.default.removeItem(at: theme)
        defer { try? FileManager.default.removeItem(at: theme) }
        try FileManager.default.copyItem(at: Self.templates, to: theme)
        let inline = "document.documentElement.dataset.theme = localStorage.getItem('theme') || 'light';"
        let head = theme.appendingPathComponent("head.mustache")
        try (try String(contentsOf: head, encoding: .utf8) + "<script>\(inline)</script>\n").write(to: head, atomically: true, encoding: .utf8)
        let (sink, _) = try Self.build(templates: theme)

        let rules = try HeadersRules(try #require(sink.text("_headers")))
        let found = try Self.checkCSP(sink, rules: rules, page: "/docs/policies/escalation/")
        #expect(found > 10, "the theme's inline script is on every page")

        let asset = try #require(sink.files.keys.first { $0.hasPrefix("assets/site.") && $0.hasSuffix(".css") })
        #expect(rules.headers(for: "/docs/\(asset)")["cache-control"] == "public, max-age=31536000, immutable")
        #expect(rules.headers(for: "/docs/policies/escalation/")["cache-control"] == "public, max-age=0, must-revalidate")
        #expect(rules.headers(for: "/docs/")["cache-control"] == "public, max-age=0, must-revalidate")
        let feed = rules.headers(for: "/docs/policies/changes.atom")
        #expect(feed["cache-control"] == "public, max-age=0, must-revalidate")
        #expect(feed["access-control-allow-origin"] == "*")
        #expect(rules.headers(for: "/docs/kb/feed.atom")["access-control-allow-origin"] == "*")
        #expect(rules.headers(for: "/docs/policies/print/")["x-content-type-options"] == "nosniff")
        // No two rules give one path two caching values (hosts would join them with a comma).
        for path in sink.files.keys where !path.hasPrefix("_") {
            let url = "/docs/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
            #expect(rules.matching(url).filter { $0.headers["cache-control"] != nil }.count == 1, "\(url)")
        }
    }

    /// The bundled site's own templates and content: whatever inline scripts they
    /// have (a theme switch, say), the CSP allows them.
    @Test func theBundledSiteCSPAllowsItsInlineScripts() throws {
        let content = Self.tests.deletingLastPathComponent().appendingPathComponent("content")
        let (sink, _) = try Self.build(content, now: "2026-11-26T12:00:00Z")
        let rules = try HeadersRules(try #require(sink.text("_headers")))
        _ = try Self.checkCSP(sink, rules: rules, page: "/")
        let summary = rules.headers(for: "/status/api/v2/summary.json")
        #expect(summary["cache-control"] == "public, max-age=60, must-revalidate")
        #expect(summary["access-control-allow-origin"] == "*")
        #expect(rules.headers(for: "/status/history.atom")["access-control-allow-origin"] == "*")
        #expect(rules.headers(for: "/status/")["access-control-allow-origin"] == nil)
        #expect(rules.rules.count <= 100, "Cloudflare Pages reads 100 rules")
    }

    /// Checks every HTML file: no inline event handlers, and every inline script's
    /// SHA-256 in the CSP's script-src. Returns how many inline scripts there were.
    static func checkCSP(_ sink: MemorySink, rules: HeadersRules, page: String) throws -> Int {
        let csp = try #require(rules.headers(for: page)["content-security-policy"])
        let scriptSources = Set(csp.split(separator: ";").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("script-src") }?
            .split(separator: " ").dropFirst().map(String.init) ?? [])
        #expect(scriptSources.contains("'self'") && !scriptSources.contains("'unsafe-inline'"))
        var found = 0
        for (path, bytes) in sink.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(html.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(path) has an inline event handler")
            for script in runnableInlineScripts(html) {
                found += 1
                let hash = "'sha256-\(Data(SHA256.hash(data: Data(script.utf8))).base64EncodedString())'"
                #expect(scriptSources.contains(hash), "\(path): inline script not allowed by the CSP")
            }
        }
        return found
    }

    /// Inline scripts a browser runs, found with a regular expression (not the builder's scanner).
    static func runnableInlineScripts(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"<script\b([^>]*)>(.*?)</script>"#, options: [.caseInsensitive, .dotMatchesLineSeparators])
        let ns = html as NSString
        return pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)).compactMap { match in
            let attributes = ns.substring(with: match.range(at: 1)).lowercased()
            if attributes.contains("src=") || attributes.contains("application/ld+json") { return nil }
            return ns.substring(with: match.range(at: 2))
        }
    }
}

/// A `_headers` file read by the rules Netlify and Cloudflare Pages document:
/// an unindented URL pattern (`*` matches anything), then indented `Name: value` lines.
struct HeadersRules {
    struct Rule { var pattern: String; var headers: [String: String] }
    var rules: [Rule] = []

    init(_ text: String) throws {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            if line.first == " " || line.first == "\t" {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard let colon = trimmed.firstIndex(of: ":"), !rules.isEmpty else { throw HeadersError.malformed(String(line)) }
                let name = trimmed[..<colon].lowercased()
                let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, !value.isEmpty, rules[rules.count - 1].headers[name] == nil else { throw HeadersError.malformed(String(line)) }
                rules[rules.count - 1].headers[name] = value
            } else {
                guard line.hasPrefix("/") else { throw HeadersError.malformed(String(line)) }
                rules.append(Rule(pattern: String(line), headers: [:]))
            }
        }
    }

    enum HeadersError: Error { case malformed(String) }

    func matching(_ path: String) -> [Rule] {
        rules.filter { rule in
            if rule.pattern.hasSuffix("*") { return path.hasPrefix(rule.pattern.dropLast()) }
            return path == rule.pattern
        }
    }

    /// Every matching rule's headers together.
    func headers(for path: String) -> [String: String] {
        matching(path).reduce(into: [:]) { all, rule in all.merge(rule.headers) { a, b in a + ", " + b } }
    }
}

final class ElementCollector: NSObject, XMLParserDelegate {
    var root: String?
    var count: [String: Int] = [:]
    var namespaces: Set<String> = []
    var titles: [String] = []
    /// Elements closed at depth zero: the root, once, when the document is whole.
    var closed: [String] = []
    private var inEntryTitle = false
    private var depth: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        count[name, default: 0] += 1
        if let xmlns = attributes["xmlns"] { namespaces.insert(xmlns) }
        inEntryTitle = name == "title" && depth.last == "entry"
        if inEntryTitle { titles.append("") }
        depth.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth.removeLast()
        if depth.isEmpty { closed.append(name) }
        inEntryTitle = false
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inEntryTitle { titles[titles.count - 1] += string }
    }
}
