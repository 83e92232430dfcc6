import ArgumentParser
import Foundation
import SwitchboardBuilder
import SwitchboardModel

/// `switchboard build`: content/ and templates/ into a static site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build content/ into a static site. Nothing is written when there are errors."
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "The templates folder (Mustache templates and assets/).")
    var templates: String = "templates"

    @Option(help: "The folder to write the site to. It is replaced only when the build succeeds.")
    var output: String = "public"

    @Flag(help: "Print how long each stage took.")
    var timings = false

    func run() throws {
        let started = DispatchTime.now()
        let loadOptions = try options.loadOptions()
        let result = SiteLoader(contentDirectory: options.content, options: loadOptions).load()
        let (theme, themeDiagnostics) = TemplateSet.load(directory: templates)
        var diagnostics = (result.diagnostics + themeDiagnostics).sorted()

        guard let site = result.site, let theme, !options.fails(diagnostics) else {
            throw failure(diagnostics, fileCount: result.fileCount)
        }
        var builder = SiteBuilder(site: site, templates: theme)
        builder.outputDisplayPath = output
        let built = builder.build()
        diagnostics = (diagnostics + built.diagnostics).sorted()
        if options.fails(diagnostics) { throw failure(diagnostics, fileCount: result.fileCount) }
        if !diagnostics.isEmpty { options.report(diagnostics, fileCount: result.fileCount) }

        var stages = result.timings
        stages.append(built.timings)
        var writeTimer = StageTimings()
        let sink = DiskSink(directory: output)
        do {
            try sink.write(built.files)
            writeTimer.lap("write files")
            try sink.commit()
            writeTimer.lap("swap in")
            stages.append(writeTimer)
        } catch {
            sink.discard()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw failure([], fileCount: result.fileCount)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        if timings {
            for stage in stages.stages { print(String(format: "%8.3f s  %@", stage.seconds, stage.name)) }
        }
        let pages = built.pageCount
        print("Built \(pages) page\(pages == 1 ? "" : "s") (\(built.files.count) files) in \(String(format: "%.2f", seconds)) s → \(output)/")
    }

    /// Prints the diagnostics and says the output was left alone; the exit status to throw.
    private func failure(_ diagnostics: [Diagnostic], fileCount: Int) -> ExitCode {
        if !diagnostics.isEmpty { options.report(diagnostics, fileCount: fileCount) }
        FileHandle.standardError.write(Data("Build failed: \(output)/ was not changed.\n".utf8))
        return ExitCode(1)
    }
}
