/// Stage 3b: puts the entries together into a `Site` and runs the checks
/// that span files: references, duplicates, and links to anchors.
struct SiteAssembler {
    let config: SiteConfig?
    let now: Instant
    let displayRoot: String
    let commitDates: [String: Day]
    private(set) var diagnostics: [Diagnostic] = []

    init(config: SiteConfig?, now: Instant, displayRoot: String, commitDates: [String: Day]) {
        self.config = config
        self.now = now
        self.displayRoot = displayRoot
        self.commitDates = commitDates
    }

    /// The Site (nil without a valid site.yml); the checks run either way, so every problem is reported.
    mutating func assemble(_ files: [LoadedFile]) -> Site? {
        var collected = Site(config: config ?? SiteConfig(Record(position: .start)), now: now)
        // By index, as the checks below: `for file in files` copies each parsed file whole.
        for index in files.indices {
            let file = files[index].file
            switch files[index].entry {
            case .products(let value)?: collected.products = value
            case .policy(let value)?: collected.policies.append(value)
            case .category(let value)?: collected.categories.append(value)
            case .article(var value)?:
                if value.updated == nil { value.updated = commitDates[file.path] }
                collected.articles.append(value)
            case .faq(let value)?: collected.faqs.append(value)
            case .device(let value)?: collected.devices.append(value)
            case .escalation(let value)?: collected.escalations.append(value)
            case .vendor(let value)?: collected.vendors.append(value)
            case .hours(let value)?: collected.hours = value
            case .rates(let value)?: collected.rates = value
            case .checklist(let value)?: collected.checklists.append(value)
            case .components(let value)?: collected.components = value
            case .incident(let value)?: collected.incidents.append(value)
            case .maintenance(let value)?: collected.maintenances.append(value)
            case .asset?: collected.assets.append(file)
            case .synonyms(let value)?: collected.synonyms = value
            case .site?, nil: break
            }
        }
        // The checks read and write nothing shared, so they run on all cores; each one's
        // diagnostics keep their place in this order.
        let site = collected
        let checks: [@Sendable (SiteAssembler) -> [Diagnostic]] = [
            { $0.checkReferences(files, site) }, { $0.checkAnchors(files) }, { $0.checkDuplicates(site) },
            { $0.checkCategories(files, site) }, { $0.checkAliases(site) },
        ]
        let assembler = self
        for found in checks.parallelMap({ $0(assembler) }) { diagnostics += found }
        collected.removeDrafts()

        collected.policies.sort { ($0.order, $0.info.slug) < ($1.order, $1.info.slug) }
        collected.categories.sort { ($0.order, $0.info.slug) < ($1.order, $1.info.slug) }
        collected.faqs.sort { ($0.category, $0.order, $0.info.slug) < ($1.category, $1.order, $1.info.slug) }
        collected.devices.sort { ($0.manufacturer, $0.model, $0.firmware) < ($1.manufacturer, $1.model, $1.firmware) }
        collected.incidents.sort { ($0.started, $0.info.slug) > ($1.started, $1.info.slug) }
        collected.maintenances.sort { ($0.scheduledFor, $0.info.slug) > ($1.scheduledFor, $1.info.slug) }
        return config == nil ? nil : collected
    }

    private func checkReferences(_ files: [LoadedFile], _ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var known: [ReferenceKind: Set<String>] = [:]
        known[.product] = Set(site.products.map(\.id))
        known[.component] = Set(site.components.map(\.id))
        known[.escalation] = Set(site.escalations.map(\.info.slug))
        known[.policy] = Set(site.policies.map(\.info.slug))
        // Entries (`kb/<slug>`, `faq/<slug>`, `policies/<slug>`) are looked up by their slug in
        // their collection: a set of every entry's whole reference was 10,000 interpolated strings.
        var articleSlugs = Set<String>(minimumCapacity: site.articles.count)
        for index in site.articles.indices { articleSlugs.insert(site.articles[index].info.slug) }
        let faqSlugs = Set(site.faqs.map(\.info.slug)), policySlugs = known[.policy] ?? []
        func isEntry(_ value: String) -> Bool {
            if value.hasPrefix("kb/") { return articleSlugs.contains(String(value.dropFirst(3))) }
            if value.hasPrefix("faq/") { return faqSlugs.contains(String(value.dropFirst(4))) }
            if value.hasPrefix("policies/") { return policySlugs.contains(String(value.dropFirst(9))) }
            return false
        }
        /// Every entry reference, for suggestions: made only when one is wrong.
        func entries() -> Set<String> {
            Set(site.articles.map { "kb/\($0.info.slug)" } + site.faqs.map { "faq/\($0.info.slug)" }
                + site.policies.map { "policies/\($0.info.slug)" })
        }
        // A reference into a file that failed to load is not reported again.
        let unloaded = Set(files.filter { $0.entry == nil }.map(\.file.collection))
        for index in files.indices {
            for use in files[index].references {
                if use.kind == .entry ? isEntry(use.value) : known[use.kind]?.contains(use.value) == true { continue }
                if use.kind == .product && unloaded.contains(.products) { continue }
                if use.kind == .component && unloaded.contains(.statusComponents) { continue }
                let suggestion = Suggestion.didYouMean(use.value, in: use.kind == .entry ? entries() : known[use.kind] ?? [])
                diagnostics.append(Diagnostic(file: use.file, position: use.position, id: "unknown-reference",
                                              message: "'\(use.value)' is not \(use.kind.noun)\(suggestion)"))
            }
        }
        return diagnostics
    }

