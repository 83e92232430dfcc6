import SwitchboardMarkdown

/// Decodes one content file from bytes as the loader does (UTF-8, front matter, YAML,
/// schema, Markdown, the entry's own rules) without touching the disk: the entry point
/// of the content loader's fuzz target, and of tests of a single file.
public enum ContentProbe {
    /// The diagnostics of `bytes` read as the file at `path` inside content/ (`faq/q.md`,
    /// `devices/d.yml`); nil when the layout has no collection at that path.
    public static func decode(_ bytes: [UInt8], as path: String, limits: InputLimits = .standard) -> [Diagnostic]? {
        guard case .entry(let collection, let slug, let category) = ContentPathClassifier.classify(path) else { return nil }
        let file = DiscoveredFile(path: path, absolutePath: path, collection: collection, slug: slug, category: category)
        let decoder = EntryDecoder(map: ContentMap(files: [file], basePath: ""), markdownOptions: MarkdownOptions(),
                                   displayRoot: "content", today: Instant(secondsSinceEpoch: 1_795_694_400).day, limits: limits)
        return decoder.decode(file, bytes: bytes).diagnostics
    }
}
