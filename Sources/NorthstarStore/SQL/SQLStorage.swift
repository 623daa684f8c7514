import Foundation
import NorthstarCore
import PostgresNIO
import SQLKit

/// The store's queries, written once for both dialects: ``SQLiteStore`` and ``PostgresStore`` hand their calls
/// here with their own connections.
struct SQLStorage: Sendable {
    let sessions: any SQLSessionSource
    let dialect: SQLStoreDialect
    /// Where the store is, for messages (no password).
    let location: String

    /// Rows per INSERT statement: far below both databases' limits on bound parameters.
    static let rowsPerStatement = 500

    // MARK: Sessions and transactions

    func session<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        do {
            return try await sessions.withSession(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(
                code: .database,
                message: "\(location): \(Self.describe(error))",
                cause: error
            )
        }
    }

    /// Runs `body` in one transaction: all of it is stored, or none of it.
    func transaction<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        let begin = dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        return try await session { database in
            try await database.execute(sql: SQLRaw(begin)) { _ in }
            do {
                let result = try await body(database)
                try await database.execute(sql: SQLRaw("COMMIT")) { _ in }
                return result
            } catch {
                try? await database.execute(sql: SQLRaw("ROLLBACK")) { _ in }
                throw error
            }
        }
    }

    /// A database error in one line, with the server's own message where there is one.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            let detail =
                error.serverInfo?[.detail].map { " (\($0))" } ?? error.underlying.map { " (\($0))" } ?? ""
            return message + detail
        }
        return "\(error)"
    }

    // MARK: Migrations

    /// Applies every migration the store lacks, each in its own transaction; two processes opening the same
    /// PostgreSQL database at once take turns.
    func migrate() async throws {
        let dialect = self.dialect
        for migration in StoreMigrations.all {
            try await transaction { database in
                if dialect == .postgres {
                    try await database.execute(sql: SQLRaw("SELECT pg_advisory_xact_lock(4716001)")) { _ in }
                }
                try await database.execute(
                    sql: SQLRaw(
                        "CREATE TABLE IF NOT EXISTS schema_migrations "
                            + "(version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
                    )
                ) { _ in }
                let applied = try await database.select().column("version").from("schema_migrations")
                    .where("version", .equal, Int64(migration.version)).first()
                if applied != nil { return }
                for statement in migration.statements(dialect) {
                    try await database.execute(sql: SQLRaw(statement)) { _ in }
                }
                try await database.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(
                        SQLBind(Int64(migration.version)),
                        SQLBind(migration.name),
                        SQLBind(Int64(Date().timeIntervalSince1970))
                    )
                    .run()
            }
        }
        let newest = try await appliedMigrations().last ?? 0
        if let known = StoreMigrations.all.last?.version, newest > known {
            throw StoreError(
                code: .incompatible,
                message: "\(location) has schema version \(newest), newer than this northstar knows (\(known)); "
                    + "upgrade northstar."
            )
        }
    }

    func appliedMigrations() async throws -> [Int] {
        try await session { database in
            try await database.select().column("version").from("schema_migrations").orderBy("version").all()
                .map { Int(try $0.decode(column: "version", as: Int64.self)) }
        }
    }

    // MARK: Contacts

    /// Upserts in one transaction and moves the contacts revision on when a row was inserted or changed: the
    /// counter is bumped first (in PostgreSQL that locks its row, so concurrent upserts take turns and each gets
    /// its own revision), a stored contact is rewritten only where some column differs, and the bump is taken
    /// back when no row was written.
    func upsertContacts(_ contacts: [SourcedContact]) async throws {
        guard !contacts.isEmpty else { return }
        try await transaction { [self] database in
            try await write(contacts, database: database)
        }
    }

    /// Reads the contact stored under the first of `sources` that has `id`, hands it to `change`, and stores what
    /// `change` returns (under the source it was found in, else `newSource`), in one transaction that holds the
    /// writers' lock from the read on: two processes updating one contact take turns and neither loses the
    /// other's change. A `change` that throws stores nothing and its error is returned, never wrapped.
    func updateContact(
        id: String,
        sources: [String],
        newSource: String,
        _ change: @escaping @Sendable (Contact?) throws -> Contact
    ) async throws -> Result<String, any Error> {
        let columns = ["seq"] + ContactColumns.names
        let dialect = self.dialect
        return try await transaction { [self] database in
            // SQLite's BEGIN IMMEDIATE already holds the write lock; PostgreSQL locks the counter row every
            // upsert takes first.
            if dialect == .postgres {
                try await database.raw(
                    "SELECT value FROM store_counters WHERE name = 'contacts_revision' FOR UPDATE"
                ).run()
            }
            var found: (source: String, contact: Contact)?
            for source in sources {
                if let row = try await database.select().columns(columns).from("contacts")
                    .where("source", .equal, source).where("id", .equal, id).first()
                {
                    found = (source, try ContactColumns.contact(from: row).sourced.contact)
                    break
                }
            }
            let updated: Contact
            do {
                updated = try change(found?.contact)
            } catch {
                return .failure(error)
            }
            let source = found?.source ?? newSource
            try await write([SourcedContact(source: source, contact: updated)], database: database)
            return .success(source)
        }
    }

    /// The upsert inside a transaction: moves the contacts revision on when a row was inserted or changed. The
    /// counter is bumped first (in PostgreSQL that locks its row, so concurrent upserts take turns and each gets
    /// its own revision), a stored contact is rewritten only where some column differs, and the bump is taken
    /// back when no row was written.
    private func write(_ contacts: [SourcedContact], database: any SQLDatabase) async throws {
        let changed = Self.changedPredicate(dialect)
        guard
            let row = try await database.raw(
                "UPDATE store_counters SET value = value + 1 WHERE name = 'contacts_revision' RETURNING value"
            ).first()
        else {
            throw StoreError(code: .incompatible, message: "\(location) has no contacts revision counter.")
        }
        let revision = try row.decode(column: "value", as: Int64.self)
        var written = 0
        var start = contacts.startIndex
        while start < contacts.endIndex {
            let end = min(start + Self.rowsPerStatement, contacts.endIndex)
            var insert = database.insert(into: "contacts").columns(ContactColumns.names + ["revision"])
            for contact in contacts[start..<end] {
                insert = insert.values(try ContactColumns.values(contact) + [SQLBind(revision)])
            }
            written += try await insert.onConflict(with: ["source", "id"]) { update in
                (ContactColumns.updated + ["revision"]).reduce(update) { $0.set(excludedValueOf: $1) }
                    .where(SQLRaw(changed))
            }
            .returning("seq").all().count
            start = end
        }
        if written == 0 {
            try await database.raw(
                "UPDATE store_counters SET value = value - 1 WHERE name = 'contacts_revision'"
            ).run()
        }
    }

    /// The upsert's condition: some stored column differs from the new row's (NULL-safe in both dialects).
    static func changedPredicate(_ dialect: SQLStoreDialect) -> String {
        let differs = dialect == .sqlite ? "IS NOT" : "IS DISTINCT FROM"
        return "("
            + ContactColumns.updated.map { "contacts.\($0) \(differs) excluded.\($0)" }
            .joined(separator: " OR ") + ")"
    }

    func contactCount() async throws -> Int {
        try await session { database in
            let row = try await database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("contacts").first()
            return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
        }
    }

    func contactPage(after cursor: Int64?, limit: Int) async throws -> ContactPage {
        let columns = ["seq"] + ContactColumns.names
        let rows = try await session { database in
            try await database.select().columns(columns).from("contacts")
                .where("seq", .greaterThan, cursor ?? Int64.min)
                .orderBy("seq").limit(limit).all()
        }
        var contacts: [SourcedContact] = []
        contacts.reserveCapacity(rows.count)
        var last: Int64?
        for row in rows {
            let (seq, contact) = try ContactColumns.contact(from: row)
            contacts.append(contact)
            last = seq
        }
        return ContactPage(contacts: contacts, next: rows.count < limit ? nil : last)
    }

    func contact(source: String, id: String) async throws -> Contact? {
        let columns = ["seq"] + ContactColumns.names
        let row = try await session { database in
            try await database.select().columns(columns).from("contacts")
                .where("source", .equal, source).where("id", .equal, id).first()
        }
        return try row.map { try ContactColumns.contact(from: $0).sourced.contact }
    }

    // MARK: Import runs

    func beginImportRun(files: [String], at time: Timestamp) async throws -> Int64 {
        let filesJSON = try Self.json(files)
        return try await session { database in
            let row = try await database.insert(into: "import_runs")
                .columns("files", "status", "started_at", "heartbeat_at")
                .values(
                    SQLBind(filesJSON),
                    SQLBind(ImportRunRecord.Status.running.rawValue),
                    SQLBind(time.seconds),
                    SQLBind(time.seconds)
                )
                .returning("id").first()
            guard let row else {
                throw StoreError(code: .database, message: "\(self.location): the new import run has no id.")
            }
            return try row.decode(column: "id", as: Int64.self)
        }
    }

    func completeImportRun(_ id: Int64, reports: [ImportReport], contacts: Int, at time: Timestamp) async throws {
        var summaries: [(report: ImportReport, json: String)] = []
        for report in reports {
            var summary = report
            summary.rejects = []
            summaries.append((summary, try Self.json(summary)))
        }
        let rejectRows: [[any SQLExpression]] = try reports.enumerated().flatMap { position, report in
            try report.rejects.enumerated().map { ordinal, reject in
                [
                    SQLBind(id), SQLBind(Int64(position)), SQLBind(Int64(ordinal)), SQLBind(Int64(reject.line)),
                    ContactColumns.bind(reject.record.map(Int64.init)), SQLBind(reject.reason),
                    SQLBind(try Self.json(reject.fields)),
                ]
            }
        }
        let fileRows: [[any SQLExpression]] = summaries.enumerated().map { position, entry in
            let report = entry.report
            return [
                SQLBind(id), SQLBind(Int64(position)), SQLBind(report.file), SQLBind(report.format),
                SQLBind(Int64(report.rowsRead)), SQLBind(Int64(report.accepted)), SQLBind(Int64(report.rejected)),
                SQLBind(Int64(report.duplicates)), SQLBind(entry.json),
            ]
        }
        let location = self.location
        try await transaction { database in
            let failed = try await database.select().column("run_id").from("import_failures")
                .where("run_id", .equal, id).all()
            guard failed.isEmpty else {
                throw StoreError(code: .conflict, message: "\(location): import run \(id) failed; it cannot complete.")
            }
            let updated = try await database.update("import_runs")
                .set("status", to: SQLBind(ImportRunRecord.Status.completed.rawValue))
                .set("finished_at", to: SQLBind(time.seconds))
                .set("contacts", to: SQLBind(Int64(contacts)))
                .where("id", .equal, id).where("status", .equal, ImportRunRecord.Status.running.rawValue)
                .returning("id").all()
            guard !updated.isEmpty else {
                throw StoreError(code: .conflict, message: "\(location): import run \(id) is not running.")
            }
            if !fileRows.isEmpty {
                try await database.insert(into: "import_files")
                    .columns(
                        "run_id",
                        "position",
                        "file",
                        "format",
                        "rows_read",
                        "accepted",
                        "rejected",
                        "duplicates",
                        "report"
                    )
                    .rows(fileRows).run()
            }
            var start = 0
            while start < rejectRows.count {
                let end = min(start + Self.rowsPerStatement, rejectRows.count)
                try await database.insert(into: "import_rejects")
                    .columns("run_id", "position", "ordinal", "line", "record", "reason", "fields")
                    .rows(rejectRows[start..<end]).run()
                start = end
            }
        }
    }

    func recordImportHeartbeat(_ id: Int64, at time: Timestamp) async throws {
        try await session { database in
            try await database.update("import_runs").set("heartbeat_at", to: SQLBind(time.seconds))
                .where("id", .equal, id).where("status", .equal, ImportRunRecord.Status.running.rawValue).run()
        }
    }

    /// The runs as of `now`: the `status` column says only running or completed (its CHECK allows no more), a
    /// row in `import_failures` makes a run failed, and a running run without a heartbeat for
    /// ``StoreDefaults/abandonedAfter`` reads as abandoned. Nothing is written: a late heartbeat revives it.
    func importRuns(at now: Timestamp) async throws -> [ImportRunRecord] {
        let (runs, files, failures) = try await session { database in
            let runs = try await database.select().columns(
                "id",
                "files",
                "status",
                "started_at",
                "finished_at",
                "contacts",
                "heartbeat_at"
            )
            .from("import_runs").orderBy("id", .descending).all()
            let files = try await database.select().columns("run_id", "report").from("import_files")
                .orderBy("run_id").orderBy("position").all()
            let failures = try await database.select().columns("run_id", "message").from("import_failures").all()
            return (runs, files, failures)
        }
        var failure: [Int64: String] = [:]
        for row in failures {
            failure[try row.decode(column: "run_id", as: Int64.self)] = try row.decode(
                column: "message",
                as: String.self
            )
        }
        var reports: [Int64: [ImportReport]] = [:]
        for row in files {
            reports[try row.decode(column: "run_id", as: Int64.self), default: []].append(
                try Self.decode(ImportReport.self, from: row.decode(column: "report", as: String.self))
            )
        }
        return try runs.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            let stored = ImportRunRecord.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .running
            let startedAt = try row.decode(column: "started_at", as: Int64.self)
            let heartbeat = try row.decode(column: "heartbeat_at", as: Int64?.self) ?? startedAt
            var status = failure[id] != nil ? .failed : stored
            if status == .running && now.seconds - heartbeat > StoreDefaults.abandonedAfter { status = .abandoned }
            return ImportRunRecord(
                id: id,
                files: try Self.decode([String].self, from: row.decode(column: "files", as: String.self)),
                status: status,
                startedAt: Timestamp(seconds: startedAt),
                finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Timestamp.init(seconds:)),
                contacts: try row.decode(column: "contacts", as: Int64?.self).map { Int($0) },
                reports: reports[id] ?? [],
                failure: failure[id],
                heartbeatAt: Timestamp(seconds: heartbeat)
            )
        }
    }

    func importReports(ofRun id: Int64) async throws -> [ImportReport] {
        let (files, rejects) = try await session { database in
            let files = try await database.select().columns("position", "report").from("import_files")
                .where("run_id", .equal, id).orderBy("position").all()
            let rejects = try await database.select().columns("position", "line", "record", "reason", "fields")
                .from("import_rejects").where("run_id", .equal, id).orderBy("position").orderBy("ordinal").all()
            return (files, rejects)
        }
        var reports: [ImportReport] = []
        var index: [Int64: Int] = [:]
        for row in files {
            index[try row.decode(column: "position", as: Int64.self)] = reports.count
            reports.append(try Self.decode(ImportReport.self, from: row.decode(column: "report", as: String.self)))
        }
        for row in rejects {
            guard let position = index[try row.decode(column: "position", as: Int64.self)] else { continue }
            // `reject` builds the row as the importer did; only the row is kept, the counts are stored already.
            var scratch = ImportReport(file: reports[position].file, format: reports[position].format)
            scratch.reject(
                line: Int(try row.decode(column: "line", as: Int64.self)),
                record: try row.decode(column: "record", as: Int64?.self).map { Int($0) },
                reason: try row.decode(column: "reason", as: String.self),
                fields: try Self.decode([String].self, from: row.decode(column: "fields", as: String.self))
            )
            reports[position].rejects += scratch.rejects
        }
        return reports
    }

    func latestImportReports() async throws -> [ImportReport] {
        let rows = try await session { database in
            try await database.select().columns(SQLColumn("run_id", table: "f"), SQLColumn("report", table: "f"))
                .from(SQLAlias(SQLIdentifier("import_files"), as: SQLIdentifier("f")))
                .join(
                    SQLAlias(SQLIdentifier("import_runs"), as: SQLIdentifier("r")),
                    on: SQLColumn("id", table: "r"),
                    .equal,
                    SQLColumn("run_id", table: "f")
                )
                .where(SQLColumn("status", table: "r"), .equal, SQLBind(ImportRunRecord.Status.completed.rawValue))
                .orderBy(SQLColumn("run_id", table: "f")).orderBy(SQLColumn("position", table: "f")).all()
        }
        // The latest report of each file and format, kept in the order of the runs and positions that wrote them.
        struct Key: Hashable {
            let file: String
            let format: String
        }
        var latest: [Key: Int] = [:]
        var ordered: [ImportReport?] = []
        for row in rows {
            let report = try Self.decode(ImportReport.self, from: row.decode(column: "report", as: String.self))
            let key = Key(file: report.file, format: report.format)
            if let earlier = latest[key] { ordered[earlier] = nil }
            latest[key] = ordered.count
            ordered.append(report)
        }
        return ordered.compactMap { $0 }
    }

    // MARK: Charters

    private static let charterColumns = [
        "number", "yaml", "version", "effective_date", "note", "status", "proposed_by", "proposed_at", "approved_by",
        "approved_at",
    ]

    func addCharterVersion(_ draft: CharterDraft) async throws -> CharterVersion {
        let dialect = self.dialect
        return try await transaction { database in
            if dialect == .postgres {
                try await database.execute(sql: SQLRaw("LOCK TABLE charter_versions IN EXCLUSIVE MODE")) { _ in }
            }
            let row = try await database.select()
                .column(
                    SQLFunction(
                        "COALESCE",
                        args: SQLFunction("MAX", args: SQLColumn("number")),
                        SQLLiteral.numeric("0")
                    ),
                    as: "n"
                )
                .from("charter_versions").first()
            let number = Int(try row?.decode(column: "n", as: Int64.self) ?? 0) + 1
            let version = CharterVersion(
                number: number,
                yaml: draft.yaml,
                version: draft.version,
                effectiveDate: draft.effectiveDate,
                note: draft.note,
                status: draft.approved ? .approved : .proposed,
                proposedBy: draft.proposedBy,
                proposedAt: draft.proposedAt,
                approvedBy: draft.approved ? draft.proposedBy : nil,
                approvedAt: draft.approved ? draft.proposedAt : nil
            )
            try await database.insert(into: "charter_versions").columns(Self.charterColumns)
                .values(
                    SQLBind(Int64(number)),
                    SQLBind(version.yaml),
                    SQLBind(version.version),
                    ContactColumns.bind(version.effectiveDate),
                    SQLBind(version.note),
                    SQLBind(version.status.rawValue),
                    ContactColumns.bind(version.proposedBy),
                    SQLBind(version.proposedAt.seconds),
                    ContactColumns.bind(version.approvedBy),
                    ContactColumns.bind(version.approvedAt?.seconds)
                )
                .run()
            return version
        }
    }

    func approveCharterVersion(_ number: Int, by approver: String, at time: Timestamp) async throws {
        let location = self.location
        try await session { database in
            let rows = try await database.update("charter_versions")
                .set("status", to: SQLBind(CharterVersion.Status.approved.rawValue))
                .set("approved_by", to: SQLBind(approver))
                .set("approved_at", to: SQLBind(time.seconds))
                .where("number", .equal, Int64(number))
                .where("status", .equal, CharterVersion.Status.proposed.rawValue)
                .returning("number").all()
            if rows.isEmpty {
                throw StoreError(
                    code: .conflict,
                    message: "\(location): charter version \(number) does not exist or is approved already."
                )
            }
        }
    }

    func charterVersions() async throws -> [CharterVersion] {
        let rows = try await session { database in
            try await database.select().columns(Self.charterColumns).from("charter_versions").orderBy("number").all()
        }
        return try rows.map { row in
            CharterVersion(
                number: Int(try row.decode(column: "number", as: Int64.self)),
                yaml: try row.decode(column: "yaml", as: String.self),
                version: try row.decode(column: "version", as: String.self),
                effectiveDate: try row.decode(column: "effective_date", as: String?.self),
                note: try row.decode(column: "note", as: String.self),
                status: CharterVersion.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .proposed,
                proposedBy: try row.decode(column: "proposed_by", as: String?.self),
                proposedAt: Timestamp(seconds: try row.decode(column: "proposed_at", as: Int64.self)),
                approvedBy: try row.decode(column: "approved_by", as: String?.self),
                approvedAt: try row.decode(column: "approved_at", as: Int64?.self).map(Timestamp.init(seconds:))
            )
        }
    }

    func addSignOff(_ signOff: CharterSignOff) async throws {
        try await session { database in
            try await database.insert(into: "charter_sign_offs")
                .columns("charter_number", "name", "role", "signed_at", "note")
                .values(
                    SQLBind(Int64(signOff.charterVersion)),
                    SQLBind(signOff.name),
                    ContactColumns.bind(signOff.role),
                    SQLBind(signOff.signedAt.seconds),
                    ContactColumns.bind(signOff.note)
                )
                .run()
        }
    }

    func signOffs(charterVersion number: Int) async throws -> [CharterSignOff] {
        let rows = try await session { database in
            try await database.select().columns("charter_number", "name", "role", "signed_at", "note")
                .from("charter_sign_offs").where("charter_number", .equal, Int64(number)).orderBy("id").all()
        }
        return try rows.map { row in
            CharterSignOff(
                charterVersion: Int(try row.decode(column: "charter_number", as: Int64.self)),
                name: try row.decode(column: "name", as: String.self),
                role: try row.decode(column: "role", as: String?.self),
                signedAt: Timestamp(seconds: try row.decode(column: "signed_at", as: Int64.self)),
                note: try row.decode(column: "note", as: String?.self)
            )
        }
    }

    // MARK: Users and tokens

    func addUser(_ user: User) async throws {
        if try await self.user(named: user.name) != nil {
            throw StoreError(code: .conflict, message: "\(location): a user named `\(user.name)` exists already.")
        }
        try await session { database in
            try await database.insert(into: "users")
                .columns("name", "role", "agent_id", "team", "password_hash", "created_at")
                .values(
                    SQLBind(user.name),
                    SQLBind(user.role.rawValue),
                    ContactColumns.bind(user.agentID),
                    ContactColumns.bind(user.team),
                    ContactColumns.bind(user.passwordHash),
                    SQLBind(user.createdAt.seconds)
                )
                .run()
        }
    }

    func user(named name: String) async throws -> User? {
        try await users(where: name).first
    }

    func users() async throws -> [User] {
        try await users(where: nil)
    }

    private func users(where name: String?) async throws -> [User] {
        let rows = try await session { database in
            var query = database.select().columns("name", "role", "agent_id", "team", "password_hash", "created_at")
                .from("users")
            if let name { query = query.where("name", .equal, name) }
            return try await query.orderBy("name").all()
        }
        return try rows.map { row in
            User(
                name: try row.decode(column: "name", as: String.self),
                role: try Self.role(row.decode(column: "role", as: String.self)),
                agentID: try row.decode(column: "agent_id", as: String?.self),
                team: try row.decode(column: "team", as: String?.self),
                passwordHash: try row.decode(column: "password_hash", as: String?.self),
                createdAt: Timestamp(seconds: try row.decode(column: "created_at", as: Int64.self))
            )
        }
    }

    func setPasswordHash(_ hash: String, forUser name: String) async throws {
        let location = self.location
        try await session { database in
            let rows = try await database.update("users").set("password_hash", to: SQLBind(hash))
                .where("name", .equal, name).returning("name").all()
            if rows.isEmpty { throw StoreError(code: .conflict, message: "\(location): no user named `\(name)`.") }
        }
    }

    func removeUser(named name: String) async throws -> Bool {
        try await session { database in
            try await !database.delete(from: "users").where("name", .equal, name).returning("name").all().isEmpty
        }
    }

    func addToken(_ token: APIToken) async throws {
        let exists = try await tokens().contains { $0.name == token.name }
        if exists {
            throw StoreError(code: .conflict, message: "\(location): a token named `\(token.name)` exists already.")
        }
        try await session { database in
            try await database.insert(into: "api_tokens")
                .columns("name", "role", "token_hash", "created_at", "last_used_at")
                .values(
                    SQLBind(token.name),
                    SQLBind(token.role.rawValue),
                    SQLBind(token.tokenHash),
                    SQLBind(token.createdAt.seconds),
                    ContactColumns.bind(token.lastUsedAt?.seconds)
                )
                .run()
        }
    }

    func token(hash: String) async throws -> APIToken? {
        try await tokens(where: hash).first
    }

    func tokens() async throws -> [APIToken] {
        try await tokens(where: nil)
    }

    private func tokens(where hash: String?) async throws -> [APIToken] {
        let rows = try await session { database in
            var query = database.select().columns("name", "role", "token_hash", "created_at", "last_used_at")
                .from("api_tokens")
            if let hash { query = query.where("token_hash", .equal, hash) }
            return try await query.orderBy("name").all()
        }
        return try rows.map { row in
            APIToken(
                name: try row.decode(column: "name", as: String.self),
                role: try Self.role(row.decode(column: "role", as: String.self)),
                tokenHash: try row.decode(column: "token_hash", as: String.self),
                createdAt: Timestamp(seconds: try row.decode(column: "created_at", as: Int64.self)),
                lastUsedAt: try row.decode(column: "last_used_at", as: Int64?.self).map(Timestamp.init(seconds:))
            )
        }
    }

    func recordTokenUse(hash: String, at time: Timestamp) async throws {
        try await session { database in
            try await database.update("api_tokens").set("last_used_at", to: SQLBind(time.seconds))
                .where("token_hash", .equal, hash).run()
        }
    }

    func removeToken(named name: String) async throws -> Bool {
        try await session { database in
            try await !database.delete(from: "api_tokens").where("name", .equal, name).returning("name").all().isEmpty
        }
    }

    // MARK: Coding

    static func role(_ text: String) throws -> Role {
        guard let role = Role(rawValue: text) else {
            throw StoreError(code: .incompatible, message: "A stored role `\(text)` is not one this northstar knows.")
        }
        return role
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from json: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch {
            throw StoreError(
                code: .incompatible,
                message: "A stored \(type) is not readable JSON: \(error).",
                cause: error
            )
        }
    }
}
