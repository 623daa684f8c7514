import ArgumentParser
import Foundation
import NorthstarCore
import NorthstarServer
import NorthstarStore

/// `northstar user`: the people who sign in to the dashboard.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the people who sign in to the dashboard.",
        subcommands: [UserAddCommand.self]
    )
}

/// `northstar user add NAME --role ROLE`.
struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a dashboard user; the password is asked for (or read from standard input).",
        discussion: """
            The password is read from the terminal without echo, or as one line of standard input when that is \
            not a terminal, and stored as a bcrypt hash (cost 12).

            Examples:
              northstar user add ana --role admin --database northstar.db
              printf '%s\\n' "$PASSWORD" | northstar user add sam --role agent --agent a-17 --team tier1
            """
    )

    @Argument(help: "The login name.")
    var name: String

    @Option(help: "admin, manager, agent or viewer.")
    var role: RoleArgument

    @Option(name: .customLong("agent"), help: "The agent's id in the contacts (for the agent role).")
    var agentID: String?

    @Option(help: "The user's team.")
    var team: String?

    @Option(help: .hidden)
    var bcryptCost: UInt8 = Secrets.productionBcryptCost

    @OptionGroup var store: DatabaseOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty || name.contains(where: { $0.isNewline }) {
            throw ValidationError("Give a name without line breaks.")
        }
        if !(4...31).contains(bcryptCost) { throw ValidationError("--bcrypt-cost must be 4 to 31.") }
    }

    func run() async throws {
        guard let password = PasswordReading.read(prompt: "Password for \(name): "), !password.isEmpty else {
            printError("Error: no password given.")
            throw ExitCode.failure
        }
        if password.utf8.count < 8 {
            printError("Error: the password is too short; use at least 8 characters.")
            throw ExitCode.failure
        }
        let hash = Secrets.hashPassword(password, cost: bcryptCost)
        let database = try await store.open(createIfMissing: true)
        do {
            try await database.addUser(
                User(
                    name: name,
                    role: role.role,
                    agentID: agentID,
                    team: team,
                    passwordHash: hash,
                    createdAt: Timestamp(seconds: Int64(Date().timeIntervalSince1970))
                )
            )
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
        print("Added \(name) (\(role.role.rawValue)) to \(database.location).")
    }
}

/// `northstar token`: bearer tokens for the API.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage the API's bearer tokens.",
        subcommands: [TokenCreateCommand.self]
    )
}

/// `northstar token create --name NAME --role ROLE`.
struct TokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an API token and print it once; the store keeps only its SHA-256 hash.",
        discussion: """
            Example:
              northstar token create --name reporting --role viewer --database northstar.db
              curl -H "Authorization: Bearer TOKEN" http://127.0.0.1:8080/api/promises
            """
    )

    @Option(help: "A name to tell tokens apart, such as `zendesk-sync`.")
    var name: String

    @Option(help: "admin, manager, agent or viewer.")
    var role: RoleArgument

    @OptionGroup var store: DatabaseOptions

    func run() async throws {
        let token = Secrets.randomToken()
        let database = try await store.open(createIfMissing: true)
        do {
            try await database.addToken(
                APIToken(
                    name: name,
                    role: role.role,
                    tokenHash: Secrets.sha256Hex(token),
                    createdAt: Timestamp(seconds: Int64(Date().timeIntervalSince1970))
                )
            )
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
        printError("Created the token `\(name)` (\(role.role.rawValue)). It is shown once; keep it safe:")
        print(token)
    }
}

/// A role as a command-line value.
struct RoleArgument: ExpressibleByArgument {
    var role: Role

    init?(argument: String) {
        guard let role = Role(rawValue: argument.lowercased()) else { return nil }
        self.role = role
    }

    static var allValueStrings: [String] { Role.allCases.map(\.rawValue) }
}
