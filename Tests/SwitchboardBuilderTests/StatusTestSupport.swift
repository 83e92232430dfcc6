import Foundation
import Testing
@testable import SwitchboardBuilder
import SwitchboardModel

/// The build clock of every status fixture.
let statusFixtureNow = Instant("2026-11-26T12:00:00Z")!

/// Loading the status fixtures under Tests/Fixtures/status-<case>/ and comparing
/// output with their golden files.
enum StatusFixtures {
    /// Tests/Fixtures, found from this file so that tests run from any directory.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The three fixture sites.
    static let cases = ["operational", "incidents", "maintenance"]

    static func directory(_ name: String) -> URL { root.appendingPathComponent("status-\(name)") }

    /// Loads `status-<name>/content` at the fixed clock, failing the test on any error.
    static func site(_ name: String, now: Instant = statusFixtureNow) throws -> Site {
        let content = directory(name).appendingPathComponent("content").path
        let result = SiteLoader(contentDirectory: content, options: LoadOptions(now: now)).load()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        return try #require(result.site)
    }

    /// Compares `actual` with the golden file `status-<name>/expected/<path>` byte for byte;
    /// with SWITCHBOARD_RECORD=1 in the environment, rewrites a golden file that differs and fails.
    static func expectGolden(_ actual: String, fixture name: String, path: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory(name).appendingPathComponent("expected").appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["SWITCHBOARD_RECORD"] == "1",
           FileManager.default.contents(atPath: file.path) != Data(actual.utf8) {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            // Record mode records and fails, so that a recording is never mistaken for a pass.
            Issue.record("recorded \(file.path); check the diff and run again without SWITCHBOARD_RECORD", sourceLocation: sourceLocation)
        }
        guard let expected = FileManager.default.contents(atPath: file.path) else {
            Issue.record("missing golden file \(file.path); run the tests with SWITCHBOARD_RECORD=1 to write it",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(String(decoding: expected, as: UTF8.self) == actual, "differs from \(file.path)", sourceLocation: sourceLocation)
    }

    /// The output files of a fixture by path.
    static func files(_ site: Site) -> [String: String] {
        var files: [String: String] = [:]
        for file in StatusOutputs.files(for: site) { files[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        return files
    }
}
