import Foundation
import NorthstarCore
import SQLKit

/// The store in one SQLite file: the default, for one analyst or a small team on one machine. The file is in
/// write-ahead-log mode, so a reader (the dashboard) does not wait for a writer (an import), and a process
/// killed mid-write leaves the last committed state.
public final class SQLiteStore: SQLStore, @unchecked Sendable {
    /// Opens (and, unless `createIfMissing` is `false`, creates) the store in the file at `path`, applying any
    /// migration it lacks.
    public init(path: String, createIfMissing: Bool = true) async throws {
        if !createIfMissing && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(
                code: .unavailable,
                message: "No store at \(path): import contacts first (`northstar import FILES --database \(path)`), "
                    + "or name another with --database or \(StoreDefaults.environmentVariable)."
            )
        }
        let storage = SQLStorage(sessions: SQLiteSessions(path: path), dialect: .sqlite, location: path)
        do {
            try await storage.session { database in
                for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"] {
                    try await database.execute(sql: SQLRaw(pragma)) { _ in }
                }
            }
            try await storage.migrate()
        } catch {
            try? await storage.sessions.shutdown()
            throw error
        }
        super.init(storage: storage)
    }
}
