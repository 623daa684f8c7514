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

    @OptionGroup var store: DatabaseOptions

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be 0 to 65535.") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let database = try await store.open(createIfMissing: true)
        let logger = Logger(label: "northstar.server")
        logger.info(
            "serving",
            metadata: ["store": .string(database.location), "address": .string("http://\(host):\(port)")]
        )
        let app = buildApplication(
            store: database,
            configuration: ServerConfiguration(host: host, port: port),
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
