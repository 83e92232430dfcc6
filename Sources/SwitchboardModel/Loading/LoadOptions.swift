/// What the loader needs besides content/.
public struct LoadOptions: Sendable {
    /// The build clock.
    public var now: Instant
    /// Overrides `base_url` of site.yml.
    public var baseURL: String?
    /// Last commit date of each content path, for articles without `updated`.
    public var commitDates: [String: Day]

    public init(now: Instant, baseURL: String? = nil, commitDates: [String: Day] = [:]) {
        self.now = now
        self.baseURL = baseURL
        self.commitDates = commitDates
    }
}
