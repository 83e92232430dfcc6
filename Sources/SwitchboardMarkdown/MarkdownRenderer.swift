import CCmarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown with cmark-gfm.
///
/// This is the only file that sees the C library. cmark-gfm 0.29 is not thread-safe
/// once extensions are attached: it keeps the characters that start an extension's
/// inline syntax (strikethrough's `~`, the autolink's) in one process-wide table,
/// which each parse's inline pass fills as it starts and clears as it ends, so two
/// threads parsing inlines at once drop strikethrough and autolinks. That pass runs in
/// `cmark_parser_finish`, which holds a lock. Block parsing (`cmark_parser_feed`, with
/// tables and link reference definitions), walking the tree and rendering HTML touch
/// only the document's own nodes and run in parallel: at 10,000 files the lock around
/// the whole parse had cost a third of the loading stage.
///
/// The table cannot simply be filled once and left alone: emptying the extensions' character
/// lists, so that no parse fills or clears it, also hides strikethrough from the delimiter
/// pass, which finds the extension through those lists, and `~~a~~` then loops for ever
/// inside `cmark_parser_finish` (tried, December 2026). Nor is the lock worth much now: with
/// it removed (and output wrong), the loading stage of a 10,000-file build was no faster
/// beyond the machine's noise (1.15–1.30 s against 1.10–1.60 s).
public final class MarkdownRenderer: Sendable {
    /// The one renderer of the process. Creating it registers the GFM extensions.
    public static let shared = MarkdownRenderer()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private let parseLock = NSLock()

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
    }

    /// Renders `source`.
    ///
    /// - Parameter rewrite: called for each link and image destination; returns
    ///   the destination to use instead, or nil to keep it as written.
    public func render(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        rewrite: (MarkdownLink) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        var flags = CMARK_OPT_FOOTNOTES
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.allowRawHTML { flags |= CMARK_OPT_UNSAFE }

        guard let parser = cmark_parser_new(flags) else {
            return RenderedMarkdown(html: "", headings: [], links: [], sections: [])
        }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var utf8 = source
        utf8.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        // The inline pass (see the type's comment).
        parseLock.lock()
        let document = cmark_parser_finish(parser)
        parseLock.unlock()
        defer { cmark_parser_free(parser) }
        guard let document else {
            return RenderedMarkdown(html: "", headings: [], links: [], sections: [])
        }
        defer { cmark_node_free(document) }

        var walker = TreeWalker()
        walker.walk(document)
        let links = walker.rewriteLinks(rewrite)
        walker.giveHeadingsIDs()

        var html = ""
        if let rendered = cmark_render_html(document, flags, cmark_parser_get_syntax_extensions(parser)) {
            html = String(cString: rendered)
            free(rendered)
        }
        return RenderedMarkdown(html: html, headings: walker.headings, links: links, sections: walker.sections)
    }
}

/// One pass over the tree that gathers headings, links and text, then edits
/// the nodes it gathered (never while iterating).
private struct TreeWalker {
    var headings: [MarkdownHeading] = []
    var sections: [MarkdownSection] = []
    private var headingNodes: [OpaquePointer] = []
    private var linkNodes: [(node: OpaquePointer, link: MarkdownLink)] = []
    private var slugger = HeadingSlugger()
    private var text = FoldedText()
    private var headingText = FoldedText()
    private var currentHeading: MarkdownHeading?

    mutating func walk(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var inHeading = false
        // Autolinks carry no position of their own: they take their block's.
        var blockLine = 1
        var blockColumn = 1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_HEADING:
                if entering {
                    inHeading = true
                    headingText.removeAll()
                } else {
                    inHeading = false
                    closeSection()
                    let title = headingText.string
                    let heading = MarkdownHeading(
                        level: Int(cmark_node_get_heading_level(node)),
                        text: title,
                        id: slugger.uniqueSlug(title),
                        line: Int(cmark_node_get_start_line(node))
                    )
                    headings.append(heading)
                    headingNodes.append(node)
                    currentHeading = heading
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) {
                    if inHeading {
                        headingText.append(literal)
                    } else {
                        text.append(literal)
                        if type == CMARK_NODE_CODE_BLOCK { text.space() }
                    }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if inHeading { headingText.space() } else { text.space() }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    let line = Int(cmark_node_get_start_line(node))
                    let link = MarkdownLink(
                        kind: type == CMARK_NODE_IMAGE ? .image : .link,
                        destination: destination,
                        line: line > 0 ? line : blockLine,
                        column: line > 0 ? Int(cmark_node_get_start_column(node)) : blockColumn
                    )
                    linkNodes.append((node, link))
                }
            default:
                if entering, Self.isBlock(type), cmark_node_get_start_line(node) > 0 {
                    blockLine = Int(cmark_node_get_start_line(node))
                    blockColumn = Int(cmark_node_get_start_column(node))
                }
                // Block boundaries separate words in the extracted text.
                if !entering, !inHeading, Self.isBlock(type) {
                    text.space()
                }
            }
        }
        closeSection()
    }

    /// Block node types have the block bit and not the inline one; inline
    /// types carry both bits (`CMARK_NODE_TYPE_INLINE` is 0xc000).
    static func isBlock(_ type: cmark_node_type) -> Bool {
        UInt32(type.rawValue) & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK)
    }

    private mutating func closeSection() {
        if currentHeading != nil || !text.isEmpty {
            sections.append(MarkdownSection(heading: currentHeading, text: text.string))
        }
        text.removeAll()
    }

    /// Applies `rewrite` to every link and returns the links as written.
    func rewriteLinks(_ rewrite: (MarkdownLink) -> String?) -> [MarkdownLink] {
        for (node, link) in linkNodes {
            if let replacement = rewrite(link) {
                cmark_node_set_url(node, replacement)
            }
        }
        return linkNodes.map(\.link)
    }

    /// Replaces each heading by a custom block that prints the same element
    /// with an `id`: cmark-gfm's HTML renderer has no hook for attributes.
    func giveHeadingsIDs() {
        for (node, heading) in zip(headingNodes, headings) {
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(custom, "<h\(heading.level) id=\"\(heading.id)\">")
            cmark_node_set_on_exit(custom, "</h\(heading.level)>")
            var moved = true
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                if cmark_node_append_child(custom, child) == 0 {
                    moved = false
                    break
                }
            }
            if moved, cmark_node_replace(node, custom) != 0 {
                cmark_node_free(node)
            } else {
                cmark_node_free(custom)
            }
        }
    }
}
