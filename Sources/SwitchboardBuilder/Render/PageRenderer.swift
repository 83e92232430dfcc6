import Mustache
import SwitchboardModel

/// Renders a page's content template and wraps it in `layout.mustache`.
struct PageRenderer: Sendable {
    let site: Site
    let templates: TemplateSet
    /// The values every template sees, converted once per build.
    let commonObject: TemplateObject
    /// The same values for compiled templates.
    let commonFields: TemplateFields
    /// Renders with `CompiledTemplate` where the template allows (false: swift-mustache for all, to compare).
    let compiles: Bool
    /// What renders through swift-mustache: the theme's library, or every template when nothing is compiled.
    let library: MustacheLibrary
    /// `site` of those values, which the layout also needs.
    let siteContext: TemplateContext
    /// `head.mustache` and `footer.mustache`, rendered once per build.
    let head: String
    let footer: String
    /// `header.mustache` for each navigation state: index 0 has no current item,
    /// index i + 1 marks nav item i. Rendering the page frame once instead of
    /// once per page takes most Mustache lookups off the per-page path.
    let headers: [String]
    /// `site.basePath` and the origin, worked out once: both parse the base URL.
    let basePath: String
    let origin: String
    /// A hash of everything every page reads besides its own spec: the templates,
    /// the shared values and the rendered frame.
    let frameDigest: ContentDigest

    init(site: Site, templates: TemplateSet, statusBanner: (indicator: String, description: String)?, compiles: Bool = true) {
        self.compiles = compiles
        let library = compiles ? templates.library : templates.everyTemplateLibrary()
        self.library = library
        self.site = site
        self.templates = templates
        let base = site.basePath
        basePath = base
        origin = site.config.origin
        var assets: TemplateContext = [:]
        for (name, url) in templates.assetURLs { assets[name] = base + url }
        let siteValues = Self.siteContext(site)
        siteContext = siteValues
        var common: TemplateContext = [
            "base_path": base,
            "home_url": base + SiteURL.home,
            "search_url": base + SiteURL.search,
            "sitemap_url": base + SiteURL.sitemap,
            "assets": assets,
            "site": siteValues,
        ]
        if templates.serviceWorker != nil { common["service_worker_url"] = base + ServiceWorker.url }
        // The status pages exist only when status/components.yml does; a link to them otherwise leads nowhere.
        if !site.components.isEmpty { common["status_url"] = base + SiteURL.status }
        if let statusBanner {
            common["status_banner"] = [
                "indicator": statusBanner.indicator,
                "description": statusBanner.description,
                "url": base + SiteURL.status,
            ] as TemplateContext
        }
        commonObject = common.templateObject()
        commonFields = TemplateFields(common)
        // The frame is rendered as pages are, compiled where it can be (a missing template renders nothing).
        func frame(_ template: String, _ context: TemplateContext) -> String {
            Self.render(template, context, compiled: compiles ? templates.compiled[template] : nil, library: library, fallback: nil)
        }
        let head = frame("head", common)
        let footer = frame("footer", common).trimmingTrailingNewlines
        self.head = head
        self.footer = footer
        var headers: [String] = []
        for current in -1..<site.config.nav.count {
            var context = common
            context["nav"] = Self.navigation(site, currentIndex: current)
            headers.append(frame("header", context).trimmingTrailingNewlines)
        }
        self.headers = headers
        var hasher = ContentHasher()
        hasher.add(templates.templateDigests["layout"] ?? ContentDigest(high: 0, low: 0))
        hasher.add(context: common)
        for part in [head, footer, base, origin] + headers { hasher.add(part) }
        for item in site.config.nav { hasher.add(item.url) }
        frameDigest = hasher.finish()
    }

    /// A hash of everything `render(page)` reads: equal hashes, equal bytes.
    func digest(_ page: PageSpec) -> ContentDigest {
        // A spec that has its hash needs no context to be made for it.
        let page = page.specDigest == nil ? page.finished() : page
        var hasher = ContentHasher()
        hasher.add(frameDigest)
        hasher.add(templates.templateDigests[page.template] ?? ContentDigest(high: 0, low: 0))
        hasher.add(page.specDigest ?? Self.specDigest(page))
        return hasher.finish()
    }

    /// The hash of a page's spec alone: its URL, title, template, breadcrumbs and context.
    static func specDigest(_ page: PageSpec) -> ContentDigest {
        var hasher = ContentHasher()
        hasher.add(page: page)
        return hasher.finish()
    }

