import ArgumentParser
import SwitchboardModel

/// `switchboard build` (placeholder until the builder lands).
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build content/ into a static site.")
    @OptionGroup var options: ContentOptions
    func run() throws {}
}
