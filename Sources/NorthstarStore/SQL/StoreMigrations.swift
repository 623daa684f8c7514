/// One step of the schema: applied once, in a transaction, and recorded in `schema_migrations`.
struct StoreMigration: Sendable {
    /// The version, counting up from 1; never reused.
    var version: Int
    /// What it does.
    var name: String
    /// The statements, in the dialect's words.
    var statements: @Sendable (SQLStoreDialect) -> [String]
}

/// Every migration, oldest first. Append new ones; never edit one that has shipped.
enum StoreMigrations {
    static let all: [StoreMigration] = [
        StoreMigration(version: 1, name: "contacts, import runs, charters, users, tokens") { dialect in
            let rowID = dialect == .sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"
            let roles = "'admin', 'manager', 'agent', 'viewer'"
            return [
                """
                CREATE TABLE contacts (
                    seq \(rowID),
                    source TEXT NOT NULL,
                    id TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    tier TEXT,
                    priority TEXT,
                    team TEXT,
                    agent TEXT,
                    category TEXT,
                    first_response_at BIGINT,
                    resolved_at BIGINT,
                    ended_at BIGINT,
                    wrap_seconds BIGINT,
                    abandoned BOOLEAN,
                    reopens BIGINT,
                    agent_replies BIGINT,
                    csat DOUBLE PRECISION,
                    nps BIGINT,
                    self_service BOOLEAN,
                    fcr_answer BOOLEAN,
                    vendor_sla_met BOOLEAN,
                    timeline TEXT,
                    UNIQUE (source, id)
                )
                """,
                "CREATE INDEX contacts_created_at ON contacts (created_at)",
                """
                CREATE TABLE import_runs (
                    id \(rowID),
                    files TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('running', 'completed')),
                    started_at BIGINT NOT NULL,
                    finished_at BIGINT,
                    contacts BIGINT
                )
                """,
                """
                CREATE TABLE import_files (
                    run_id BIGINT NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    file TEXT NOT NULL,
                    format TEXT NOT NULL,
                    rows_read BIGINT NOT NULL,
                    accepted BIGINT NOT NULL,
                    rejected BIGINT NOT NULL,
                    duplicates BIGINT NOT NULL,
                    report TEXT NOT NULL,
                    PRIMARY KEY (run_id, position)
                )
                """,
                """
                CREATE TABLE import_rejects (
                    run_id BIGINT NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    ordinal BIGINT NOT NULL,
                    line BIGINT NOT NULL,
                    record BIGINT,
                    reason TEXT NOT NULL,
                    fields TEXT NOT NULL,
                    PRIMARY KEY (run_id, position, ordinal)
                )
                """,
                """
                CREATE TABLE charter_versions (
                    number BIGINT PRIMARY KEY,
                    yaml TEXT NOT NULL,
                    version TEXT NOT NULL,
                    effective_date TEXT,
                    note TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('proposed', 'approved')),
                    proposed_by TEXT,
                    proposed_at BIGINT NOT NULL,
                    approved_by TEXT,
                    approved_at BIGINT
                )
                """,
                """
                CREATE TABLE charter_sign_offs (
                    id \(rowID),
                    charter_number BIGINT NOT NULL REFERENCES charter_versions (number),
                    name TEXT NOT NULL,
                    role TEXT,
                    signed_at BIGINT NOT NULL,
                    note TEXT
                )
                """,
                """
                CREATE TABLE users (
                    name TEXT PRIMARY KEY,
                    role TEXT NOT NULL CHECK (role IN (\(roles))),
                    agent_id TEXT,
                    team TEXT,
                    password_hash TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE api_tokens (
                    name TEXT PRIMARY KEY,
                    role TEXT NOT NULL CHECK (role IN (\(roles))),
                    token_hash TEXT NOT NULL UNIQUE,
                    created_at BIGINT NOT NULL,
                    last_used_at BIGINT
                )
                """,
            ]
        },
        StoreMigration(version: 2, name: "dashboard sessions") { _ in
            [
                """
                CREATE TABLE sessions (
                    id_hash TEXT PRIMARY KEY,
                    user_name TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    last_seen_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX sessions_last_seen_at ON sessions (last_seen_at)",
            ]
        },
        // A table of its own, not a third status: SQLite cannot change the CHECK on import_runs.status in place.
        StoreMigration(version: 3, name: "failed import runs") { _ in
            [
                """
                CREATE TABLE import_failures (
                    run_id BIGINT PRIMARY KEY REFERENCES import_runs (id) ON DELETE CASCADE,
                    message TEXT NOT NULL
                )
                """
            ]
        },
        StoreMigration(version: 4, name: "contacts revision") { _ in
            // Counting contacts misses a contact replaced in place (a ticket solved since the last import): the
            // revision counts every upsert that inserted or changed one, and each row keeps the revision that
            // last wrote it.
            [
                "ALTER TABLE contacts ADD COLUMN revision BIGINT NOT NULL DEFAULT 0",
                "CREATE TABLE store_counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
                "INSERT INTO store_counters (name, value) VALUES ('contacts_revision', 0)",
            ]
        },
        StoreMigration(version: 5, name: "import heartbeats, shared login failures") { _ in
            // A column, not a status: a run without a recent heartbeat reads as abandoned when the runs are read
            // (SQLite cannot widen the CHECK on import_runs.status). Login failures are rows so that every server
            // process on the store counts them; `key_hash` is a SHA-256 of the name or address, never the text.
            [
                "ALTER TABLE import_runs ADD COLUMN heartbeat_at BIGINT",
                "UPDATE import_runs SET heartbeat_at = started_at",
                "CREATE TABLE login_failures (key_hash TEXT NOT NULL, failed_at BIGINT NOT NULL)",
                "CREATE INDEX login_failures_key ON login_failures (key_hash, failed_at)",
                "CREATE INDEX login_failures_failed_at ON login_failures (failed_at)",
            ]
        },
    ]
}
