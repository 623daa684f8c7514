import SQLKit

/// The SQL dialects the store speaks; the schema differs only in how a row id counts up.
enum SQLStoreDialect: Sendable {
    case sqlite
    case postgres
}

/// Hands out one connection at a time for a series of queries, such as a transaction.
protocol SQLSessionSource: Sendable {
    /// Runs `body` with a database bound to one connection.
    func withSession<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result

    /// Runs `body` with a database bound to one connection that no other session waits for, such as a long
    /// read transaction: SQLite's pool holds one connection, which a snapshot read must not keep from writers.
    func withDedicatedSession<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result

    /// Closes every connection.
    func shutdown() async throws
}

/// One connection already held by a session (a snapshot read), handed to every query of a storage built on it.
struct FixedSession: SQLSessionSource {
    let database: any SQLDatabase

    func withSession<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await body(database)
    }

    func withDedicatedSession<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await body(database)
    }

    /// The connection belongs to the session that lent it.
    func shutdown() async throws {}
}