    static func navigation(_ site: Site, currentIndex: Int) -> [TemplateContext] {
        site.config.nav.enumerated().map { index, item in
            var entry: TemplateContext = ["title": item.title, "url": item.url.hasPrefix("/") ? site.basePath + item.url : item.url]
            if index == currentIndex { entry["current"] = true }
            return entry
        }
    }

    /// The navigation item a page belongs to: the longest nav URL that prefixes the page's.
    func currentNavigationIndex(_ url: String) -> Int {
        var best = -1
        var bestLength = 0
        for (index, item) in site.config.nav.enumerated() where item.url != "/" && url.hasPrefix(item.url) && item.url.count > bestLength {
            best = index
            bestLength = item.url.count
        }
        return best
    }

    static func siteContext(_ site: Site) -> TemplateContext {
        let config = site.config
        var context: TemplateContext = [
            "title": config.title,
            "language": config.language,
            "organisation": config.organisation,
            "year": String(site.now.day.year),
        ]
        if let description = config.description { context["description"] = description }
        var support: TemplateContext = [:]
        if let phone = config.support.phone {
            support["phone"] = phone
            support["phone_tel"] = "tel:" + Formats.dialable(phone)
        }
        if let email = config.support.email { support["email"] = email }
        if let portal = config.support.portalURL { support["portal_url"] = portal }
        if let emergency = config.support.emergencyURL { support["emergency_url"] = emergency }
        if let emergency = config.support.emergencyPlaceholder { support["emergency_tbc"] = ContextHelpers.placeholder(emergency) }
        if !support.isEmpty { context["support"] = support }
        return context
    }

    /// A site path with the base path, leaving absolute URLs alone.
    func link(_ url: String) -> String {
        url.hasPrefix("/") ? basePath + url : url
    }

    func render(_ page: PageSpec) -> OutputFile {
        let page = page.finished()
        var context = page.context
        context["page_title"] = page.title
        let content = render(page.template, context, shared: true)

        var layout: TemplateContext = [
            "site": siteContext,
            "base_path": basePath,
            "content": content,
            "chrome": ["head": head, "footer": footer, "header": headers[currentNavigationIndex(page.url) + 1]] as TemplateContext,
        ]
        var pageContext: TemplateContext = [
            "title": page.title,
            "url": link(page.url),
            "canonical": origin + link(page.url),
            "is_home": page.url == "/",
        ]
        if let description = page.description { pageContext["description"] = description }
        if !page.breadcrumbs.isEmpty {
            pageContext["has_breadcrumbs"] = true
            pageContext["breadcrumbs"] = page.breadcrumbs.enumerated().map { index, crumb -> TemplateContext in
                var item: TemplateContext = ["title": crumb.title]
                if index < page.breadcrumbs.count - 1 { item["url"] = link(crumb.url) }
                return item
            }
        }
        if !page.headLinks.isEmpty {
            pageContext["head_links"] = page.headLinks.map {
                ["rel": $0.rel, "type": $0.type, "title": $0.title, "url": link($0.url)] as TemplateContext
            }
        }
        if let extra = page.context["layout_class"] { pageContext["layout_class"] = extra }
        layout["page"] = pageContext
        return OutputFile(path: page.outputPath, text: render("layout", layout, shared: false))
    }

    /// One template: compiled when it can be, else through swift-mustache. `shared`
    /// lets the template fall back to the values every page shares.
    private func render(_ template: String, _ context: TemplateContext, shared: Bool) -> String {
        Self.render(template, context, compiled: compiles ? templates.compiled[template] : nil, library: library,
                    fallback: shared ? (commonFields, commonObject) : nil)
    }

    /// One template: `compiled` when given, else through swift-mustache's `library`; with the
    /// shared values to fall back to, in each renderer's form.
    private static func render(_ template: String, _ context: TemplateContext, compiled: CompiledTemplate?, library: MustacheLibrary,
                               fallback: (fields: TemplateFields, object: TemplateObject)?) -> String {
        if let compiled { return compiled.render(TemplateFields(context, fallback: fallback?.fields)) }
        return library.render(context.templateObject(fallback: fallback?.object), withTemplate: template) ?? ""
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var value = self
        while value.hasSuffix("\n") { value.removeLast() }
        return value
    }
}
