import SwitchboardModel

/// `/search/`: the shareable search page (`/search/?q=…`).
enum SearchPage {
    static func build(_ site: Site) -> PageSet {
        var set = PageSet()
        set.pages.append(PageSpec(url: SiteURL.search, template: "search", title: "Search",
                                  description: "Search the knowledge base, FAQs, policies, devices and escalation paths.",
                                  context: ["layout_class": "search"], inSitemap: false))
        return set
    }
}
