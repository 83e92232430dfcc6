import Crypto
import Foundation
import Mustache
import SwitchboardModel

/// The theme: Mustache templates from templates/ and the files of
/// templates/assets/, which are published under content-hashed names.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    let names: Set<String>
    /// Template variable (`site_css`) → URL without base path (`/assets/site.3f2a9c0d1e.css`).
    public let assetURLs: [String: String]
    /// The theme's asset files, ready to write.
    public let assetFiles: [OutputFile]
    /// A hash of every template and asset.
    public let digest: ContentDigest
    /// Per template, a hash of its text and of the partials it includes: what a page rendered with it reads.
    let templateDigests: [String: ContentDigest]
    /// The templates `CompiledTemplate` accepts; the others render through swift-mustache.
    let compiled: [String: CompiledTemplate]

    /// Loads a theme folder; problems come back as diagnostics against the template files.
    public static func load(directory: String, displayPath: String? = nil) -> (TemplateSet?, [Diagnostic]) {
        let display = displayPath ?? directory
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var hasher = ContentHasher()
        var sources: [String: String] = [:]
        _ = HTMLEscaping.registered
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else {
            return (nil, [Diagnostic(file: display, id: "templates-missing", message: "the templates folder does not exist")])
        }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = "\(directory)/\(name)"
            guard let bytes = FileReader.read(path) else { continue }
            hasher.add(name)
            hasher.add(ContentDigest(bytes))
            var collector = DiagnosticCollector(file: "\(display)/\(name)")
            guard let text = SourceText.decode(bytes, diagnostics: &collector) else {
                diagnostics.append(contentsOf: collector.diagnostics)
                continue
            }
            do {
                // The pragma is a line of its own, which Mustache drops from the output;
                // error positions below subtract it again.
                let pragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n"
                templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: pragma + text)
                sources[String(name.dropLast(".mustache".count))] = text
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(file: "\(display)/\(name)",
                                              position: SourcePosition(line: max(1, error.context.lineNumber - 1), column: max(1, error.context.columnNumber)),
                                              id: "template-syntax", message: "invalid Mustache: \(error.error)"))
            } catch {
                diagnostics.append(Diagnostic(file: "\(display)/\(name)", id: "template-syntax", message: "invalid Mustache: \(error)"))
            }
        }
        if templates["layout"] == nil, !diagnostics.contains(where: { $0.file.hasSuffix("/layout.mustache") }) {
            diagnostics.append(Diagnostic(file: "\(display)/layout.mustache", id: "missing-template",
                                          message: "the theme needs layout.mustache: the page frame every page is rendered into"))
        }

        var assetURLs: [String: String] = [:]
        var assetFiles: [OutputFile] = []
        let assetsDirectory = "\(directory)/assets"
        for name in ((try? manager.contentsOfDirectory(atPath: assetsDirectory)) ?? []).sorted() where !name.hasPrefix(".") {
            guard let bytes = FileReader.read("\(assetsDirectory)/\(name)") else { continue }
            let hashed = fingerprinted(name, bytes)
            hasher.add(name)
            hasher.add(ContentDigest(bytes))
            assetURLs[variableName(name)] = "/assets/\(hashed)"
            assetFiles.append(OutputFile(path: "assets/\(hashed)", bytes: bytes))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        let set = TemplateSet(library: MustacheLibrary(templates: templates), names: Set(templates.keys),
                              assetURLs: assetURLs, assetFiles: assetFiles, digest: hasher.finish(),
                              templateDigests: partialClosureDigests(sources), compiled: sources.compactMapValues(CompiledTemplate.init))
        return (set, diagnostics)
    }

    /// Each template's text hashed with its partials' (`{{> name}}`), transitively.
    static func partialClosureDigests(_ sources: [String: String]) -> [String: ContentDigest] {
        var partials: [String: [String]] = [:]
        for (name, text) in sources {
            var found: [String] = []
            var rest = Substring(text)
            while let open = rest.range(of: "{{>") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { break }
                found.append(rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces))
                rest = rest[close.upperBound...]
            }
            partials[name] = found
        }
        var digests: [String: ContentDigest] = [:]
        for name in sources.keys {
            var hasher = ContentHasher()
            var seen: Set<String> = []
            var queue = [name]
            while let next = queue.popLast() {
                guard seen.insert(next).inserted else { continue }
                hasher.add(next)
                hasher.add(sources[next] ?? "\u{0}")
                queue += (partials[next] ?? []).sorted().reversed()
            }
            digests[name] = hasher.finish()
        }
        return digests
    }

    /// `site.css` → `site.3f2a9c0d1e.css`: the name changes when the bytes do, so
    /// browsers can cache assets for ever.
    static func fingerprinted(_ name: String, _ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes).prefix(5).map { String(format: "%02x", $0) }.joined()
        guard let dot = name.lastIndex(of: ".") else { return "\(name).\(digest)" }
        return "\(name[..<dot]).\(digest)\(name[dot...])"
    }

    /// `search-core.js` → `search_core_js`.
    static func variableName(_ name: String) -> String {
        String(name.map { $0 == "." || $0 == "-" ? "_" : $0 })
    }

    public func has(_ template: String) -> Bool { names.contains(template) }

    func render(_ context: TemplateObject, with template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
