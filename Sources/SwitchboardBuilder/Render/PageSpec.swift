import SwitchboardModel

/// Values handed to a Mustache template: plain dictionaries and arrays, so
/// swift-mustache looks keys up without reflection (`Dictionary` is a `MustacheParent`).
/// Leave a key out rather than set it to "" when a section should not show:
/// Mustache treats any present string, even an empty one, as true.
public typealias TemplateContext = [String: any Sendable]

/// A page to render: its URL, the template for its main content, and that template's context.
/// The renderer wraps the content in `layout.mustache` (header, navigation, footer).
public struct PageSpec: Sendable {
    /// The page's path on the site without the base path, ending in `/` (`/status/`),
    /// or naming a file (`/404.html`).
    public var url: String
    /// Template name in templates/ without `.mustache`.
    public var template: String
    /// The `<title>` and the h1.
    public var title: String
    /// A sentence for `<meta name="description">`.
    public var description: String?
    public var context: TemplateContext
    /// Breadcrumbs above the h1: (title, url without base path); the page itself is last and has no link.
    public var breadcrumbs: [(title: String, url: String)]
    /// Extra `<link>` elements for `<head>` (feeds), as (rel, type, title, url without base path).
    public var headLinks: [(rel: String, type: String, title: String, url: String)]
    /// Listed in sitemap.xml.
    public var inSitemap: Bool
    /// A hash standing for everything above, when the page family has one: an article page's
    /// is the hash of its inputs (`ArticlePageMemo.Inputs.pageDigest`), so it is known before
    /// the page's context is made. Else `PageRenderer.digest` hashes the spec. Set only on a
    /// spec that is finished or made from those inputs alone: nothing may change it afterwards.
    var specDigest: ContentDigest?
    /// Makes `context` when the page is rendered (`finished()`), when set: the knowledge base's
    /// article pages, thousands of them, leave their contexts to their render batch, so a build
    /// holds the contexts of the pages it is rendering, not every page's (a tenth of a
    /// 10,000-page build's peak).
    var lateContext: (@Sendable () -> TemplateContext)?

    public init(url: String, template: String, title: String, description: String? = nil, context: TemplateContext = [:],
                breadcrumbs: [(title: String, url: String)] = [], headLinks: [(rel: String, type: String, title: String, url: String)] = [],
                inSitemap: Bool = true) {
        self.url = url
        self.template = template
        self.title = title
        self.description = description
        self.context = context
        self.breadcrumbs = breadcrumbs
        self.headLinks = headLinks
        self.inSitemap = inSitemap
    }

    /// A spec whose context `context` makes when the page is rendered, and whose hash is
    /// `digest`: the hash of every input `context` reads. The rest of the spec (URL, title,
    /// template, breadcrumbs) must be made from those inputs or fixed in the program, which the
    /// build's memory is keyed by.
    static func late(url: String, template: String, title: String, description: String?, breadcrumbs: [(title: String, url: String)],
                     digest: ContentDigest, context: @escaping @Sendable () -> TemplateContext) -> PageSpec {
        var page = PageSpec(url: url, template: template, title: title, description: description, breadcrumbs: breadcrumbs)
        page.lateContext = context
        page.specDigest = digest
        return page
    }

    /// The spec with its context made: what is digested and rendered.
    func finished() -> PageSpec {
        guard let lateContext else { return self }
        var page = self
        page.context = lateContext()
        page.lateContext = nil
        return page
    }

    /// The output file the page is written to.
    public var outputPath: String {
        SiteURL.outputPath(url)
    }
}
