import Foundation
import Testing

/// Runs the built `switchboard` binary as a user would.
@Suite(.serialized) struct BuildCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary of this checkout, built first so that a stale one is never tested:
    /// `swift build --product switchboard` (a moment's work when it is up to date), then
    /// its folder from `swift build --show-bin-path`. `swift test` holds the package's
    /// build lock while the tests run and builds nothing meanwhile, so the nested build
    /// ignores the lock. `SWITCHBOARD_BINARY` names another binary to test.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["SWITCHBOARD_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let build = swiftBuild(["--product", "switchboard"])
        precondition(build.status == 0, "swift build failed:\n\(build.output)")
        let folder = swiftBuild(["--show-bin-path"]).output.split(separator: "\n").last.map(String.init) ?? ""
        return URL(fileURLWithPath: folder).appendingPathComponent("switchboard")
    }()

    static func swiftBuild(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--ignore-lock"] + arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "GITHUB_ACTIONS")
        // Each process gets its own hash seed, which is what the determinism tests rely on.
        env.removeValue(forKey: "SWIFT_DETERMINISTIC_HASHING")
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

    /// Two processes have different hash seeds, so output that depends on the order of a Set or
    /// Dictionary differs between them; two runs in one process would share the seed and agree.
    @Test(arguments: ["Tests/Fixtures/status-incidents/content", "Tests/Fixtures/status-maintenance/content",
                      "Tests/Fixtures/sites/basic/content"])
    func twoProcessesBuildEachFixtureByteIdentically(content: String) throws {
        let name = content.split(separator: "/").dropLast().last.map(String.init) ?? "site"
        let first = Self.temporary("det-\(name)-1"), second = Self.temporary("det-\(name)-2")
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        for output in [first, second] {
            let run = try Self.run(["build", "--content", content, "--output", output.path, "--now", "2026-11-26T12:00:00Z"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let one = Self.tree(first), two = Self.tree(second)
        #expect(one.count > 10)
        #expect(Set(one.keys) == Set(two.keys))
        #expect(one.keys.filter { one[$0] != two[$0] }.sorted() == [], "files that differ between the two processes")
    }

    @Test func anOutputFolderWhoseParentIsMissingIsNamedInTheError() throws {
        let parent = Self.temporary("no-parent")
        let run = try Self.run(["build", "--output", parent.appendingPathComponent("public").path, "--now", "2026-11-26T12:00:00Z"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(parent.path)/, does not exist"), "\(run.stderr)")
        #expect(!run.stderr.contains("switchboard-next"), "\(run.stderr)")
    }

    /// The status pages once loaded /assets/status.js, which no build writes (assets carry hashes).
    @Test func theLinkCheckFailsBuildAndCheckOnABrokenReference() throws {
        let content = Self.root.appendingPathComponent("Tests/Fixtures/sites/broken-links/content").path
        let output = Self.temporary("broken-links")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = try Self.run(["build", "--content", content, "--output", output.path, "--now", "2026-11-26T12:00:00Z"])
        #expect(build.status == 1)
        #expect(build.stderr.contains("print.css:3:20: error: url() \"missing-background.png\" leads to no file of the site [broken-reference]"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let check = try Self.run(["check", "--content", content, "--now", "2026-11-26T12:00:00Z"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("[broken-reference]"), "\(check.stderr)")
    }

    @Test func anAliasBombIsRefusedBeforeItExpands() throws {
        let content = Self.root.appendingPathComponent("Tests/Fixtures/invalid/limits/content").path
        let check = try Self.run(["check", "--content", content, "--now", "2026-11-26T12:00:00Z"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("alias-bomb.md:4:10: error: YAML aliases (*name) are not accepted in content"), "\(check.stderr)")
    }

    /// A build of the bundled content with a copy of the bundled theme, `article` appended to its
    /// article template and `extra` templates added; and whether it left an output folder.
    static func buildWithTheme(_ name: String, article: String, extra: [String: String] = [:]) throws -> (run: Run, wroteOutput: Bool) {
        let templates = temporary("\(name)-theme"), output = temporary("\(name)-output")
        defer { try? FileManager.default.removeItem(at: templates); try? FileManager.default.removeItem(at: output) }
        try FileManager.default.copyItem(at: root.appendingPathComponent("templates"), to: templates)
        for (template, text) in extra {
            try text.write(to: templates.appendingPathComponent("\(template).mustache"), atomically: true, encoding: .utf8)
        }
        let path = templates.appendingPathComponent("article.mustache")
        try (String(contentsOf: path, encoding: .utf8) + article).write(to: path, atomically: true, encoding: .utf8)
        let build = try run(["build", "--templates", templates.path, "--output", output.path, "--now", "2026-11-26T12:00:00Z"])
        return (build, FileManager.default.fileExists(atPath: output.path))
    }

    /// A theme whose partial includes itself crashed the build (swift-mustache followed it until
    /// the stack overflowed, exit 139); it is a diagnostic at the tag now.
    @Test func aPartialThatIncludesItselfIsADiagnosticNotACrash() throws {
        let (build, wroteOutput) = try Self.buildWithTheme("looping", article: "{{> loop}}\n", extra: ["loop": "again: {{> loop}}\n"])
        #expect(build.status == 1, "\(build.stderr)")
        #expect(build.stderr.contains("loop.mustache:1:8: error: loop includes this template again (loop → loop)"), "\(build.stderr)")
        #expect(!wroteOutput)
    }

    /// Three thousand nested sections in a template swift-mustache parses (it is not compiled,
    /// having changed its delimiters) crashed the build: swift-mustache's parser recursed once
    /// per section (exit 139). The theme is refused before anything parses it now.
    @Test func sectionsNestedThousandsDeepAreADiagnosticNotACrash() throws {
        let deep = "{{=<% %>=}}" + String(repeating: "<%#site%>", count: 3_000) + "x" + String(repeating: "<%/site%>", count: 3_000) + "\n"
        let (build, wroteOutput) = try Self.buildWithTheme("deep", article: deep)
        #expect(build.status == 1, "\(build.stderr)")
        #expect(build.stderr.contains("[template-too-deep]"), "\(build.stderr)")
        #expect(!wroteOutput)
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

    /// `check` builds through the build's own session and shares its cache folder: a build after
    /// a check parses nothing again (`--timings` shows the parse stage), and `--no-cache` writes none.
    @Test func checkSharesTheBuildCache() throws {
        let cache = Self.temporary("check-cache"), output = Self.temporary("check-output"), none = Self.temporary("check-no-cache")
        defer { for folder in [cache, output, none] { try? FileManager.default.removeItem(at: folder) } }
        let check = try Self.run(["check", "--cache-dir", cache.path, "--now", "2026-11-26T12:00:00Z"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("parsed.cache").path))
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("search.cache").path))
        let build = try Self.run(["build", "--cache-dir", cache.path, "--output", output.path, "--now", "2026-11-26T12:00:00Z", "--timings"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        let unchecked = try Self.run(["check", "--no-cache", "--cache-dir", none.path, "--now", "2026-11-26T12:00:00Z"])
        #expect(unchecked.status == 0)
        #expect(!FileManager.default.fileExists(atPath: none.path))
    }

    /// With `--strict`, a warning found while loading does not stop `check` before the output's
    /// links are checked: it reports both, as it did when it rendered the site in memory.
    @Test func strictCheckStillChecksTheOutputsLinks() throws {
        let content = Self.temporary("strict-check-content")
        defer { try? FileManager.default.removeItem(at: content) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Tests/Fixtures/sites/broken-links/content"), to: content)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("policies"), withIntermediateDirectories: true)
        let policy = """
            ---
            title: A policy due for review
            summary: Reviewed once a year.
            version: "1.0"
            effective: 2026-01
            review_by: 2027-03-01
            order: 1
            products: []
            ---
            Its text.

            """
        try policy.write(to: content.appendingPathComponent("policies/reviewed.md"), atomically: true, encoding: .utf8)
        let check = try Self.run(["check", "--content", content.path, "--strict", "--no-cache", "--now", "2030-01-01T00:00:00Z"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("[review-overdue]"), "\(check.stderr)")
        #expect(check.stderr.contains("[broken-reference]"), "\(check.stderr)")
    }

    @Test func strictTreatsWarningsAsErrors() throws {
        let fixture = Self.root.appendingPathComponent("content").path
        let late = try Self.run(["check", "--content", fixture, "--strict", "--now", "2030-01-01T00:00:00Z"])
        #expect(late.status == 1)
        #expect(late.stderr.contains("[review-overdue]"))
    }
}

/// Site-wide properties of the bundled site, checked on a real build.
@Suite(.serialized) struct BundledSiteTests {
    static func hrefs(in html: String) -> [String] {
        html.split(separator: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    @Test func everyPageIsReachableFromTheHomePage() throws {
        let output = BuildCommandTests.temporary("crawl")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try BuildCommandTests.run(["build", "--output", output.path, "--now", "2026-11-26T12:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        let pages = BuildCommandTests.tree(output).keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        var seen: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let page = queue.popLast() {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            for href in Self.hrefs(in: html) where href.hasPrefix("/") && !href.hasPrefix("//") {
                var path = String(href.dropFirst().split(separator: "#", omittingEmptySubsequences: false)[0])
                path = String(path.split(separator: "?", omittingEmptySubsequences: false)[0])
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                if path.hasSuffix(".html"), seen.insert(path).inserted { queue.append(path) }
            }
        }
        #expect(Set(pages).subtracting(seen).sorted() == [], "pages no link leads to")
        #expect(seen.subtracting(pages).subtracting(["404.html"]).sorted() == [], "links to pages that do not exist")
    }

    /// The JSON Schemas from `switchboard schema` accept the data files of the demo tree (the bundled
    /// content, placeholders included, plus the example devices) and reject a broken one,
    /// checked with Python's jsonschema, as the YAML language server would.
    @Test func generatedJSONSchemasAcceptTheBundledContent() throws {
        let folder = BuildCommandTests.temporary("schemas")
        let demo = BuildCommandTests.temporary("schemas-demo")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: demo) }
        let run = try BuildCommandTests.run(["schema", "--output", folder.path])
        #expect(run.status == 0)
        let assemble = Process()
        assemble.executableURL = BuildCommandTests.root.appendingPathComponent("scripts/demo-content.sh")
        assemble.arguments = [demo.path]
        assemble.standardOutput = FileHandle.nullDevice
        try assemble.run()
        assemble.waitUntilExit()
        #expect(assemble.terminationStatus == 0)
        let script = """
        import json, sys, glob, yaml, jsonschema, copy
        class Loader(yaml.SafeLoader): pass
        # YAML 1.2, as the language server reads it: dates stay strings.
        Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != 'tag:yaml.org,2002:timestamp'] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
        schemas, content = sys.argv[1], sys.argv[2]
        pairs = [('devices', 'devices/*.yml'), ('escalation', 'escalation/*.yml'), ('checklists', 'support/checklists/*.yml'),
                 ('supportHours', 'support/hours.yml'), ('rateCard', 'support/rates.yml'), ('statusComponents', 'status/components.yml'),
                 ('site', 'site.yml'), ('products', 'products.yml'), ('categories', 'kb/*/_category.yml')]
        checked = 0
        for name, pattern in pairs:
            schema = json.load(open(f'{schemas}/{name}.schema.json'))
            for path in glob.glob(f'{content}/{pattern}'):
                jsonschema.validate(yaml.load(open(path), Loader=Loader), schema)
                checked += 1
        device = yaml.load(open(glob.glob(f'{content}/devices/*.yml')[0]), Loader=Loader)
        device['colour'] = 'blue'
        try:
            jsonschema.validate(device, json.load(open(f'{schemas}/devices.schema.json')))
            sys.exit('an unknown key was accepted')
        except jsonschema.ValidationError:
            pass
        print(checked)
        """
        // The project's .venv/ holds jsonschema and PyYAML (`make test-deps`, requirements-test.txt).
        let venvPython = BuildCommandTests.root.appendingPathComponent(".venv/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: venvPython.path),
                     "no .venv/bin/python: run `make test-deps` (scripts/ensure-deps.sh test) first")
        let python = Process()
        python.executableURL = venvPython
        python.arguments = ["-c", script, folder.path, demo.path]
        let out = Pipe(), err = Pipe()
        python.standardOutput = out
        python.standardError = err
        try python.run()
        let checked = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "\(problems)")
        #expect((Int(checked.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 15)
    }
}

extension BundledSiteTests {
    /// A closed day once printed the whole outer context: Mustache looks a key missing
    /// from a list item up in the enclosing contexts.
    @Test func closedDaysSayClosed() throws {
        let output = BuildCommandTests.temporary("hours")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try BuildCommandTests.run(["build", "--output", output.path, "--now", "2026-11-26T12:00:00Z"])
        for page in ["index.html", "support/index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains("<th scope=\"row\">Saturday</th><td>Closed</td>"), "\(page)")
            #expect(!html.contains("&quot;: "), "\(page) prints a Swift dictionary")
        }
    }
}

extension BundledSiteTests {
    /// A contact without a URL once showed the vendor page's own URL as "Log a ticket
    /// online": Mustache looked the missing key up in the enclosing context.
    @Test func contactsShowOnlyTheirOwnChannels() throws {
        let output = BuildCommandTests.temporary("contacts")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try BuildCommandTests.run(["build", "--output", output.path, "--now", "2026-11-26T12:00:00Z"])
        for page in ["vendors/tollring/index.html", "escalation/tollring-icall/index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(html.components(separatedBy: "Log a ticket online").count - 1 == 1, "\(page)")
        }
    }
}

extension BundledSiteTests {
    /// An article without `updated` shows its file's last commit date, read with one `git log`.
    @Test func lastUpdatedFallsBackToTheLastCommitDate() throws {
        let root = BuildCommandTests.temporary("gitdates")
        let output = BuildCommandTests.temporary("gitdates-out")
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: output) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: BuildCommandTests.root.appendingPathComponent("content"), to: content)
        let article = content.appendingPathComponent("kb/tickets/urgency-and-priority.md")
        let text = try String(contentsOf: article, encoding: .utf8)
        try text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("updated:") }
            .joined(separator: "\n").write(to: article, atomically: true, encoding: .utf8)
        func git(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", root.path] + arguments
            process.environment = ["GIT_AUTHOR_DATE": "2026-02-03T10:00:00Z", "GIT_COMMITTER_DATE": "2026-02-03T10:00:00Z",
                                   "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com", "HOME": root.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try git(["init", "-q"])
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "content"])
        let run = try BuildCommandTests.run(["build", "--content", content.path, "--output", output.path, "--now", "2026-11-26T12:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: output.appendingPathComponent("kb/tickets/urgency-and-priority/index.html"), encoding: .utf8)
        #expect(html.contains("Last updated <time datetime=\"2026-02-03\">3 February 2026</time>"))
    }
}

extension BundledSiteTests {
    /// "Edit this page" appears only when site.yml sets `repository_url`: the bundled site once
    /// linked every page to a placeholder git.example.com.
    @Test func editLinksOnlyWithARepositoryAddress() throws {
        let content = BuildCommandTests.temporary("edit-content"), output = BuildCommandTests.temporary("edit-out")
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: output) }
        let bare = try BuildCommandTests.run(["build", "--output", output.path, "--now", "2026-11-26T12:00:00Z"])
        #expect(bare.status == 0, "\(bare.stderr)")
        let page = "policies/doa-process/index.html"
        #expect(try !String(contentsOf: output.appendingPathComponent(page), encoding: .utf8).contains("Edit this page"))

        try FileManager.default.copyItem(at: BuildCommandTests.root.appendingPathComponent("content"), to: content)
        let site = content.appendingPathComponent("site.yml")
        try (String(contentsOf: site, encoding: .utf8) + "repository_url: https://git.pragma.test/rc/\n").write(to: site, atomically: true, encoding: .utf8)
        let run = try BuildCommandTests.run(["build", "--content", content.path, "--output", output.path, "--now", "2026-11-26T12:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
        #expect(html.contains("<a href=\"https://git.pragma.test/rc/content/policies/doa-process.md\">Edit this page</a>"))
    }
}
