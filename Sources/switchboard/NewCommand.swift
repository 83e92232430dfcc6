import ArgumentParser
import Foundation
import SwitchboardModel

/// `switchboard new`: a new entry written from its collection's schema.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new entry with every required field, as a draft where the collection has drafts.",
        discussion: """
        The path is relative to the collection's folder, without extension:
          switchboard new kb diagnostics/check-dhcp --title "Check DHCP"
          switchboard new incident 2026-12-01-sip-trunk-outage
        An existing file is never overwritten. A new KB category gets its _category.yml.
        """
    )

    @Argument(help: ArgumentHelp("One of: \(EntryKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var kind: EntryKindArgument

    @Argument(help: ArgumentHelp("Relative to the collection's folder, without extension.", valueName: "path"))
    var path: String

    @Option(help: "The title (or question). Default: from the file name.")
    var title: String?

    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(help: ArgumentHelp("The build clock, ISO 8601 with an offset (else SOURCE_DATE_EPOCH, else now).", valueName: "iso-8601"))
    var now: String?

    func run() throws {
        let clock = try ContentOptions.clock(now)
        let template = EntryTemplate(kind: kind.value, path: path, title: title, now: clock, contentDirectory: content)
        do {
            for path in try template.write() { print("Created \(path)") }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct EntryKindArgument: ExpressibleByArgument {
    var value: EntryKind
    init?(argument: String) {
        guard let value = EntryKind(rawValue: argument) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { EntryKind.allCases.map(\.rawValue) }
}
