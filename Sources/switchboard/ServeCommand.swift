import ArgumentParser
import Foundation
import SwitchboardModel
import SwitchboardServe

/// `switchboard serve`: builds into memory, serves on loopback and reloads open pages as
/// files under content/ and templates/ change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build into memory, serve it, and reload open pages as content/ and templates/ change.",
        discussion: "Nothing is written to public/. The clock follows the current time unless --now pins it."
    )

    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(help: "The templates folder (Mustache templates and assets/).")
    var templates: String = "templates"

    @Option(help: "The address to listen on. Other machines can reach the preview only if this is not a loopback address.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8000

    @Option(name: .customLong("base-url"), help: "Overrides base_url of site.yml.")
    var baseURL: String?

    @Option(help: ArgumentHelp("Pins the build clock, ISO 8601 with an offset (else it follows the current time).", valueName: "iso-8601"))
    var now: String?

    @Flag(help: "Watch by listing the folders every quarter second instead of with inotify (network file systems).")
    var poll = false

    @Flag(help: "Print how long each stage of every rebuild took.")
    var timings = false

    @OptionGroup var cache: CacheOptions

    func validate() throws {
        try ContentOptions.validate(baseURL: baseURL)
        if let now, Instant(now) == nil {
            throw ValidationError("--now must be ISO 8601 with an offset, such as 2026-03-02T09:15:00Z")
        }
    }

    func run() throws {
        AllocatorSettings.apply()
        let pinned = now.flatMap { Instant($0) }
        let (host, port, content, templates) = (self.host, self.port, self.content, self.templates)
        let builder = SessionPreviewBuilder(contentDirectory: content, templatesDirectory: templates,
                                            loadOptions: LoadOptions(now: pinned ?? Instant(secondsSinceEpoch: 0), baseURL: baseURL, readsGitDates: true),
                                            cacheDirectory: cache.directory)
        // The moving clock is read to the minute: saves within a minute build with the same
        // clock, so a stylesheet edit is not mistaken for a page change by a ticking second.
        let session = PreviewSession(builder: builder) {
            pinned ?? Instant(secondsSinceEpoch: Int(Date().timeIntervalSince1970) / 60 * 60)
        }
        let terminal = Terminal(timings: timings, outputDirectory: builder.outputDirectory)

        let first = session.rebuild()
        terminal.report(first, initial: true)

        let server: any PreviewHTTPServer = FlyingFoxPreviewServer(responder: PreviewResponder(site: session.site), hub: session.hub)
        let boundPort: UInt16
        switch Blocking.run({ try await server.start(host: host, port: port) }) {
        case .success(let port): boundPort = port
        case .failure(PreviewServerError.portInUse(let host, let port)):
            terminal.error("port \(port) on \(host) is in use; choose another with --port, for example --port \(port == UInt16.max ? 8001 : port + 1)")
            throw ExitCode(1)
        case .failure(let error):
            terminal.error("\(error)")
            throw ExitCode(1)
        }
        if first.build.carriedOver {
            // Nothing changed since the last server: the site was served as it was. Load it now,
            // while the editor reads, so that the first save need not load it and can be shown ahead.
            DispatchQueue.global().async {
                let outcome = session.warmUp()
                if outcome.changedOutputs > 0 || outcome.overlayChanged || terminal.timings { terminal.report(outcome, initial: false) }
            }
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        terminal.say("Serving http://\(shownHost):\(boundPort)\(session.site.state.basePath)/ — watching \(content)/ and \(templates)/ (Ctrl-C to stop)")

        let watcher = FileWatchers.make(roots: [content, templates], polling: poll)
        do {
            try watcher.start { batch in
                // The watcher goes back to reading events at once: a save that comes while the
                // last one is being built is shown (when it can be rendered ahead) without waiting.
                session.saved(batch.paths) { terminal.report($0, initial: false) }
            }
        } catch {
            terminal.error("\(error)")
            throw ExitCode(1)
        }

        // The clock moves: rebuild at the start of every minute, so a maintenance window
        // that begins while the server runs shows as in progress.
        let clockTimer: DispatchSourceTimer? = pinned != nil ? nil : {
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "switchboard.clock"))
            let seconds = Date().timeIntervalSince1970
            timer.schedule(deadline: .now() + (60 - seconds.truncatingRemainder(dividingBy: 60)) + 0.05, repeating: 60)
            timer.setEventHandler {
                let outcome = session.rebuild()
                if outcome.changedOutputs > 0 || outcome.overlayChanged { terminal.report(outcome, initial: false) }
            }
            timer.resume()
            return timer
        }()

        // Ctrl-C (and SIGTERM) stop cleanly with exit status 0.
        var sources: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                clockTimer?.cancel()
                watcher.stop()
                _ = Blocking.run({ await server.stop(); return 0 })
                builder.waitForCacheWrites()
                terminal.say("Stopped.")
                Foundation.exit(0)
            }
            source.resume()
            sources.append(source)
        }
        withExtendedLifetime(sources) { dispatchMain() }
    }
}

/// Prints what `serve` does; writes go straight to the file descriptors, so a pipe sees each line at once.
private struct Terminal: Sendable {
    var timings: Bool
    /// Where the preview is built; nil: in memory.
    var outputDirectory: String?

    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func error(_ line: String) {
        FileHandle.standardError.write(Data(("error: " + line + "\n").utf8))
    }

    func report(_ outcome: PreviewSession.Outcome, initial: Bool) {
        let build = outcome.build
        let time = String(format: "%.0f ms", outcome.seconds * 1000)
        if timings {
            for stage in build.timings.stages {
                say(String(format: "%8.3f s  %5d MB peak  %@", stage.seconds, stage.peakMB, stage.name))
            }
        }
        if !build.diagnostics.isEmpty {
            FileHandle.standardError.write(Data(DiagnosticFormatter.format(build.diagnostics, as: .human).utf8))
            FileHandle.standardError.write(Data((DiagnosticFormatter.summary(build.diagnostics, files: build.fileCount) + "\n").utf8))
        }
        guard build.files != nil else {
            say("Build failed in \(time): \(initial ? "fix the errors above; pages show them until then" : "still serving the last good build, pages show the errors")")
            return
        }
        if initial {
            say("Built \(build.outputCount) files \(outputDirectory.map { "into \($0)" } ?? "in memory") in \(time)")
            return
        }
        let told = outcome.messages.contains(where: \.isStylesheetSwap) ? "stylesheet swapped"
            : outcome.messages.isEmpty ? "no page changed" : "pages reloaded"
        let ahead = outcome.secondsToPagesAhead.map {
            String(format: " (the edited page%@ shown after %.0f ms)", outcome.pagesShownAhead == 1 ? "" : "s", $0 * 1000)
        } ?? ""
        say("Rebuilt in \(time)\(ahead): \(outcome.changedOutputs) output\(outcome.changedOutputs == 1 ? "" : "s") changed, \(told)")
    }
}

/// Runs async work to completion from synchronous code (the command's main thread).
private enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return box.result!
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}
