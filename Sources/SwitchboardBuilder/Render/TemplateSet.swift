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
    /// `service-worker.js` of the theme, when it has one: the build publishes it as `/sw.js`
    /// with the build's cache version and file list in front (`ServiceWorker`).
    public let serviceWorker: String?

    /// Loads a theme folder; problems come back as diagnostics against the template files.
    public static func load(directory: String, displayPath: String? = nil) -> (TemplateSet?, [Diagnostic]) {
        let display = displayPath ?? directory
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        _ = HTMLEscaping.registered
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else {
            return (nil, [Diagnostic(file: display, id: "templates-missing", message: "the templates folder does not exist")])
        }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = "\(directory)/\(name)"
            guard let bytes = FileReader.read(path) else { continue }
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
            guard var bytes = FileReader.read("\(assetsDirectory)/\(name)") else { continue }
            if SearchScriptPacker.names.contains(name) { bytes = SearchScriptPacker.pack(bytes) }
            let hashed = fingerprinted(name, bytes)
            assetURLs[variableName(name)] = "/assets/\(hashed)"
            assetFiles.append(OutputFile(path: "assets/\(hashed)", bytes: bytes))
        }
        let serviceWorker = FileReader.read("\(directory)/\(ServiceWorker.sourceName)").flatMap { String(validating: $0, as: UTF8.self) }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        let set = TemplateSet(library: MustacheLibrary(templates: templates), names: Set(templates.keys),
                              assetURLs: assetURLs, assetFiles: assetFiles, serviceWorker: serviceWorker)
        return (set, diagnostics)
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
