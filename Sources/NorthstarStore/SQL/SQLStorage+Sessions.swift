import NorthstarCore
import SQLKit

extension SQLStorage {
    // MARK: Sessions

    func addSession(_ session: LoginSession) async throws {
        try await self.session { database in
            try await database.insert(into: "sessions")
                .columns("id_hash", "user_name", "csrf_token", "created_at", "last_seen_at")
                .values(
                    SQLBind(session.idHash),
                    SQLBind(session.userName),
                    SQLBind(session.csrfToken),
                    SQLBind(session.createdAt.seconds),
                    SQLBind(session.lastSeenAt.seconds)
                )
                .run()
        }
    }

    func session(idHash: String) async throws -> LoginSession? {
        let rows = try await session { database in
            try await database.select().columns("id_hash", "user_name", "csrf_token", "created_at", "last_seen_at")
                .from("sessions").where("id_hash", .equal, idHash).all()
        }
        return try rows.first.map { row in
            LoginSession(
                idHash: try row.decode(column: "id_hash", as: String.self),
                userName: try row.decode(column: "user_name", as: String.self),
                csrfToken: try row.decode(column: "csrf_token", as: String.self),
                createdAt: Timestamp(seconds: try row.decode(column: "created_at", as: Int64.self)),
                lastSeenAt: Timestamp(seconds: try row.decode(column: "last_seen_at", as: Int64.self))
            )
        }
    }

    func touchSession(idHash: String, at time: Timestamp) async throws {
        try await session { database in
            try await database.update("sessions").set("last_seen_at", to: SQLBind(time.seconds))
                .where("id_hash", .equal, idHash).run()
        }
    }

    func removeSession(idHash: String) async throws -> Bool {
        try await session { database in
            try await !database.delete(from: "sessions").where("id_hash", .equal, idHash).returning("id_hash").all()
                .isEmpty
        }
    }

    func removeSessions(lastSeenBefore time: Timestamp) async throws -> Int {
        try await session { database in
            try await database.delete(from: "sessions").where("last_seen_at", .lessThan, SQLBind(time.seconds))
                .returning("id_hash").all().count
        }
    }

    func removeSessions(ofUser name: String) async throws -> Int {
        try await session { database in
            try await database.delete(from: "sessions").where("user_name", .equal, SQLBind(name))
                .returning("id_hash").all().count
        }
    }

    // MARK: Changes

    func fingerprint() async throws -> StoreFingerprint {
        let row = try await session { database in
            try await database.raw(
                """
                SELECT
                    (SELECT COUNT(*) FROM contacts) AS contacts,
                    (SELECT COUNT(*) FROM import_runs) AS runs,
                    (SELECT MAX(id) FROM import_runs) AS latest_run,
                    (SELECT COUNT(*) FROM import_runs WHERE status = 'completed') AS completed_runs,
                    (SELECT COUNT(*) FROM charter_versions) AS charters,
                    (SELECT COUNT(*) FROM charter_versions WHERE status = 'approved') AS approved_charters,
                    (SELECT value FROM store_counters WHERE name = 'contacts_revision') AS contacts_revision
                """
            ).first()
        }
        guard let row else {
            return StoreFingerprint(
                contacts: 0,
                importRuns: 0,
                latestImportRun: nil,
                completedImportRuns: 0,
                charterVersions: 0,
                approvedCharterVersions: 0
            )
        }
        return StoreFingerprint(
            contacts: Int(try row.decode(column: "contacts", as: Int64.self)),
            importRuns: Int(try row.decode(column: "runs", as: Int64.self)),
            latestImportRun: try row.decode(column: "latest_run", as: Int64?.self),
            completedImportRuns: Int(try row.decode(column: "completed_runs", as: Int64.self)),
            charterVersions: Int(try row.decode(column: "charters", as: Int64.self)),
            approvedCharterVersions: Int(try row.decode(column: "approved_charters", as: Int64.self)),
            contactsRevision: try row.decode(column: "contacts_revision", as: Int64?.self) ?? 0
        )
    }
}
