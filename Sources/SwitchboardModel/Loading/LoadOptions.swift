/// What the loader needs besides content/.
public struct LoadOptions: Sendable {
    /// The build clock.
    public var now: Instant
    /// Overrides `base_url` of site.yml.
    public var baseURL: String?
    /// Last commit date of each content path, for articles without `updated`.
    public var commitDates: [String: Day]
    /// Read the commit dates from git (one `git log`, while the files are parsed);
    /// they take precedence over `commitDates`.
    public var readsGitDates: Bool
    /// Limits on each content file's size and structure.
    public var limits = InputLimits.standard

    public init(now: Instant, baseURL: String? = nil, commitDates: [String: Day] = [:], readsGitDates: Bool = false) {
        self.now = now
        self.baseURL = baseURL
        self.commitDates = commitDates
        self.readsGitDates = readsGitDates
    }
}
