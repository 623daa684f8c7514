import ArgumentParser
import NorthstarCore

@main
struct Northstar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "northstar",
        abstract: "Make a customer-service mission executable: a charter, its wording, its promises.",
        discussion: """
            Start with `northstar init` to write a charter, `northstar validate` to check it, and \
            `northstar lint` to score the vision and mission. With no charter, `northstar lint` scores a built-in \
            example.
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, InitCommand.self, ValidateCommand.self, LintCommand.self, ImportCommand.self,
            ExploreCommand.self,
            CheckCommand.self, StaffCommand.self, CharterCommand.self, UserCommand.self, TokenCommand.self,
            ServeCommand.self,
        ]
    )
}
