import ArgumentParser
import SwitchboardModel

/// `switchboard check`: everything `build` validates, writing nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content/ (schemas, references, links and anchors) without writing anything."
    )

    @OptionGroup var options: ContentOptions

    func run() throws {
        let loader = SiteLoader(contentDirectory: options.content, options: try options.loadOptions())
        let result = loader.load()
        options.report(result.diagnostics, fileCount: result.fileCount)
        if options.fails(result.diagnostics) { throw ExitCode(1) }
    }
}
