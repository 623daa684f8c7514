import Foundation
public import NorthstarCore

/// Where a team's data lives between commands: contacts (upserted by source and id), import runs with their
/// summaries and refused rows, charters with every version and sign-off, users and API tokens.
///
/// Two implementations share one SQL schema and the same queries: ``SQLiteStore`` (a file, the default) and
/// ``PostgresStore`` (a server, for teams). ``open(_:createIfMissing:)`` chooses by the location's scheme. Opening
/// a store applies any migration it lacks (docs/store.md).
public protocol Store: StoreReader {
    /// Where the store is, for messages: a file path, or a PostgreSQL URL without its password.
    var location: String { get }

    /// Closes the store's connections; the store is unusable afterwards.
    func close() async throws

    /// The versions of the schema migrations applied, in order.
    func appliedMigrations() async throws -> [Int]

    // MARK: Contacts

    /// Inserts the contacts, or replaces the stored contact with the same source and id, in one transaction: a
    /// contact keeps the position it was first stored at, so the store reads them back in first-seen order.
    func upsertContacts(_ contacts: [SourcedContact]) async throws

    /// Changes one stored contact in place: reads the contact `id` under the first of `sources` that has it, and
    /// stores what `change` makes of it (`nil` when none has it) under the source it was found in, else
    /// `newSource`; returns that source. The read and the write are one transaction holding the writers' lock,
    /// so two processes updating the same contact (two webhook deliveries) take turns and neither change is
    /// lost. An error thrown by `change` is rethrown as it is, and nothing is stored.
    func updateContact(
        id: String,
        sources: [String],
        newSource: String,
        _ change: @escaping @Sendable (Contact?) throws -> Contact
    ) async throws -> String

    /// The stored contact with this source and id.
    func contact(source: String, id: String) async throws -> Contact?

    // MARK: Import runs

    /// Records that an import of `files` started; returns the run's id. The run stays `running` until
    /// ``completeImportRun(_:reports:contacts:at:)``: a run killed before that is never counted.
    func beginImportRun(files: [String], at time: Timestamp) async throws -> Int64

    /// Stores the run's per-file reports and refused rows and marks it completed, in one transaction.
    func completeImportRun(_ id: Int64, reports: [ImportReport], contacts: Int, at time: Timestamp) async throws

    /// Marks a running run ``ImportRunRecord/Status/failed`` with what stopped it and when; the contacts it wrote
    /// stay stored. Refused when the run is not running.
    func failImportRun(_ id: Int64, message: String, at time: Timestamp) async throws

    /// The per-file reports of one run, with their refused rows.
    func importReports(ofRun id: Int64) async throws -> [ImportReport]

    /// Notes that the running run `id` is still alive: every batch an import writes calls this, and a running
    /// run whose last heartbeat is older than ``StoreDefaults/abandonedAfter`` reads as
    /// ``ImportRunRecord/Status/abandoned``.
    func recordImportHeartbeat(_ id: Int64, at time: Timestamp) async throws

    /// Every import run as of `now`, newest first, with its per-file summaries (without refused rows): a
    /// running run whose heartbeat is older than ``StoreDefaults/abandonedAfter`` at `now` reads as abandoned.
    func importRuns(at now: Timestamp) async throws -> [ImportRunRecord]

    // MARK: Consistent reads

    /// Runs `body` with a reader that sees the store as it was at one instant: every contact page and the
    /// import reports it reads come from one snapshot (PostgreSQL: one `REPEATABLE READ READ ONLY`
    /// transaction; SQLite: one read transaction on a connection of its own), whatever imports and live
    /// ingest write meanwhile. A check over the store reads through this.
    func withConsistentRead<Result: Sendable>(
        _ body: @escaping @Sendable (any StoreReader) async throws -> Result
    ) async throws -> Result

    // MARK: Login failures

    /// Notes one failed sign-in at `time` for every key (SHA-256 hashes made by the caller, never a raw name or
    /// address), so every server process on the store counts it.
    func recordLoginFailure(keys: [String], at time: Timestamp) async throws

    /// When the key failed at or after `time`, oldest first.
    func loginFailures(key: String, since time: Timestamp) async throws -> [Timestamp]

    /// Forgets every failure of `keys` (a successful sign-in).
    func clearLoginFailures(keys: [String]) async throws

    /// Forgets every failure before `time` (outside any window still counted); returns how many.
    @discardableResult
    func removeLoginFailures(before time: Timestamp) async throws -> Int

    // MARK: Charters

    /// Stores a new version of the charter, numbered after the latest, as proposed or already approved.
    func addCharterVersion(_ draft: CharterDraft) async throws -> CharterVersion

    /// Marks a proposed version approved.
    func approveCharterVersion(_ number: Int, by approver: String, at time: Timestamp) async throws

    /// Every version of the charter, oldest first.
    func charterVersions() async throws -> [CharterVersion]

