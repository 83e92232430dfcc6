import SwitchboardModel

/// Renders edited articles' pages from the last good build, before the next build runs, byte
/// for byte as that build will render them when nothing else changed meanwhile: `serve` shows
/// them at once, and the rest of the site (listings, related links, search) follows when the
/// build is done. A value taken from the build (`BuildSession.pagesAhead`), so it can be used
/// on any thread while the next build runs.
///
/// It renders nothing unless every changed path is an article that the build published, that
/// still parses without errors, and whose edit touches only what its own page shows (its title,
/// summary, dates or body: see `ArticlePageMemo.Inputs.replacing`), at the clock of that build.
/// Anything else (a template, a new file, a changed tag) could change the page through other
/// files, so it waits for the build.
public struct PagesAheadRenderer: Sendable {
    let reparser: ArticleReparser
    let renderer: PageRenderer
    let articles: [String: ArticlePageMemo.Entry]
    let failsOnWarnings: Bool

    /// More articles saved at once than this (a checkout, a search and replace) wait for the build.
    static let maximumPages = 8

    /// The pages of the articles at `changedPaths` (as the watcher names them), or none.
    public func render(changedPaths: Set<String>, now: Instant) -> [OutputFile] {
        let changedPaths = changedPaths.filter { !reparser.cameAndWent($0) }
        guard !changedPaths.isEmpty, changedPaths.count <= Self.maximumPages, now == reparser.now else { return [] }
        var pages: [PageSpec] = []
        for path in changedPaths {
            guard let parsed = reparser.article(at: path), let article = parsed.article,
                  !parsed.diagnostics.hasErrors, !(failsOnWarnings && !parsed.diagnostics.isEmpty),
                  let inputs = articles[article.info.path]?.inputs.replacing(article: article)
            else { return [] }
            pages.append(KnowledgeBasePages.spec(inputs))
        }
        return pages.map(renderer.render)
    }
}
