import Foundation
import NorthstarCore
import PostgresKit
import SQLKit

/// The store in a PostgreSQL database, for teams: several server processes may share it, and each reads what
/// the others wrote.
public final class PostgresStore: SQLStore, @unchecked Sendable {
    /// Connects to `postgres://user:password@host:port/database` (add `?tlsmode=disable` for a server without
    /// TLS), applying any migration the database lacks.
    public convenience init(url: String) async throws {
        let shown = Self.redacted(url)
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError(
                code: .unavailable,
                message: "\(shown) is not a PostgreSQL URL; write postgres://user:password@host:port/database.",
                cause: error
            )
        }
        try await self.init(configuration: configuration, location: shown)
    }

    /// Connects with a configuration made in code (a schema search path, TLS settings); `location` names it in
    /// messages.
    init(configuration: SQLPostgresConfiguration, location: String) async throws {
        let storage = SQLStorage(
            sessions: PostgresSessions(configuration: configuration),
            dialect: .postgres,
            location: location
        )
        do {
            try await storage.migrate()
        } catch {
            try? await storage.sessions.shutdown()
            throw error
        }
        super.init(storage: storage)
    }

    /// The URL with its password replaced by `***`, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "postgres://***"
    }
}
