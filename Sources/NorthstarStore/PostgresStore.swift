import Foundation
public import NorthstarCore
import PostgresKit
import SQLKit

/// The store in a PostgreSQL database, for teams: several server processes may share it, and each reads what
/// the others wrote.
public final class PostgresStore: Store {
    let storage: SQLStorage

    /// Connects to `postgres://user:password@host:port/database` (add `?tlsmode=disable` for a server without
    /// TLS), applying any migration the database lacks.
    public convenience init(url: String) async throws {
        let shown = Self.redacted(url)
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError(
                code: .unavailable,
                message: "\(shown) is not a PostgreSQL URL; write postgres://user:password@host:port/database.",
                cause: error
            )
        }
        try await self.init(configuration: configuration, location: shown)
    }

    /// Connects with a configuration made in code (a schema search path, TLS settings); `location` names it in
    /// messages.
    init(configuration: SQLPostgresConfiguration, location: String) async throws {
        storage = SQLStorage(
            sessions: PostgresSessions(configuration: configuration),
            dialect: .postgres,
            location: location
        )
        do {
            try await storage.migrate()
        } catch {
            try? await storage.sessions.shutdown()
            throw error
        }
    }

    /// The URL with its password replaced by `***`, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "postgres://***"
    }

    /// Where the store is.
    public var location: String { storage.location }

    public func close() async throws { try await storage.sessions.shutdown() }

    public func appliedMigrations() async throws -> [Int] { try await storage.appliedMigrations() }

    public func upsertContacts(_ contacts: [SourcedContact]) async throws {
        try await storage.upsertContacts(contacts)
    }

    public func contactCount() async throws -> Int { try await storage.contactCount() }

    public func contactPage(after cursor: Int64?, limit: Int) async throws -> ContactPage {
        try await storage.contactPage(after: cursor, limit: limit)
    }

    public func contact(source: String, id: String) async throws -> Contact? {
        try await storage.contact(source: source, id: id)
    }

    public func beginImportRun(files: [String], at time: Timestamp) async throws -> Int64 {
        try await storage.beginImportRun(files: files, at: time)
    }

    public func completeImportRun(_ id: Int64, reports: [ImportReport], contacts: Int, at time: Timestamp) async throws
    {
        try await storage.completeImportRun(id, reports: reports, contacts: contacts, at: time)
    }

    public func importRuns() async throws -> [ImportRunRecord] { try await storage.importRuns() }

    public func importReports(ofRun id: Int64) async throws -> [ImportReport] {
        try await storage.importReports(ofRun: id)
    }

    public func latestImportReports() async throws -> [ImportReport] { try await storage.latestImportReports() }

    public func addCharterVersion(_ draft: CharterDraft) async throws -> CharterVersion {
        try await storage.addCharterVersion(draft)
    }

    public func approveCharterVersion(_ number: Int, by approver: String, at time: Timestamp) async throws {
        try await storage.approveCharterVersion(number, by: approver, at: time)
    }

    public func charterVersions() async throws -> [CharterVersion] { try await storage.charterVersions() }

    public func addSignOff(_ signOff: CharterSignOff) async throws { try await storage.addSignOff(signOff) }

    public func signOffs(charterVersion number: Int) async throws -> [CharterSignOff] {
        try await storage.signOffs(charterVersion: number)
    }

    public func addUser(_ user: User) async throws { try await storage.addUser(user) }

    public func user(named name: String) async throws -> User? { try await storage.user(named: name) }

    public func users() async throws -> [User] { try await storage.users() }

    public func setPasswordHash(_ hash: String, forUser name: String) async throws {
        try await storage.setPasswordHash(hash, forUser: name)
    }

    @discardableResult
    public func removeUser(named name: String) async throws -> Bool { try await storage.removeUser(named: name) }

    public func addToken(_ token: APIToken) async throws { try await storage.addToken(token) }

    public func token(hash: String) async throws -> APIToken? { try await storage.token(hash: hash) }

    public func recordTokenUse(hash: String, at time: Timestamp) async throws {
        try await storage.recordTokenUse(hash: hash, at: time)
    }

    public func tokens() async throws -> [APIToken] { try await storage.tokens() }

    @discardableResult
    public func removeToken(named name: String) async throws -> Bool { try await storage.removeToken(named: name) }

    public func addSession(_ session: LoginSession) async throws { try await storage.addSession(session) }

    public func session(idHash: String) async throws -> LoginSession? { try await storage.session(idHash: idHash) }

    public func touchSession(idHash: String, at time: Timestamp) async throws {
        try await storage.touchSession(idHash: idHash, at: time)
    }

    @discardableResult
    public func removeSession(idHash: String) async throws -> Bool { try await storage.removeSession(idHash: idHash) }

    @discardableResult
    public func removeSessions(lastSeenBefore time: Timestamp) async throws -> Int {
        try await storage.removeSessions(lastSeenBefore: time)
    }

    public func fingerprint() async throws -> StoreFingerprint { try await storage.fingerprint() }
}
