public import NorthstarCore

/// A signed-in dashboard session. The store keeps the SHA-256 hash of the session id (the cookie's value),
/// never the id itself, so a copy of the database signs no one in.
public struct LoginSession: Sendable, Hashable {
    /// The SHA-256 hash of the session id, lowercase hex.
    public var idHash: String
    /// The user it belongs to.
    public var userName: String
    /// The token every form of this session carries and every POST must send back.
    public var csrfToken: String
    /// When the user signed in.
    public var createdAt: Timestamp
    /// When the session was last used: it expires after a stretch of idleness.
    public var lastSeenAt: Timestamp

    /// Creates a session record.
    public init(idHash: String, userName: String, csrfToken: String, createdAt: Timestamp, lastSeenAt: Timestamp) {
        self.idHash = idHash
        self.userName = userName
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// How much the store holds, cheaply: when it changes, a report computed from the store is stale.
public struct StoreFingerprint: Sendable, Hashable {
    /// Contacts stored.
    public var contacts: Int
    /// Import runs recorded, with the latest one's id and whether it completed.
    public var importRuns: Int
    /// The newest import run's id.
    public var latestImportRun: Int64?
    /// Completed import runs.
    public var completedImportRuns: Int
    /// Charter versions stored.
    public var charterVersions: Int
    /// Approved charter versions.
    public var approvedCharterVersions: Int
    /// The contacts revision: counts the upserts that inserted or changed a contact, so a contact replaced in
    /// place (same count) still changes the fingerprint, and storing identical contacts again does not.
    public var contactsRevision: Int64

    /// Creates a fingerprint.
    public init(
        contacts: Int,
        importRuns: Int,
        latestImportRun: Int64?,
        completedImportRuns: Int,
        charterVersions: Int,
        approvedCharterVersions: Int,
        contactsRevision: Int64 = 0
    ) {
        self.contacts = contacts
        self.importRuns = importRuns
        self.latestImportRun = latestImportRun
        self.completedImportRuns = completedImportRuns
        self.charterVersions = charterVersions
        self.approvedCharterVersions = approvedCharterVersions
        self.contactsRevision = contactsRevision
    }
}
