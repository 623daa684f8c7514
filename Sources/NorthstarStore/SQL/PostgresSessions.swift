import PostgresKit
import SQLKit

/// A pool of PostgreSQL connections; a session holds one of them.
/// `@unchecked`: the pool keeps its state on its event loops and hops there for every call.
struct PostgresSessions: SQLSessionSource, @unchecked Sendable {
    let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    /// Failures reach the caller as ``StoreError``s; the pool's own error logs would print them twice.
    let logger: Logger = {
        var logger = Logger(label: "northstar.store.postgres")
        logger.logLevel = .critical
        return logger
    }()

    init(configuration: SQLPostgresConfiguration) {
        pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: 2,
            requestTimeout: .seconds(600),
            on: MultiThreadedEventLoopGroup.singleton
        )
    }

    func withSession<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await pool.database(logger: logger).sql().withSession(body)
    }

    /// The pool holds several connections, so a long session keeps none from the others.
    func withDedicatedSession<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await withSession(body)
    }

    func shutdown() async throws {
        try await pool.shutdownAsync()
    }
}
