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

    @Option(help: "The templates folder: the site is rendered in memory so that every link of the output is checked.")
    var templates: String = "templates"

    func run() throws {
        AllocatorSettings.apply()
        let loader = SiteLoader(contentDirectory: options.content, options: try options.loadOptions())
        let result = loader.load()
        var diagnostics = result.diagnostics
        // The output's own links (assets, feeds, the status API) exist only once the site is rendered.
        if let site = result.site {
            let (theme, themeDiagnostics) = TemplateSet.load(directory: templates)
            diagnostics += themeDiagnostics
            if let theme { diagnostics += SiteBuilder(site: site, templates: theme).build().diagnostics }
            diagnostics.sort()
        }
        options.report(diagnostics, fileCount: result.fileCount)
        if options.fails(diagnostics) { throw ExitCode(1) }
    }
}
