import ArgumentParser
import Foundation
import NorthstarStore

/// `--database`, shared by every command that reads or writes the store.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The store: a SQLite file or a postgres://user:password@host:port/database URL.",
            discussion: "Default: $\(StoreDefaults.environmentVariable), else \(StoreDefaults.location).",
            valueName: "path-or-url"
        )
    )
    var database: String?

    /// The store named by the environment, if any.
    static var environmentLocation: String? {
        ProcessInfo.processInfo.environment[StoreDefaults.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The flag, else the environment, else the default file.
    var location: String { database ?? Self.environmentLocation ?? StoreDefaults.location }

    /// Whether a store was named, by the flag or the environment.
    var isNamed: Bool { database != nil || Self.environmentLocation != nil }

    /// Opens the store, printing `Error: …` and exiting 2 when it cannot be opened.
    func open(createIfMissing: Bool) async throws -> any Store {
        do {
            return try await openStore(location, createIfMissing: createIfMissing)
        } catch {
            printError(Terminal.standardError.red("Error: ") + "\(error)")
            throw ExitStatus.unreadable
        }
    }
}
