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

    /// Closes every connection.
    func shutdown() async throws
}
