import SwitchboardModel

/// The policy as it stands at the build clock: the sections in force, in order,
/// and those whose `effective` date is still ahead.
///
/// A policy with a future date is upcoming: it has its own page, marked as such,
/// and the text it `replaces` stays current until the date. From that date it
/// takes the replaced policy's place and URL (bookmarks keep working), and its
/// own URL becomes a redirect there.
struct PolicyEdition: Sendable {
    /// In force, in order.
    var current: [Policy] = []
    /// Effective after the build clock, soonest first.
    var upcoming: [Policy] = []

    init(_ site: Site) {
        let today = site.now.day
        upcoming = site.policies.filter { $0.effective > today }.sorted { ($0.effective, $0.order) < ($1.effective, $1.order) }
        let inForce = site.policies.filter { $0.effective <= today }
        let slugs = Set(inForce.map(\.info.slug))
        var replacement: [String: Policy] = [:]
        for policy in inForce {
            if let target = policy.replaces, slugs.contains(target) { replacement[target] = policy }
        }
        for policy in inForce {
            if let target = policy.replaces, replacement[target]?.info.slug == policy.info.slug { continue }
            guard var successor = replacement[policy.info.slug] else {
                current.append(policy)
                continue
            }
            if let own = successor.info.url {
                successor.info.aliases.append(Alias(path: own, file: successor.info.path, position: .start))
            }
            successor.info.aliases += policy.info.aliases
            successor.info.url = policy.info.url
            current.append(successor)
        }
    }

    /// Every policy that gets a page: current first, then upcoming.
    var published: [Policy] { current + upcoming }

    /// The document's version and date for the top of the print edition: the
    /// latest version and effective date among the sections in force.
    var version: String? {
        current.map(\.version).reduce(nil) { best, next in
            guard let best else { return next }
            return PolicyVersion.isLater(next, than: best) ? next : best
        }
    }

    var effective: Day? { current.map(\.effective).max() }

    /// The policy in force that took effect last: its effective date is the edition's, as precise as it was stated.
    var latestInForce: Policy? { current.max { $0.effective < $1.effective } }

    /// The page a policy that is upcoming will replace, when it names one in force.
    func replaced(by policy: Policy) -> Policy? {
        guard let target = policy.replaces else { return nil }
        return current.first { $0.info.slug == target }
    }
}
