import Foundation
import SQLKit
import SQLiteKit

/// One SQLite connection, handed to one session at a time: SQLite has one writer, and a pool of one keeps a
/// transaction's statements on the connection that began it.
/// `@unchecked`: the pool keeps its state on its event loop and hops there for every call.
struct SQLiteSessions: SQLSessionSource, @unchecked Sendable {
    let pool: EventLoopConnectionPool<SQLiteConnectionSource>
    let source: SQLiteConnectionSource
    let logger = Logger(label: "northstar.store.sqlite")

    init(path: String) {
        let source = SQLiteConnectionSource(configuration: SQLiteConfiguration(storage: .file(path: path)))
        self.source = source
        pool = EventLoopConnectionPool(
            source: source,
            maxConnections: 1,
            requestTimeout: .seconds(600),
            pruneInterval: nil,
            on: MultiThreadedEventLoopGroup.singleton.any()
        )
    }

    func withSession<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        let connection = try await pool.requestConnection().get()
        defer { pool.releaseConnection(connection) }
        return try await body(connection.sql())
    }

    /// A connection of its own, opened for `body` and closed after: in WAL mode its read transaction is a
    /// snapshot that neither waits for the pool's writer nor keeps it waiting.
    func withDedicatedSession<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        let connection = try await source.makeConnection(logger: logger, on: pool.eventLoop).get()
        do {
            let result = try await body(connection.sql())
            try await connection.close().get()
            return result
        } catch {
            try? await connection.close().get()
            throw error
        }
    }

    func shutdown() async throws {
        try await pool.close().get()
    }
}
