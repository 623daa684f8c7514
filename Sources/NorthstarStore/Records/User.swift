public import NorthstarCore

/// What a user or token may see and do (issue 4, "Access").
public enum Role: String, Sendable, Hashable, CaseIterable {
    /// Everything.
    case admin
    /// All data; charter drafts.
    case manager
    /// The overview, their team, their own scorecard.
    case agent
    /// The overview only.
    case viewer
}

/// A person who signs in to the dashboard.
public struct User: Sendable, Hashable {
    /// The login name.
    public var name: String
    /// What they may see and do.
    public var role: Role
    /// The agent id in the contacts, for an agent's own scorecard.
    public var agentID: String?
    /// Their team.
    public var team: String?
    /// The bcrypt hash of their password; `nil` until one is set.
    public var passwordHash: String?
    /// When the user was added.
    public var createdAt: Timestamp

    /// Creates a user.
    public init(
        name: String,
        role: Role,
        agentID: String? = nil,
        team: String? = nil,
        passwordHash: String? = nil,
        createdAt: Timestamp
    ) {
        self.name = name
        self.role = role
        self.agentID = agentID
        self.team = team
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// A bearer token for the API. Only the SHA-256 hash of the token is stored.
public struct APIToken: Sendable, Hashable {
    /// A name to tell tokens apart, such as `zendesk-sync`.
    public var name: String
    /// What requests with it may do.
    public var role: Role
    /// The SHA-256 hash of the token, lowercase hex.
    public var tokenHash: String
    /// When it was created.
    public var createdAt: Timestamp
    /// When it was last used.
    public var lastUsedAt: Timestamp?

    /// Creates a token record.
    public init(name: String, role: Role, tokenHash: String, createdAt: Timestamp, lastUsedAt: Timestamp? = nil) {
        self.name = name
        self.role = role
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}
