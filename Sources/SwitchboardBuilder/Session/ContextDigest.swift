import SwitchboardModel

/// Hashes of what a page reads: its spec (URL, title, template, context) and the
/// frame every page shares. A page whose hash is the one it had when it was last
/// rendered is carried over instead of rendered again. The context is the page's
/// declaration of what it read: a listing holds its items' titles, URLs, dates and
/// summaries, not their bodies, so editing a body leaves the listing's hash alone.
extension ContentHasher {
    mutating func add(context value: any Sendable) {
        switch value {
        case let text as String:
            add(1)
            add(text)
        case let flag as Bool:
            add(flag ? 2 : 3)
        case let number as Int:
            add(4)
            add(number)
        case let list as [String]:
            add(5)
            add(list.count)
            for item in list { add(item) }
        case let dictionary as TemplateContext:
            add(6)
            add(dictionary.count)
            for key in dictionary.keys.sorted(by: { ByteOrder.precedes($0, $1) }) {
                add(key)
                add(context: dictionary[key]!)
            }
        case let list as [TemplateContext]:
            add(7)
            add(list.count)
            for item in list { add(context: item) }
        case let list as [any Sendable]:
            add(8)
            add(list.count)
            for item in list { add(context: item) }
        default:
            // Every context value is one of the above; anything else still hashes by its description.
            add(9)
            add(String(describing: type(of: value)))
            add(String(describing: value))
        }
    }

    mutating func add(page: PageSpec) {
        add(page.url)
        add(page.template)
        add(page.title)
        add(page.description ?? "\u{0}")
        add(page.breadcrumbs.count)
        for crumb in page.breadcrumbs {
            add(crumb.title)
            add(crumb.url)
        }
        add(page.headLinks.count)
        for link in page.headLinks {
            add(link.rel)
            add(link.type)
            add(link.title)
            add(link.url)
        }
        add(page.inSitemap ? 1 : 0)
        add(context: page.context)
    }

    mutating func add(document: SearchDocument) {
        add(document.url)
        add(document.title)
        add(document.type)
        add(document.products.count)
        for product in document.products { add(product) }
        add(document.summary)
        add(document.sections.count)
        for section in document.sections {
            add(section.anchor ?? "\u{0}")
            add(section.heading ?? "\u{0}")
            add(section.text)
        }
    }
}
