import SwitchboardModel

/// The status stage of the pipeline: pages, API files and feeds from content/status/.
enum StatusStage {
    static func build(_ site: Site) -> PageSet {
        guard !site.components.isEmpty else { return PageSet() }
        var set = PageSet()
        set.pages = StatusOutputs.pages(for: site).map { page in
            var page = page
            if let first = page.breadcrumbs.first, first.url != "/" {
                page.breadcrumbs.insert(("Home", "/"), at: 0)
            }
            return page
        }
        set.files = StatusOutputs.files(for: site)
        return set
    }

    static func banner(_ site: Site) -> (indicator: String, description: String)? {
        site.components.isEmpty ? nil : StatusOutputs.banner(for: site)
    }
}
