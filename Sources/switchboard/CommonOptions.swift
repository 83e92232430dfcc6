import ArgumentParser
import Foundation
import SwitchboardModel

/// Options that `build` and `check` share.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(name: .customLong("base-url"), help: "Overrides base_url of site.yml.")
    var baseURL: String?

    @Option(help: ArgumentHelp("The build clock, ISO 8601 with an offset (else SOURCE_DATE_EPOCH, else now).", valueName: "iso-8601"))
    var now: String?

    @Option(help: "How diagnostics are printed: human, json or github (the default under GitHub Actions).")
    var format: DiagnosticFormatOption?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    /// The build clock: `--now`, else `SOURCE_DATE_EPOCH`, else the current time.
    func buildClock() throws -> Instant { try Self.clock(now) }

    /// `now` parsed, else `SOURCE_DATE_EPOCH`, else the current time.
    static func clock(_ now: String?) throws -> Instant {
        if let now {
            guard let instant = Instant(now) else {
                throw ValidationError("--now must be ISO 8601 with an offset, such as 2026-03-02T09:15:00Z")
            }
            return instant
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch) else { throw ValidationError("SOURCE_DATE_EPOCH must be a whole number of seconds") }
            return Instant(secondsSinceEpoch: seconds)
        }
        return Instant(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
    }

    var diagnosticFormat: DiagnosticFormat {
        if let format { return format.value }
        return ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? .github : .human
    }

    func loadOptions() throws -> LoadOptions {
        try Self.validate(baseURL: baseURL)
        return LoadOptions(now: try buildClock(), baseURL: baseURL, readsGitDates: true)
    }

    static func validate(baseURL: String?) throws {
        if let baseURL, !Formats.isURL(baseURL) || !baseURL.hasPrefix("https://") && !baseURL.hasPrefix("http://localhost") {
            throw ValidationError("--base-url must be an https URL, such as https://support.example.com/docs/")
        }
    }

    /// Prints diagnostics: to standard error for people, standard output for machines.
    func report(_ diagnostics: [Diagnostic], fileCount: Int) {
        let format = diagnosticFormat
        let text = DiagnosticFormatter.format(diagnostics, as: format)
        if format == .json {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            FileHandle.standardError.write(Data(text.utf8))
            if !diagnostics.isEmpty || format == .human {
                FileHandle.standardError.write(Data((DiagnosticFormatter.summary(diagnostics, files: fileCount) + "\n").utf8))
            }
        }
    }

    /// Whether the diagnostics fail the run.
    func fails(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.hasErrors || (strict && !diagnostics.isEmpty)
    }
}

struct DiagnosticFormatOption: ExpressibleByArgument {
    var value: DiagnosticFormat
    init?(argument: String) {
        guard let value = DiagnosticFormat(rawValue: argument) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { DiagnosticFormat.allCases.map(\.rawValue) }
}

/// The build cache's options, which `build`, `check` and `serve` share (and share the folder).
struct CacheOptions: ParsableArguments {
    @Option(name: .customLong("cache-dir"), help: ArgumentHelp("The build cache, shared by build, check and serve: parsed files, search analyses and what the last build wrote, so the next run does only what changed (serve also keeps its preview in it).", valueName: "dir"))
    var cacheDirectory: String = ".switchboard-cache"

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the build cache: do everything (serve keeps its preview in memory).")
    var noCache = false

    /// The cache folder, or nil with `--no-cache`.
    var directory: String? { noCache ? nil : cacheDirectory }
}
