import SwitchboardBuilder
import SwitchboardMarkdown
import SwitchboardModel

/// The fuzz targets: each takes arbitrary bytes and must end without a crash, a leak or a
/// hang, whatever they hold. A broken invariant traps, which libFuzzer reports as a crash.
enum FuzzTargets {
    /// Where the content loader's input is put: its first byte picks one, so the fuzzer
    /// reaches every collection's schema and rules.
    static let loaderPaths = [
        "faq/q.md", "policies/p.md", "kb/c/a.md", "devices/d.yml", "escalation/e.yml", "vendors/v.md",
        "support/hours.yml", "support/rates.yml", "support/checklists/c.yml", "status/components.yml",
        "status/incidents/i.md", "status/maintenance/m.md", "site.yml", "products.yml", "kb/c/_category.yml",
    ]

    static func run(_ target: String, _ bytes: UnsafeBufferPointer<UInt8>) {
        switch target {
        case "loader": loader(bytes)
        case "markdown": markdown(bytes)
        case "search": search(bytes)
        default: fatalError("unknown fuzz target '\(target)': loader, markdown or search")
        }
    }

    /// Runs every target on a few inputs before fuzzing starts, so that lazily initialised
    /// globals (the schemas, the renderer, the stop words) are made outside any one input:
    /// LeakSanitizer would otherwise count each as a leak of the input that first used it.
    static func warmUp() {
        let inputs = ["", "a: b\n", "---\nquestion: Q\n---\n# H\n[l](a.md#b) text\n", "- [1, {a: b}]\n"].map { Array($0.utf8) }
        for index in loaderPaths.indices {
            for input in inputs { ([UInt8(index)] + input).withUnsafeBufferPointer { loader($0) } }
        }
        for input in inputs {
            ([3] + input).withUnsafeBufferPointer { markdown($0) }
            input.withUnsafeBufferPointer { search($0) }
        }
    }

    /// Bytes → UTF-8 → front matter → YAML → schema → Markdown → entry rules.
    static func loader(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let selector = bytes.first else { return }
        let path = loaderPaths[Int(selector) % loaderPaths.count]
        guard let diagnostics = ContentProbe.decode(Array(bytes.dropFirst()), as: path) else { fatalError("no collection at \(path)") }
        for diagnostic in diagnostics {
            precondition(diagnostic.line >= 1 && diagnostic.column >= 1, "a diagnostic outside the file: \(diagnostic)")
            precondition(!diagnostic.message.isEmpty && !diagnostic.id.isEmpty, "an empty diagnostic: \(diagnostic)")
        }
    }

    /// Markdown → HTML, raw HTML allowed or not by the first byte, every link rewritten.
    static func markdown(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let selector = bytes.first else { return }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let options = MarkdownOptions(allowRawHTML: selector & 1 == 1, smartPunctuation: selector & 2 == 2)
        let rendered = MarkdownRenderer.shared.render(text, options: options) { link in
            link.destination.hasSuffix(".md") ? "/rewritten/" : nil
        }
        for heading in rendered.headings {
            precondition(heading.level >= 1 && heading.level <= 6, "heading level \(heading.level)")
        }
        precondition(Set(rendered.headings.map(\.id)).count == rendered.headings.count, "heading ids are not unique")
    }

    /// Text → tokens → terms (stop words dropped, stemmed).
    static func search(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        for token in SearchTokenizer.tokens(text) {
            let length = token.unicodeScalars.count
            precondition(length >= SearchTokenizer.minimumLength && length <= SearchTokenizer.maximumLength,
                         "token of \(length) characters")
            precondition(!SearchStemmer.stem(token).isEmpty, "a token stems to nothing")
        }
        _ = SearchTokenizer.terms(text)
    }
}
