import ArgumentParser
import Foundation
import SwitchboardModel

/// `switchboard schema`: JSON Schemas of every collection, for editors' YAML language server.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write a JSON Schema (draft 2020-12) for every collection."
    )

    @Option(help: "The folder to write the schemas to.")
    var output: String = "schemas"

    func run() throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        for (name, text) in JSONSchemaWriter.schemas() {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output).appendingPathComponent(name))
        }
        print("Wrote \(JSONSchemaWriter.schemas().count) schemas to \(output)/")
    }
}
