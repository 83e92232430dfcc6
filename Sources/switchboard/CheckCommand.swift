import ArgumentParser
import SwitchboardBuilder
import SwitchboardModel

/// `switchboard check`: everything `build` validates, writing nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content/ (schemas, references, links and anchors) without writing anything."
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "The templates folder: the site is rendered, and discarded, so that every link of the output is checked.")
    var templates: String = "templates"

    @OptionGroup var cache: CacheOptions

    /// The session, kept so that it is never freed (see `BuildCommand.run`).
    nonisolated(unsafe) private static var finished: BuildSession?

    func run() throws {
        AllocatorSettings.apply()
        // The build's own session, through a sink that keeps nothing: the same stages and
        // diagnostics as `switchboard build`, its caches shared (so CI's check then build parses
        // each file once), and the site streamed rather than held (it was rendered whole in memory:
        // 274 MB at 10,000 files, against 160 MB for a build).
        var configuration = BuildConfiguration(contentDirectory: options.content, templatesDirectory: templates,
                                               loadOptions: try options.loadOptions(), cacheDirectory: cache.directory)
        // Warnings do not stop the check before the output's links are checked: `--strict` is
        // applied to everything it found, at the end.
        configuration.failsOnWarnings = false
        configuration.buildsOnce = true
        let session = BuildSession(configuration: configuration, sink: DiscardingSink())
        let report = session.build()
        session.waitForCacheWrites()
        Self.finished = session
        options.report(report.diagnostics, fileCount: report.contentFileCount)
        if options.fails(report.diagnostics) { throw ExitCode(1) }
    }
}
