import SwitchboardModel

/// sitemap.xml and robots.txt.
enum SiteFiles {
    static func sitemap(_ pages: [PageSpec], site: Site) -> OutputFile {
        let origin = site.config.origin + site.basePath
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let urls = Set(pages.filter(\.inSitemap).map(\.url)).sorted()
        for url in urls {
            xml += "  <url><loc>\((origin + url).xmlEscaped)</loc></url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: SiteURL.outputPath(SiteURL.sitemap), text: xml)
    }

    static func robots(site: Site) -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.config.origin)\(site.basePath)\(SiteURL.sitemap)\n")
    }
}
