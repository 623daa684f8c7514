import ArgumentParser
import Foundation
import NorthstarCore
import NorthstarStore

/// `northstar charter`: the charter versions kept in the store.
struct CharterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charter",
        abstract: "Keep the charter's versions in the store.",
        subcommands: [CharterPublishCommand.self]
    )
}

/// `northstar charter publish FILE`.
struct CharterPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Validate a charter and store it as the approved version the dashboard shows.",
        discussion: """
            Example:
              northstar charter publish charter.yaml --database northstar.db
            """
    )

    @Argument(help: "The charter YAML file.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Option(help: "What changed and why.")
    var note: String = ""

    @Option(help: "Who publishes it (default: $USER).")
    var by: String?

    @OptionGroup var store: DatabaseOptions

    func run() async throws {
        let loaded = try CharterReporting.load(file, invalidExitCode: ExitCode.failure)
        let yaml = loaded.source.text
        let latest = loaded.charter.history.last
        let now = Timestamp(seconds: Int64(Date().timeIntervalSince1970))
        let publisher = by ?? ProcessInfo.processInfo.environment["USER"]
        let database = try await store.open(createIfMissing: true)
        let version: CharterVersion
        do {
            version = try await database.addCharterVersion(
                CharterDraft(
                    yaml: yaml,
                    version: latest?.version ?? "unversioned",
                    effectiveDate: latest.map { "\($0.date)" },
                    note: note.isEmpty ? (latest?.note ?? "") : note,
                    proposedBy: publisher,
                    proposedAt: now,
                    approved: true
                )
            )
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
        print(
            "Published \(file) as charter version \(version.number) (\(version.version)), approved, "
                + "in \(database.location)."
        )
    }
}