    private func checkAnchors(_ files: [LoadedFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var anchors: [String: Set<String>] = [:]
        for index in files.indices where files[index].entry != nil { anchors[files[index].file.path] = files[index].anchors }
        for index in files.indices {
            for pending in files[index].pendingAnchors {
                guard let ids = anchors[pending.target] else { continue }
                if ids.contains(pending.anchor) { continue }
                let suggestion = Suggestion.didYouMean(pending.anchor, in: ids)
                diagnostics.append(Diagnostic(file: pending.file, position: pending.position, id: "missing-anchor",
                                              message: "content/\(pending.target) has no heading with the id '\(pending.anchor)'\(suggestion)"))
            }
        }
        return diagnostics
    }

    private func checkDuplicates(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var slugs: [String: String] = [:]
        for index in site.articles.indices {
            let info = site.articles[index].info
            if let other = slugs[info.slug] {
                diagnostics.append(report(info.path, .start, "duplicate-slug",
                                          "the article slug '\(info.slug)' is also used by content/\(other); slugs are unique across categories"))
            } else {
                slugs[info.slug] = info.path
            }
        }
        var licences: [String: String] = [:]
        var devices: [String: String] = [:]
        for device in site.devices {
            if let licence = device.licenceID {
                if let other = licences[licence] {
                    diagnostics.append(report(device.info.path, device.positions["licence_id"] ?? .start, "duplicate-licence-id",
                           "the licence id '\(licence)' is also used by content/\(other)"))
                } else {
                    licences[licence] = device.info.path
                }
            }
            let key = "\(device.manufacturer)\u{0}\(device.model)\u{0}\(device.firmware)"
            if let other = devices[key] {
                diagnostics.append(report(device.info.path, device.positions["firmware"] ?? .start, "duplicate-device",
                       "\(device.name) firmware \(device.firmware) is already listed in content/\(other)"))
            } else {
                devices[key] = device.info.path
            }
        }
        return diagnostics
    }

    private func checkCategories(_ files: [LoadedFile], _ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var categoryFiles = Set<String>()
        for index in files.indices where files[index].file.collection == .categories { categoryFiles.insert(files[index].file.slug) }
        var reported = Set<String>()
        for index in site.articles.indices {
            let category = site.articles[index].category
            if !categoryFiles.contains(category) && reported.insert(category).inserted {
                diagnostics.append(report("kb/\(category)/_category.yml", .start, "missing-file",
                       "the category '\(category)' has articles but no _category.yml (title, summary, order)"))
            }
        }
        return diagnostics
    }

    /// Every alias names one output file that no page and no other alias writes:
    /// a collision is reported at both places, each naming the other.
    private func checkAliases(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Who took each output path: an entry's page, or an alias (and the entry it is one of).
        // The words of a diagnostic are made only for a collision: made for every page, they
        // were a third of the cross-file checks, which run on one core.
        var claimed: [String: (path: String, alias: Alias?)] = [:]
        let entries = site.entriesWithPages
        claimed.reserveCapacity(entries.count)
        for info in entries {
            guard let url = info.url, !url.utf8.contains(UInt8(ascii: "#")) else { continue }
            claimed[Alias.outputPath(of: url)] = (info.path, nil)
        }
        for info in entries {
            for alias in info.aliases {
                let key = Alias.outputPath(of: alias.path)
                if let other = claimed[key] {
                    let (file, position, what) = other.alias.map { ($0.file, $0.position, "an alias of content/\(other.path)") }
                        ?? ("\(displayRoot)/\(other.path)", SourcePosition.start, "the page of content/\(other.path)")
                    diagnostics.append(Diagnostic(file: alias.file, position: alias.position, id: "alias-collision",
                                                  message: "the alias \(alias.path) is already \(what) (\(file):\(position))"))
                    diagnostics.append(Diagnostic(file: file, position: position, id: "alias-collision",
                                                  message: "\(alias.path) is also an alias of content/\(info.path) (\(alias.file):\(alias.position))"))
                } else {
                    claimed[key] = (info.path, alias)
                }
            }
        }
        return diagnostics
    }

    private func report(_ path: String, _ position: SourcePosition, _ id: String, _ message: String) -> Diagnostic {
        Diagnostic(file: "\(displayRoot)/\(path)", position: position, id: id, message: message)
    }
}
