import NorthstarStore

/// Who is asking: a signed-in user (with their session) or an API token.
struct Identity: Sendable {
    /// How the request proved who it is.
    enum Credential: Sendable {
        /// A session cookie; POSTs must carry the session's CSRF token.
        case session(idHash: String, csrfToken: String)
        /// A bearer token.
        case token
    }

    /// The user's or the token's name.
    var name: String
    /// What they may see.
    var role: Role
    /// The agent id of an agent user.
    var agentID: String?
    /// The user's team, for an agent's own team page (tokens have none).
    var team: String?
    /// How they proved it.
    var credential: Credential

    /// The session's CSRF token, for the forms of a page.
    var csrfToken: String? {
        if case .session(_, let token) = credential { return token }
        return nil
    }

    /// Whether the role sees everything built so far (promise pages, breakdowns, agents' numbers).
    var seesAllData: Bool { role == .admin || role == .manager }
}