    /// Records a sign-off of a charter version.
    func addSignOff(_ signOff: CharterSignOff) async throws

    /// The sign-offs of one charter version, oldest first.
    func signOffs(charterVersion number: Int) async throws -> [CharterSignOff]

    // MARK: Users and tokens

    /// Adds a user; fails when the name is taken.
    func addUser(_ user: User) async throws

    /// The user with this name.
    func user(named name: String) async throws -> User?

    /// Every user, by name.
    func users() async throws -> [User]

    /// Replaces a user's password hash (bcrypt, made by the caller).
    func setPasswordHash(_ hash: String, forUser name: String) async throws

    /// Removes a user; returns whether there was one.
    @discardableResult
    func removeUser(named name: String) async throws -> Bool

    /// Adds an API token (its SHA-256 hash, never the token); fails when the name is taken.
    func addToken(_ token: APIToken) async throws

    /// The token whose SHA-256 hash (lowercase hex) is `hash`.
    func token(hash: String) async throws -> APIToken?

    /// Notes that the token with this hash was used.
    func recordTokenUse(hash: String, at time: Timestamp) async throws

    /// Every token, by name.
    func tokens() async throws -> [APIToken]

    /// Removes a token; returns whether there was one.
    @discardableResult
    func removeToken(named name: String) async throws -> Bool

    // MARK: Sessions

    /// Stores a new dashboard session.
    func addSession(_ session: LoginSession) async throws

    /// The session whose id hashes to `idHash`.
    func session(idHash: String) async throws -> LoginSession?

    /// Notes that the session was used at `time`.
    func touchSession(idHash: String, at time: Timestamp) async throws

    /// Ends a session; returns whether there was one.
    @discardableResult
    func removeSession(idHash: String) async throws -> Bool

    /// Ends every session last used before `time`; returns how many.
    @discardableResult
    func removeSessions(lastSeenBefore time: Timestamp) async throws -> Int

    /// Ends every session of the user named `name` (a removed user, a changed password); returns how many.
    @discardableResult
    func removeSessions(ofUser name: String) async throws -> Int

    // MARK: Changes

    /// How much the store holds, in a few cheap counts: a report computed from it is stale when this changes.
    func fingerprint() async throws -> StoreFingerprint
}

/// What a check reads from a store: the whole store, or one consistent snapshot of it
/// (``Store/withConsistentRead(_:)``).
public protocol StoreReader: Sendable {
    /// How many contacts are stored.
    func contactCount() async throws -> Int

    /// Up to `limit` contacts in first-stored order, after the position `cursor` (`nil`: from the start).
    func contactPage(after cursor: Int64?, limit: Int) async throws -> ContactPage

    /// The latest completed report of each file ever imported (without refused rows), in import order: the
    /// `input` summary of a check over the store.
    func latestImportReports() async throws -> [ImportReport]
}

extension Store {
    /// Every import run as of the current time, newest first (``importRuns(at:)``).
    public func importRuns() async throws -> [ImportRunRecord] {
        try await importRuns(at: Timestamp(seconds: Int64(Date().timeIntervalSince1970.rounded(.down))))
    }
}

extension StoreReader {
    /// Calls `body` with every stored contact in first-stored order, reading `pageSize` at a time: the whole
    /// store is never held at once.
    public func forEachContact(
        pageSize: Int = 10_000,
        _ body: (SourcedContact) throws -> Void
    ) async throws {
        var cursor: Int64?
        while true {
            let page = try await contactPage(after: cursor, limit: pageSize)
            for contact in page.contacts { try body(contact) }
            guard let next = page.next else { return }
            cursor = next
        }
    }
}

/// Opens the store at `location`.
///
/// - Parameters:
///   - location: `postgres://user:password@host:port/database` (or `postgresql://`) for PostgreSQL; anything
///     else is a SQLite file path (`sqlite://PATH` and `file:PATH` are read as the path).
///   - createIfMissing: whether a missing SQLite file is created; `false` for commands that only read.
public func openStore(_ location: String, createIfMissing: Bool = true) async throws -> any Store {
    if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
        return try await PostgresStore(url: location)
    }
    var path = location
    for prefix in ["sqlite://", "file:"] where path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
    return try await SQLiteStore(path: path, createIfMissing: createIfMissing)
}

/// The store's defaults.
public enum StoreDefaults {
    /// The SQLite file used when neither `--database` nor ``environmentVariable`` names a store.
    public static let location = "./northstar.db"
    /// The environment variable that names the store when `--database` does not.
    public static let environmentVariable = "NORTHSTAR_DATABASE_URL"
    /// Contacts an import writes per transaction: a killed import leaves whole batches only.
    public static let importBatchSize = 5_000
    /// Seconds without a heartbeat after which a running import run reads as abandoned (killed, or its machine
    /// lost): an import beats with every batch, far more often than this.
    public static let abandonedAfter: Int64 = 600
}
