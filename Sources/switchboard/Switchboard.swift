import ArgumentParser

/// The `switchboard` command.
@main
struct Switchboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "Builds the technical resource centre from content/ into a static site.",
        version: SwitchboardVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, ServeCommand.self, SchemaCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    static func main() {
        // The allocator is set by the commands that load a site (`AllocatorSettings`), before they do.
        main(nil)
    }
}

enum SwitchboardVersion {
    static let current = "0.1.0"
}
