import SwitchboardModel

/// What a `BuildSession` reads and how it builds.
public struct BuildConfiguration: Sendable {
    /// The content folder.
    public var contentDirectory: String
    /// The theme folder (Mustache templates and assets/).
    public var templatesDirectory: String
    /// The clock, base URL override and commit dates.
    public var loadOptions: LoadOptions
    /// Warnings fail the build (`--strict`).
    public var failsOnWarnings: Bool
    /// Where the build cache lives (`.switchboard-cache` by default on the command
    /// line); nil keeps no cache on disk, and the session remembers only in memory.
    public var cacheDirectory: String?
    /// Renders templates with the compiled renderer where it can (false: swift-mustache
    /// for every template, to measure or compare the two).
    public var compilesTemplates = true
    /// The output folder as the user names it, for the link check's diagnostics (`public`).
    public var outputDisplayPath = "public"
    /// Who builds: the running program's file (see `InputFingerprint.programIdentity`). The
    /// cache folder trusts only what this program wrote. Tests set it to stand for another build
    /// of `switchboard`.
    public var programIdentity = InputFingerprint.programIdentity
    /// The session builds once and its process ends (`switchboard build`): what only a next
    /// build of the same session would use is not kept. The search analyses are written to the
    /// cache folder as soon as they are made and let go, and the search records are not kept
    /// at all (a later build of the session, if one comes, reads the cache folder again).
    public var buildsOnce = false

    public init(contentDirectory: String = "content", templatesDirectory: String = "templates", loadOptions: LoadOptions,
                failsOnWarnings: Bool = false, cacheDirectory: String? = nil) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.loadOptions = loadOptions
        self.failsOnWarnings = failsOnWarnings
        self.cacheDirectory = cacheDirectory
    }
}
