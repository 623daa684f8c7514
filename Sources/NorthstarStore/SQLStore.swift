import Foundation
public import NorthstarCore
import SQLKit

/// What both stores do, in SQL both databases speak (``SQLStorage``): ``SQLiteStore`` and ``PostgresStore`` only
/// open their connections. A class so each store is one object; unchecked `Sendable` because a subclass cannot be
/// checked, but its only state is the immutable, `Sendable` storage.
public class SQLStore: Store, @unchecked Sendable {
    let storage: SQLStorage

    init(storage: SQLStorage) {
        self.storage = storage
    }

    /// Where the store is.
    public var location: String { storage.location }

    public func close() async throws { try await storage.sessions.shutdown() }

    public func appliedMigrations() async throws -> [Int] { try await storage.appliedMigrations() }

    public func upsertContacts(_ contacts: [SourcedContact]) async throws {
        try await storage.upsertContacts(contacts)
    }

    public func updateContact(
        id: String,
        sources: [String],
        newSource: String,
        _ change: @escaping @Sendable (Contact?) throws -> Contact
    ) async throws -> String {
        try await storage.updateContact(id: id, sources: sources, newSource: newSource, change).get()
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

    public func failImportRun(_ id: Int64, message: String, at time: Timestamp) async throws {
        try await storage.failImportRun(id, message: message, at: time)
    }

    public func recordImportHeartbeat(_ id: Int64, at time: Timestamp) async throws {
        try await storage.recordImportHeartbeat(id, at: time)
    }

    public func importRuns(at now: Timestamp) async throws -> [ImportRunRecord] {
        try await storage.importRuns(at: now)
    }

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

    @discardableResult
    public func removeSessions(ofUser name: String) async throws -> Int {
        try await storage.removeSessions(ofUser: name)
    }

    public func withConsistentRead<Result: Sendable>(
        _ body: @escaping @Sendable (any StoreReader) async throws -> Result
    ) async throws -> Result {
        try await storage.consistentRead(body)
    }

    public func recordLoginFailure(keys: [String], at time: Timestamp) async throws {
        try await storage.recordLoginFailure(keys: keys, at: time)
    }

    public func loginFailures(key: String, since time: Timestamp) async throws -> [Timestamp] {
        try await storage.loginFailures(key: key, since: time)
    }

    public func clearLoginFailures(keys: [String]) async throws { try await storage.clearLoginFailures(keys: keys) }

    @discardableResult
    public func removeLoginFailures(before time: Timestamp) async throws -> Int {
        try await storage.removeLoginFailures(before: time)
    }

    public func fingerprint() async throws -> StoreFingerprint { try await storage.fingerprint() }
}
