import SwitchboardModel

/// `/kb/`, a page per category and a page per article, and the articles' Atom feed.
enum KnowledgeBasePages {
    /// Articles listed per category on /kb/.
    static let indexListLength = 12

    /// With a `memo` (a long-lived session's), an article whose inputs are those of the last
    /// build keeps its page spec and search document from then. `entries` is waited for once the
    /// index and category pages are made.
    static func build(_ site: Site, entries: BackgroundTask<EntryIndex>, memo: ArticlePageMemo? = nil) -> PageSet {
        var set = PageSet()
        let base = site.basePath
        // Articles are handled by index here: each copy of one (a `filter`, a `for article in`,
        // an array per category) retains and releases some twenty references, on this thread.
        // The site has left its drafts out already, so the filter seldom has anything to drop.
        let all = site.articles
        let published = all.indices.contains { all[$0].draft } ? all.filter { !$0.draft } : all
        var byCategory: [String: [Int]] = [:]
        for index in published.indices { byCategory[published[index].category, default: []].append(index) }
        // By title, once per category: the index and the category's page list them in that order.
        for (category, indices) in byCategory { byCategory[category] = indices.sorted { published[$0].title < published[$1].title } }

        @Sendable func item(_ index: Int) -> CategoryPage.Inputs.Listed {
            CategoryPage.Inputs.Listed(title: published[index].title, summary: published[index].summary,
                                       url: base + (published[index].info.url ?? ""), updated: published[index].updated.map(ContextHelpers.long))
        }
        // The index lists a few articles per category and links the rest: with
        // thousands of articles, one page listing them all would weigh megabytes.
        let categories = site.categories.map { category -> TemplateContext in
            let articles = byCategory[category.info.slug] ?? []
            var context: TemplateContext = ["id": category.info.slug, "title": category.title, "summary": category.summary,
                                            "url": base + (category.info.url ?? ""),
                                            "articles": articles.prefix(Self.indexListLength).map { item($0).context }]
            if articles.count > Self.indexListLength { context["more"] = "All \(articles.count) articles in \(category.title)" }
            return context
        }
        set.pages.append(PageSpec(url: SiteURL.knowledgeBase, template: "kb-index", title: "Knowledge base",
                                  description: "Diagnostics, tickets, returns and devices: answers for trained engineers.",
                                  context: ["categories": categories], breadcrumbs: [("Home", SiteURL.home), ("Knowledge base", SiteURL.knowledgeBase)]))
        // A category's page lists all its articles (`CategoryPage`): on all cores (made one after
        // another, they left the other core idle for a twentieth of a one-edit rebuild at 10,000 files).
        let listed = byCategory
        let categoryPages = site.categories.parallelMap { category -> PageSpec? in
            guard let url = category.info.url else { return nil }
            let articles = listed[category.info.slug] ?? []
            return CategoryPage.page(CategoryPage.Inputs(url: url, title: category.title, summary: category.summary, articles: articles.map(item)))
        }
        set.pages += categoryPages.compactMap { $0 }

        let categoryTitles = Dictionary(site.categories.map { ($0.info.slug, $0.title) }, uniquingKeysWith: { a, _ in a })
        let repository = site.config.repositoryURL
        let previous = memo?.entries ?? [:]
        let entries = entries.wait()
        // Every article's context is independent of the others': build them on all cores.
        let built = published.parallelMap { article -> (entry: ArticlePageMemo.Entry, made: Bool)? in
            guard article.info.url != nil else { return nil }
            let inputs = ArticlePageMemo.Inputs(article: article, categoryTitle: categoryTitles[article.category] ?? article.category,
                                                related: entries.relatedEntries(to: article),
                                                productNames: ContextHelpers.productNames(article.products, in: site),
                                                basePath: base, repositoryURL: repository)
            if let known = previous[article.info.path], known.inputs == inputs { return (known, false) }
            // Without a memo to keep it in, the page's context is made when it is rendered.
            return (entry(inputs, contextLate: memo == nil), true)
        }
        var made = 0
        var kept: [String: ArticlePageMemo.Entry] = [:]
        for case let (entry, wasMade)? in built {
            set.pages.append(entry.page)
            set.documents.append(entry.document)
            if wasMade { made += 1 }
            if memo != nil { kept[entry.inputs.article.info.path] = entry }
        }
        memo?.replace(with: kept, made: made)
        set.files.append(atom(published, site: site))
        // The copies of every article made here go on another core: freeing them held up the plan.
        BackgroundRelease.release((consume published, consume byCategory, consume built))
        return set
    }

