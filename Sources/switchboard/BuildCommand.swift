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

    @OptionGroup var cache: CacheOptions

    @Flag(name: .customLong("mustache-only"), help: .hidden)
    var mustacheOnly = false

    @Flag(help: "Print how long each stage took.")
    var timings = false

    /// The session of this process's build, kept so that it is never freed (see `run`).
    nonisolated(unsafe) private static var finished: BuildSession?

    func run() throws {
        let started = DispatchTime.now()
        let cacheDirectory = cache.directory
        var configuration = BuildConfiguration(contentDirectory: options.content, templatesDirectory: templates,
                                               loadOptions: try options.loadOptions(), failsOnWarnings: options.strict,
                                               cacheDirectory: cacheDirectory)
        configuration.compilesTemplates = !mustacheOnly
        configuration.outputDisplayPath = output
        configuration.buildsOnce = true
        let manifestPath = cacheDirectory.map { BuildCache.outputManifestPath(in: $0, for: output) }
        let rebuild = AllocatorSettings.isRebuild(output: output, manifestPath: manifestPath)
        if rebuild {
            AllocatorSettings.apply(threshold: AllocatorSettings.rebuildThreshold, trimThreshold: AllocatorSettings.rebuildTrimThreshold)
        } else {
            AllocatorSettings.apply()
        }
        let sink = DiskSink(directory: output, manifestPath: manifestPath)
        let session = BuildSession(configuration: configuration, sink: sink)
        let report = session.build()
        // The process ends next: the cache files are finished, but the session (every parsed
        // file, the last build's memory) is left for the system to reclaim. Freeing it took a
        // quarter of a second of a one-edit rebuild at 10,000 files.
        session.waitForCacheWrites()
        Self.finished = session
        if !report.diagnostics.isEmpty { options.report(report.diagnostics, fileCount: report.contentFileCount) }
        guard report.succeeded else {
            FileHandle.standardError.write(Data("Build failed: \(output)/ was not changed.\n".utf8))
            throw ExitCode(1)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        if timings {
            for stage in report.timings.stages {
                print(String(format: "%8.3f s  %5d MB peak  %@", stage.seconds, stage.peakMB, stage.name))
            }
            print("rendered \(report.renderedPages) of \(report.pageCount) pages; \(report.changes.written.count) files written, \(report.changes.removed.count) removed")
        }
        let pages = report.pageCount
        print("Built \(pages) page\(pages == 1 ? "" : "s") (\(report.outputCount) files) in \(String(format: "%.2f", seconds)) s → \(output)/")
    }
}
