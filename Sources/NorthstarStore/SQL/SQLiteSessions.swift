import Foundation
import SQLKit
import SQLiteKit

/// One SQLite connection, handed to one session at a time: SQLite has one writer, and a pool of one keeps a
/// transaction's statements on the connection that began it.
/// `@unchecked`: the pool keeps its state on its event loop and hops there for every call.
struct SQLiteSessions: SQLSessionSource, @unchecked Sendable {
    let pool: EventLoopConnectionPool<SQLiteConnectionSource>

    init(path: String) {
        let source = SQLiteConnectionSource(configuration: SQLiteConfiguration(storage: .file(path: path)))
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

    func shutdown() async throws {
        try await pool.close().get()
    }
}
