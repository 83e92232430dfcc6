import SwitchboardModel

/// A knowledge base category's page (`/kb/<category>/`), which lists every article of the
/// category. Its digest is the hash of typed inputs and its context is made only when the page
/// is rendered: made and hashed as a context on every build, the lists of every category were a
/// fiftieth of a one-edit rebuild's work at 10,000 files.
enum CategoryPage {
    /// Everything the page is made from.
    struct Inputs: Sendable {
        /// An article as a listing shows it (also on `/kb/`).
        struct Listed: Sendable {
            var title: String
            var summary: String
            /// With the base path.
            var url: String
            /// The long form of the date, when the article has one.
            var updated: String?

            var context: TemplateContext {
                var item: TemplateContext = ["title": title, "summary": summary, "url": url]
                if let updated { item["updated"] = updated }
                return item
            }
        }

        /// Without the base path.
        var url: String
        var title: String
        var summary: String
        var articles: [Listed]

        /// The hash of every input above (`LatePageInputsTests.theCategoryPagesDigestCoversEveryInput` fails when one is added without it).
        var digest: ContentDigest {
            var hasher = ContentHasher()
            hasher.add("kb category page 1")
            for text in [url, title, summary] { hasher.add(text) }
            hasher.add(articles.count)
            for article in articles {
                for text in [article.title, article.summary, article.url] { hasher.add(text) }
                hasher.add(optional: article.updated)
            }
            return hasher.finish()
        }
    }

    static func page(_ inputs: Inputs) -> PageSpec {
        .late(url: inputs.url, template: "kb-category", title: inputs.title, description: inputs.summary,
              breadcrumbs: [("Home", SiteURL.home), ("Knowledge base", SiteURL.knowledgeBase), (inputs.title, inputs.url)],
              digest: inputs.digest) { context(inputs) }
    }

    /// The page's context: a function of its inputs alone.
    static func context(_ inputs: Inputs) -> TemplateContext {
        ["summary": inputs.summary, "articles": inputs.articles.map(\.context)]
    }
}
