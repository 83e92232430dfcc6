import Crypto
import Foundation
import Mustache
import SwitchboardModel

/// The theme: Mustache templates from templates/ and the files of
/// templates/assets/, which are published under content-hashed names.
public struct TemplateSet: Sendable {
    /// swift-mustache's parse of the templates a build renders through it: those `CompiledTemplate`
    /// does not accept, and what they include.
    let library: MustacheLibrary
    let names: Set<String>
    /// Every template's text, by name (`everyTemplateLibrary()`).
    let sources: [String: String]
    /// Template variable (`site_css`) → URL without base path (`/assets/site.3f2a9c0d1e.css`).
    public let assetURLs: [String: String]
    /// The theme's asset files, ready to write.
    public let assetFiles: [OutputFile]
    /// `service-worker.js` of the theme, when it has one: the build publishes it as `/sw.js`
    /// with the build's cache version and file list in front (`ServiceWorker`).
    public let serviceWorker: String?
    /// A hash of every template and asset.
    public let digest: ContentDigest
    /// Per template, a hash of its text and of the partials it includes: what a page rendered with it reads.
    let templateDigests: [String: ContentDigest]
    /// The templates `CompiledTemplate` accepts; the others render through swift-mustache.
    let compiled: [String: CompiledTemplate]

    /// Bytes in one template (`template-too-large`): swift-mustache's parser takes time in the
    /// square of a template's length (half a minute for 540 KB); the largest bundled template
    /// is 9 KB.
    static let maxTemplateBytes = 64 * 1024
    /// Sections nested in one template, with those of the templates it includes (`template-too-deep`);
    /// the bundled theme nests 6 deep at most.
    static let maxNesting = 32

    /// Loads a theme folder; problems come back as diagnostics against the template files.
    ///
    /// swift-mustache parses a template only when a build renders it through swift-mustache, or
    /// to report what is wrong with one `CompiledTemplate` does not accept: a template it accepts
    /// is one swift-mustache parses too (`CompiledTemplate.nameCharacters`). Parsing all thirty
    /// had been some 140 million instructions of every build (swift-mustache counts characters
    /// from the start of the text at each step), a tenth of a one-edit rebuild at 1,000 files.
    public static func load(directory: String, displayPath: String? = nil) -> (TemplateSet?, [Diagnostic]) {
        let display = displayPath ?? directory
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var hasher = ContentHasher()
        var sources: [String: String] = [:]
        var compiled: [String: CompiledTemplate] = [:]
        _ = HTMLEscaping.registered
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else {
            return (nil, [Diagnostic(file: display, id: "templates-missing", message: "the templates folder does not exist")])
        }
        var tried: Set<String> = []
        func parse(_ name: String) {
            guard let text = sources[name], tried.insert(name).inserted else { return }
            if let template = parsed(text, file: "\(display)/\(name).mustache", diagnostics: &diagnostics) { templates[name] = template }
        }
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = "\(directory)/\(name)"
            guard let bytes = FileReader.read(path, limit: maxTemplateBytes) else { continue }
            guard bytes.count <= maxTemplateBytes else {
                diagnostics.append(Diagnostic(file: "\(display)/\(name)", id: "template-too-large",
                                              message: "a template may have at most \(maxTemplateBytes / 1024) KB: swift-mustache takes time in the square of a template's length"))
                continue
            }
            hasher.add(name)
            hasher.add(ContentDigest(bytes))
            var collector = DiagnosticCollector(file: "\(display)/\(name)")
            guard let text = SourceText.decode(bytes, diagnostics: &collector) else {
                diagnostics.append(contentsOf: collector.diagnostics)
                continue
            }
            sources[String(name.dropLast(".mustache".count))] = text
        }
        // Checked before anything parses a template: swift-mustache's parser recurses once per
        // nested section (it crashed at a few thousand), and renders a template that includes
        // itself until the stack overflows.
        let includes = TemplateIncludes(sources)
        let file = { (name: String) in "\(display)/\(name).mustache" }
        let shape = includes.cycles(file: file) + includes.nesting(limit: maxNesting, file: file) + includes.dynamicNames(file: file)
        diagnostics += shape
        if shape.isEmpty {
            for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
                if let fast = CompiledTemplate(text) { compiled[name] = fast } else { parse(name) }
            }
            let known = Set(sources.keys)
            compiled = compiled.compactMapValues { $0.linked(compiled, known: known) }
            // What renders through swift-mustache, and everything it includes.
            for name in includes.closure(of: sources.keys.filter { compiled[$0] == nil }) { parse(name) }
        }
        if sources["layout"] == nil, !diagnostics.contains(where: { $0.file.hasSuffix("/layout.mustache") }) {
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
            hasher.add(name)
            hasher.add(ContentDigest(bytes))
            assetURLs[variableName(name)] = SiteURL.asset(hashed)
            assetFiles.append(OutputFile(path: SiteURL.outputPath(SiteURL.asset(hashed)), bytes: bytes))
        }
        let serviceWorkerBytes = FileReader.read("\(directory)/\(ServiceWorker.sourceName)")
        if let serviceWorkerBytes {
            // /sw.js is built from it, so a change must invalidate the cached build.
            hasher.add(ServiceWorker.sourceName)
            hasher.add(ContentDigest(serviceWorkerBytes))
        }
        let serviceWorker = serviceWorkerBytes.flatMap { String(validating: $0, as: UTF8.self) }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        let set = TemplateSet(library: MustacheLibrary(templates: templates), names: Set(sources.keys), sources: sources,
                              assetURLs: assetURLs, assetFiles: assetFiles, serviceWorker: serviceWorker, digest: hasher.finish(),
                              templateDigests: partialClosureDigests(sources, includes: includes), compiled: compiled)
        return (set, diagnostics)
    }

    /// A template's text parsed by swift-mustache, or nil with a diagnostic.
    private static func parsed(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> MustacheTemplate? {
        do {
            // The pragma is a line of its own, which Mustache drops from the output;
            // error positions below subtract it again.
            let pragma = "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}\n"
            return try MustacheTemplate(string: pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            diagnostics.append(Diagnostic(file: file,
                                          position: SourcePosition(line: max(1, error.context.lineNumber - 1), column: max(1, error.context.columnNumber)),
                                          id: "template-syntax", message: "invalid Mustache: \(error.error)"))
        } catch {
            diagnostics.append(Diagnostic(file: file, id: "template-syntax", message: "invalid Mustache: \(error)"))
        }
        return nil
    }

    /// Every template swift-mustache parses, for rendering every page through it (`--mustache-only`,
    /// and the tests that compare the two renderers). The load checked that each one parses.
    func everyTemplateLibrary() -> MustacheLibrary {
        var diagnostics: [Diagnostic] = []
        return MustacheLibrary(templates: sources.compactMapValues { Self.parsed($0, file: "", diagnostics: &diagnostics) })
    }

    /// Each template's text hashed with the templates it includes (`TemplateIncludes.closure`), which a
    /// page rendered with it reads.
    static func partialClosureDigests(_ sources: [String: String], includes: TemplateIncludes) -> [String: ContentDigest] {
        var digests: [String: ContentDigest] = [:]
        for name in sources.keys {
            var hasher = ContentHasher()
            for included in includes.closure(of: [name]) {
                hasher.add(included)
                hasher.add(sources[included] ?? "\u{0}")
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

}
