import NorthstarCore
import SQLKit

extension SQLStorage {
    /// Runs `body` with a reader whose every query runs in one read-only transaction on one connection of its
    /// own: PostgreSQL's `REPEATABLE READ` and SQLite's WAL read transaction both see one snapshot throughout.
    func consistentRead<Result: Sendable>(
        _ body: @escaping @Sendable (any StoreReader) async throws -> Result
    ) async throws -> Result {
        let begin = dialect == .sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
        let dialect = self.dialect
        let location = self.location
        do {
            return try await sessions.withDedicatedSession { database in
                try await database.execute(sql: SQLRaw(begin)) { _ in }
                do {
                    // Both databases take the snapshot at the first read, not at BEGIN: read now, before `body`.
                    _ = try await database.raw("SELECT value FROM store_counters").all()
                    let snapshot = SQLStorage(
                        sessions: FixedSession(database: database),
                        dialect: dialect,
                        location: location
                    )
                    let result = try await body(SQLSnapshotReader(storage: snapshot))
                    try await database.execute(sql: SQLRaw("COMMIT")) { _ in }
                    return result
                } catch {
                    try? await database.execute(sql: SQLRaw("ROLLBACK")) { _ in }
                    throw error
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(code: .database, message: "\(location): \(Self.describe(error))", cause: error)
        }
    }
}

/// The reads of a check, inside one snapshot (``SQLStorage/consistentRead(_:)``).
struct SQLSnapshotReader: StoreReader {
    let storage: SQLStorage

    func contactCount() async throws -> Int { try await storage.contactCount() }

    func contactPage(after cursor: Int64?, limit: Int) async throws -> ContactPage {
        try await storage.contactPage(after: cursor, limit: limit)
    }

    func latestImportReports() async throws -> [ImportReport] { try await storage.latestImportReports() }
}
