import SwitchboardModel
/// The pages' ids and facets. Pages are numbered in order of (type, products, URL), so pages
/// with the same facets have consecutive ids and the manifest can give every page's facets
/// as a short list of runs instead of one entry per page.
struct SearchCatalogue {
    /// A run of consecutive page ids with the same type and products.
    struct Run {
        var start: Int
        var type: Int
        var products: [Int]
    }

    /// `order[id]` is the index in the writer's input of the page numbered `id`.
    let order: [Int]
    /// Content types, sorted.
    let types: [String]
    /// Product ids, sorted.
    let products: [String]
    /// Type of each page id, as an index into `types`.
    let typeIndex: [Int]
    /// Products of each page id, as sorted indices into `products`.
    let productIndices: [[Int]]
    let runs: [Run]

    init(_ documents: [SearchDocument]) {
        // Documents are read in place by index: each `map` over them copied every document whole.
        var typeSet = Set<String>()
        var productSet = Set<String>()
        for index in documents.indices {
            typeSet.insert(documents[index].type)
            for product in documents[index].products { productSet.insert(product) }
        }
        let types = Array(typeSet).sorted(by: SearchCatalogue.codePointOrder)
        let products = Array(productSet).sorted(by: SearchCatalogue.codePointOrder)
        let typeNumber = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, $0) })
        let productNumber = Dictionary(uniqueKeysWithValues: products.enumerated().map { ($1, $0) })
        var pageType: [Int] = []
        var pageProducts: [[Int]] = []
        pageType.reserveCapacity(documents.count)
        pageProducts.reserveCapacity(documents.count)
        for index in documents.indices {
            pageType.append(typeNumber[documents[index].type]!)
            pageProducts.append(Array(Set(documents[index].products.map { productNumber[$0]! })).sorted())
        }

        let order = documents.indices.sorted { a, b in
            if pageType[a] != pageType[b] { return pageType[a] < pageType[b] }
            if pageProducts[a] != pageProducts[b] { return pageProducts[a].lexicographicallyPrecedes(pageProducts[b]) }
            if documents[a].url != documents[b].url {
                return SearchCatalogue.codePointOrder(documents[a].url, documents[b].url)
            }
            return a < b
        }
        self.order = order
        self.types = types
        self.products = products
        self.typeIndex = order.map { pageType[$0] }
        self.productIndices = order.map { pageProducts[$0] }

        var runs: [Run] = []
        for id in order.indices {
            if let last = runs.last, last.type == typeIndex[id], last.products == productIndices[id] { continue }
            runs.append(Run(start: id, type: typeIndex[id], products: productIndices[id]))
        }
        self.runs = runs
    }

    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        ByteOrder.precedes(a, b)
    }
}
