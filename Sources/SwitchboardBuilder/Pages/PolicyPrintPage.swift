import SwitchboardModel

/// `/policies/print/`: the whole policy in force on one page, in section order,
/// for printing or saving as PDF (page breaks and printed URLs are in print.css).
enum PolicyPrintPage {
    /// Everything the page is made from. The page holds the whole policy, so its context (each
    /// section's body rebased, `rebase`) is made only when the page is rendered, and its digest
    /// is the hash of these inputs: made and hashed whole on every build, the context was a
    /// twentieth of a one-edit rebuild's work at 10,000 files.
    struct Inputs: Sendable {
        struct Section: Sendable {
            var slug: String
            var title: String
            var version: String
            var effective: (text: String, iso: String)
            var url: String
            var body: String
            var number: String?
        }

        var base: String
        var origin: String
        var sections: [Section]
        var version: String?
        var effective: (text: String, iso: String)?

        init(base: String, origin: String, sections: [Section], version: String? = nil, effective: (text: String, iso: String)? = nil) {
            self.base = base
            self.origin = origin
            self.sections = sections
            self.version = version
            self.effective = effective
        }

        init(_ site: Site, edition: PolicyEdition) {
            base = site.basePath
            origin = site.config.origin
            sections = edition.current.map { policy in
                Section(slug: policy.info.slug, title: policy.title, version: policy.version, effective: ContextHelpers.effective(policy),
                        url: policy.info.url ?? "", body: policy.body.html, number: policy.section)
            }
            if let version = edition.version, let latest = edition.latestInForce {
                self.version = version
                effective = ContextHelpers.effective(latest)
            }
        }

        /// The hash of every input above (`LatePageInputsTests.thePrintEditionsDigestCoversEveryInput` fails when one is added without it).
        var digest: ContentDigest {
            var hasher = ContentHasher()
            hasher.add("policy print page 1")
            hasher.add(base)
            hasher.add(origin)
            hasher.add(sections.count)
            for section in sections {
                for text in [section.slug, section.title, section.version, section.effective.text, section.effective.iso, section.url, section.body] {
                    hasher.add(text)
                }
                hasher.add(optional: section.number)
            }
            hasher.add(optional: version)
            hasher.add(optional: effective?.text)
            hasher.add(optional: effective?.iso)
            return hasher.finish()
        }
    }

    static func page(_ site: Site, edition: PolicyEdition) -> PageSpec {
        let inputs = Inputs(site, edition: edition)
        return .late(url: PolicyPages.printURL, template: "policy-print", title: "Support policy: print edition",
                     description: "The whole support policy on one page, for printing or saving as PDF.",
                     breadcrumbs: [("Home", "/"), ("Support policy", "/policies/"), ("Print edition", PolicyPages.printURL)],
                     digest: inputs.digest) { context(inputs) }
    }

    /// The page's context: a function of its inputs alone.
    static func context(_ inputs: Inputs) -> TemplateContext {
        let (base, origin) = (inputs.base, inputs.origin)
        let slugs = Set(inputs.sections.map(\.slug))
        let sections = inputs.sections.map { policy -> TemplateContext in
            var section: TemplateContext = ["id": anchor(slug: policy.slug), "title": policy.title, "version": policy.version,
                                            "effective": policy.effective.text, "effective_iso": policy.effective.iso,
                                            "url": origin + base + policy.url,
                                            "body": rebase(policy.body, slug: policy.slug, policies: slugs, base: base, origin: origin)]
            if let number = policy.number { section["number"] = number }
            return section
        }
        var context: TemplateContext = ["sections": sections, "changes_url": base + PolicyPages.changesURL,
                                        "web_url": origin + base + "/policies/", "layout_class": "print"]
        if let version = inputs.version, let effective = inputs.effective {
            context["version"] = version
            context["effective"] = effective.text
            context["effective_iso"] = effective.iso
        }
        return context
    }

    /// The id of a policy's section on the print page.
    static func anchor(slug: String) -> String { "policy-\(slug)" }

    /// A policy's body for the one-page edition: its ids prefixed with its slug (two
    /// sections may both have a "Before you call"), headings one level down under the
    /// section's h2, links to other sections kept on the page, and site links absolute
    /// so the URLs printed after them work from paper. One pass over the bytes: the
    /// whole edition costs time in proportion to its length, however many sections.
    static func rebase(_ html: String, slug: String, policies: Set<String>, base: String, origin: String) -> String {
        var html = html
        // On the string's own bytes, copying each run between two rewrites whole: a byte at a
        // time through closures that captured the output, this was a tenth of a second of every
        // build (the policy is rebased on each one).
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            let id = Array(" id=\"".utf8), href = Array("href=\"".utf8), prefix = Array("\(slug)-".utf8)
            func starts(_ token: [UInt8], at i: Int) -> Bool {
                guard i + token.count <= bytes.count else { return false }
                for (offset, byte) in token.enumerated() where bytes[i + offset] != byte { return false }
                return true
            }
            func isDemotable(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= UInt8(ascii: "2") && bytes[i] <= UInt8(ascii: "5") }
            var copied = 0
            func copy(upTo end: Int, into out: inout [UInt8]) {
                if end > copied { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end])) }
            }
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "<"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "h"), isDemotable(i + 2) {
                    copy(upTo: i, into: &out)
                    out += [byte, bytes[i + 1], bytes[i + 2] + 1]
                    i += 3
                } else if byte == UInt8(ascii: "<"), i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "h"), isDemotable(i + 3) {
                    copy(upTo: i, into: &out)
                    out += [byte, bytes[i + 1], bytes[i + 2], bytes[i + 3] + 1]
                    i += 4
                } else if byte == UInt8(ascii: " "), starts(id, at: i) {
                    copy(upTo: i, into: &out)
                    out += id
                    out += prefix
                    i += id.count
                } else if byte == UInt8(ascii: "h"), starts(href, at: i) {
                    copy(upTo: i, into: &out)
                    out += href
                    i += href.count
                    var end = i
                    while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
                    out += link(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self),
                                slug: slug, policies: policies, base: base, origin: origin).utf8
                    i = end
                } else {
                    i += 1
                    continue
                }
                copied = i
            }
            copy(upTo: bytes.count, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Where a link in a policy's body points on the print page.
    static func link(_ url: String, slug: String, policies: Set<String>, base: String, origin: String) -> String {
        if url.hasPrefix("#") { return "#\(slug)-" + url.dropFirst() }
        let prefix = "\(base)/policies/"
        if url.hasPrefix(prefix) {
            let rest = url.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/"), policies.contains(String(rest[..<slash])) {
                let target = rest[..<slash], anchor = rest[rest.index(after: slash)...]
                if anchor.isEmpty { return "#policy-\(target)" }
                if anchor.hasPrefix("#"), anchor.count > 1 { return "#\(target)-" + anchor.dropFirst() }
            }
        }
        return url.hasPrefix("/") ? origin + url : url
    }
}
