import SwitchboardModel

/// Hashes of what a page reads: its spec (URL, title, template, context) and the
/// frame every page shares. A page whose hash is the one it had when it was last
/// rendered is carried over instead of rendered again. The context is the page's
/// declaration of what it read: a listing holds its items' titles, URLs, dates and
/// summaries, not their bodies, so editing a body leaves the listing's hash alone.
extension ContentHasher {
    mutating func add(context value: any Sendable) {
        // The common types first, by identity (`ContextValueType`); each hashes exactly as the
        // casts below would.
        switch ObjectIdentifier(type(of: value)) {
        case ContextValueType.string:
            add(1)
            add(value as! String)
        case ContextValueType.context:
            add(dictionary: value as! TemplateContext)
        case ContextValueType.contextList:
            add(contexts: value as! [TemplateContext])
        case ContextValueType.stringList:
            add(strings: value as! [String])
        case ContextValueType.bool:
            add(value as! Bool ? 2 : 3)
        case ContextValueType.int:
            add(4)
            add(value as! Int)
        default:
            addByCasting(value)
        }
    }

    /// Any other type: what it converts to (an `[String: String]` hashes as a context, a list of
    /// anything as a list).
    private mutating func addByCasting(_ value: any Sendable) {
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
            add(strings: list)
        case let dictionary as TemplateContext:
            add(dictionary: dictionary)
        case let list as [TemplateContext]:
            add(contexts: list)
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

    private mutating func add(strings list: [String]) {
        add(5)
        add(list.count)
        for item in list { add(item) }
    }

    private mutating func add(contexts list: [TemplateContext]) {
        add(7)
        add(list.count)
        for item in list { add(dictionary: item) }
    }

    /// Entries in key order (pairs sorted, so no key is looked up again).
    private mutating func add(dictionary: TemplateContext) {
        add(6)
        add(dictionary.count)
        for (key, value) in dictionary.sorted(by: { ByteOrder.precedes($0.key, $1.key) }) {
            add(key)
            add(context: value)
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

    /// Entries a page links to by title (related articles, an answer's related entries).
    mutating func add(linked entries: [EntryIndex.Linked]) {
        add(entries.count)
        for entry in entries {
            add(entry.title)
            add(entry.url)
            add(entry.type)
        }
    }

    /// Product ids with their names, as a page lists them.
    mutating func add(products: [(id: String, name: String)]) {
        add(products.count)
        for product in products {
            add(product.id)
            add(product.name)
        }
    }

    mutating func add(document: SearchDocument) {
        add(document.url)
        add(document.title)
        add(document.type)
        add(document.products.count)
        for product in document.products { add(product) }
        add(document.summary)
        // The sections' own hash: a document whose sections are made late has it already.
        add(document.sectionsDigest ?? ContentHasher.sectionsDigest(document.sections))
    }
}