    /// An article's page and search document, from everything they read; with `contextLate`,
    /// the page's context is left to be made when it is rendered (`PageSpec.lateContext`).
    static func entry(_ inputs: ArticlePageMemo.Inputs, contextLate: Bool = false) -> ArticlePageMemo.Entry {
        let article = inputs.article
        var page: PageSpec
        if contextLate {
            page = spec(inputs, context: [:])
            page.lateContext = { context(inputs) }
        } else {
            page = spec(inputs)
        }
        // The page is a function of its inputs: their hash stands for the spec's, made early or late.
        page.specDigest = inputs.pageDigest
        var document = SearchDocument(url: page.url, title: article.title, type: "Article", products: article.products,
                                      summary: article.summary, sections: [])
        if let stored = article.storedBody {
            // Read back from the store when the search index reads the document.
            document.sectionsDigest = stored.sectionsDigest
            document.lateSections = { ContextHelpers.sections(article.bodySections) }
        } else {
            document.sections = ContextHelpers.sections(article.body.rendered.sections)
        }
        return ArticlePageMemo.Entry(inputs: inputs, page: page, document: document)
    }

    /// An article's page spec alone, from everything it reads (pages rendered ahead need no more),
    /// with `context` in place of the one the inputs make.
    static func spec(_ inputs: ArticlePageMemo.Inputs, context: TemplateContext? = nil) -> PageSpec {
        let article = inputs.article
        let url = article.info.url ?? ""
        let categoryTitle = inputs.categoryTitle
        return PageSpec(url: url, template: "article", title: article.title, description: article.summary, context: context ?? Self.context(inputs),
                        breadcrumbs: [("Home", SiteURL.home), ("Knowledge base", SiteURL.knowledgeBase), (categoryTitle, SiteURL.category(article.category)), (article.title, url)])
    }

    /// The context of an article's page.
    static func context(_ inputs: ArticlePageMemo.Inputs) -> TemplateContext {
        let article = inputs.article
        let base = inputs.basePath
        let categoryTitle = inputs.categoryTitle
        let body = article.pageBody
        var context: TemplateContext = ["summary": article.summary, "body": body.html,
                                        "category": categoryTitle, "category_url": base + SiteURL.category(article.category)]
        if let updated = article.updated {
            context["updated"] = ContextHelpers.long(updated)
            context["updated_iso"] = updated.description
        }
        let toc = ContextHelpers.toc(body)
        if toc.count > 1 { context["toc"] = toc }
        if !article.products.isEmpty {
            context["products"] = ContextHelpers.products(article.products, names: inputs.productNames)
        }
        if !article.tags.isEmpty { context["tags"] = article.tags }
        if !inputs.related.isEmpty { context["related"] = inputs.related.map(\.context) }
        if let repository = inputs.repositoryURL {
            context["edit_url"] = repository.trimmingSlash + "/content/" + article.info.path
        }
        return context
    }

    /// New and updated articles, newest first.
    static func atom(_ articles: [Article], site: Site) -> OutputFile {
        let origin = site.config.origin + site.basePath
        // Newest first, by date then path (unique, so the order is total). The keys are sorted,
        // not the articles: copying each article to sort them all for fifty was most of the feed.
        let epoch = Day(year: 1970, month: 1, day: 1)
        let keys = articles.indices.map { (day: articles[$0].updated ?? epoch, path: articles[$0].info.path, index: $0) }
        let dated = keys.sorted { ($0.day, $0.path) > ($1.day, $1.path) }.prefix(50).map { articles[$0.index] }
        let newest = dated.first?.updated.map { "\($0)T00:00:00Z" } ?? site.now.description
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(site.config.title.xmlEscaped): knowledge base</title>\n"
        xml += "  <id>\(origin)\(SiteURL.knowledgeBase)</id>\n  <link rel=\"alternate\" href=\"\(origin)\(SiteURL.knowledgeBase)\"/>\n"
        xml += "  <link rel=\"self\" href=\"\(origin)\(SiteURL.knowledgeBaseFeed)\"/>\n  <updated>\(newest)</updated>\n"
        for article in dated {
            let url = origin + (article.info.url ?? "")
            let updated = article.updated.map { "\($0)T00:00:00Z" } ?? newest
            xml += "  <entry>\n    <title>\(article.title.xmlEscaped)</title>\n    <id>\(url.xmlEscaped)</id>\n"
            xml += "    <link rel=\"alternate\" href=\"\(url.xmlEscaped)\"/>\n    <updated>\(updated)</updated>\n"
            xml += "    <author><name>\(site.config.organisation.xmlEscaped)</name></author>\n"
            xml += "    <summary>\(article.summary.xmlEscaped)</summary>\n  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: SiteURL.outputPath(SiteURL.knowledgeBaseFeed), text: xml)
    }
}
