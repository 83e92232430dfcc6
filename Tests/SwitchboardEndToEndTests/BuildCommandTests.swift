import Foundation
import Testing

/// Runs the built `switchboard` binary as a user would (`make test` builds it first).
@Suite(.serialized) struct BuildCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/switchboard")

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "GITHUB_ACTIONS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporary(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-e2e-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        return url
    }

    /// Every file under `folder` with its bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            if let data = try? Data(contentsOf: url), (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true {
                files[path] = data
            }
        }
        return files
    }

    @Test func twoBuildsWithTheSameClockAreByteIdentical() throws {
        let first = Self.temporary("first"), second = Self.temporary("second")
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        let a = try Self.run(["build", "--output", first.path, "--now", "2026-11-26T12:00:00Z"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.hasPrefix("Built "))
        let b = try Self.run(["build", "--output", second.path], environment: ["SOURCE_DATE_EPOCH": "1795694400"])
        #expect(b.status == 0, "\(b.stderr)")
        let one = Self.tree(first), two = Self.tree(second)
        #expect(one.count > 40)
        #expect(Set(one.keys) == Set(two.keys))
        #expect(one.keys.filter { one[$0] != two[$0] }.sorted() == [], "files that differ between the two builds")
        #expect(one["index.html"] != nil && one["policies/doa-process/index.html"] != nil)
    }

    @Test func aFailedBuildLeavesTheOutputAsItWas() throws {
        let content = Self.temporary("content"), output = Self.temporary("output")
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: output) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("content"), to: content)
        let good = try Self.run(["build", "--content", content.path, "--output", output.path, "--now", "2026-11-26T12:00:00Z"])
        #expect(good.status == 0, "\(good.stderr)")
        let before = Self.tree(output)

        let policy = content.appendingPathComponent("policies/principles.md")
        let text = try String(contentsOf: policy, encoding: .utf8)
        try text.replacingOccurrences(of: "title:", with: "titel:").write(to: policy, atomically: true, encoding: .utf8)
        let bad = try Self.run(["build", "--content", content.path, "--output", output.path, "--now", "2026-11-27T12:00:00Z"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("principles.md:2:1: error: unknown key 'titel' in Policy; did you mean 'title'? [unknown-key]"))
        #expect(bad.stderr.contains("was not changed"))
        #expect(Self.tree(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(output.lastPathComponent + ".switchboard-") }
        #expect(leftovers.isEmpty)
    }

    @Test func checkPrintsMachineReadableDiagnostics() throws {
        let fixture = Self.root.appendingPathComponent("Tests/Fixtures/invalid/many-errors/content").path
        let json = try Self.run(["check", "--content", fixture, "--format", "json", "--now", "2026-11-26T12:00:00Z"])
        #expect(json.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect((parsed?.count ?? 0) > 30)
        let github = try Self.run(["check", "--content", fixture, "--now", "2026-11-26T12:00:00Z"], environment: ["GITHUB_ACTIONS": "true"])
        #expect(github.stderr.hasPrefix("::error file="))
        let clean = try Self.run(["check", "--now", "2026-11-26T12:00:00Z"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stderr.contains("0 errors"))
    }

    @Test func strictTreatsWarningsAsErrors() throws {
        let fixture = Self.root.appendingPathComponent("content").path
        let late = try Self.run(["check", "--content", fixture, "--strict", "--now", "2030-01-01T00:00:00Z"])
        #expect(late.status == 1)
        #expect(late.stderr.contains("[review-overdue]"))
    }
}
