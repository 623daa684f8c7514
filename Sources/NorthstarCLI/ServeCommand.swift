import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NorthstarServer
import NorthstarStore

/// `northstar serve`: the dashboard and the JSON API over the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard and the JSON API over the store.",
        discussion: """
            Sign-in needs a user (`northstar user add NAME --role admin`) and the pages need an approved \
            charter (`northstar charter publish charter.yaml`). docs/server.md lists the routes and roles.

            Example:
              northstar serve --database northstar.db --port 8080
            """
    )

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(
        help: ArgumentHelp(
            "A file holding the Zendesk webhook's signing secret; turns on POST /webhooks/zendesk.",
            discussion: "Or set \(Self.webhookSecretVariable). The secret is never logged.",
            valueName: "path"
        )
    )
    var zendeskWebhookSecretFile: String?

    @Option(help: "How log lines are written to standard error: text, or json (one object per line).")
    var logFormat: LogFormat = .text

    @OptionGroup var store: DatabaseOptions

    /// How the server's log lines look.
    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// The environment variable that holds the Zendesk webhook's signing secret.
    static let webhookSecretVariable = "NORTHSTAR_ZENDESK_WEBHOOK_SECRET"

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be 0 to 65535.") }
        if let path = zendeskWebhookSecretFile, !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("--zendesk-webhook-secret-file: \(path) cannot be read.")
        }
    }

    /// The webhook secret from the file (its first line, trimmed) or the environment; `nil` when neither is set.
    func webhookSecret() throws -> String? {
        if let path = zendeskWebhookSecretFile {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let secret = text.split(whereSeparator: \.isNewline).first.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let secret, !secret.isEmpty else {
                throw ValidationError("--zendesk-webhook-secret-file: \(path) is empty.")
            }
            return secret
        }
        let value = ProcessInfo.processInfo.environment[Self.webhookSecretVariable]
        return value.flatMap { $0.isEmpty ? nil : $0 }
    }

    func run() async throws {
        switch logFormat {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .info
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
        }
        let secret = try webhookSecret()
        let database = try await store.open(createIfMissing: true)
        let logger = Logger(label: "northstar.server")
        logger.info(
            "serving",
            metadata: [
                "store": .string(database.location), "address": .string("http://\(host):\(port)"),
                "zendesk-webhook": .string(secret == nil ? "off" : "on"),
            ]
        )
        let app = buildApplication(
            store: database,
            configuration: ServerConfiguration(host: host, port: port, zendeskWebhookSecret: secret),
            logger: logger
        )
        do {
            try await app.runService()
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
    }
}
