import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOPosix
import NorthstarCore
import NorthstarStore

/// The users and tokens pages (admins only): who signs in, and which API tokens exist. Passwords are stored as
/// bcrypt hashes and tokens as SHA-256 hashes, as `northstar user add` and `northstar token create` do; a new
/// token is shown once, in the answer to the form that made it, and never logged.
struct AdminController {
    let store: any Store
    let configuration: ServerConfiguration

    static let roles: Set<Role> = [.admin]
    /// The fewest characters (UTF-8 bytes, as the CLI counts) a password may have.
    static let minimumPasswordLength = 8
    /// The longest user or token name, agent id or team stored.
    static let maximumNameLength = 100

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/admin/users", use: users)
        router.post("/admin/users", use: addUser)
        router.post("/admin/users/remove", use: removeUser)
        router.get("/admin/tokens", use: tokens)
        router.post("/admin/tokens", use: createToken)
        router.post("/admin/tokens/revoke", use: revokeToken)
    }

    // MARK: Users

    @Sendable func users(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        return try await usersPage(identity: identity)
    }

    /// Adds a user with a bcrypt-hashed password; any problem shows the form again with what to fix.
    @Sendable func addUser(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let form = try await Self.form(request)
        let entered = AdminViews.UserEntry(
            name: Self.trimmed(form["name"]),
            role: form["role"] ?? "",
            agentID: Self.trimmed(form["agent_id"]),
            team: Self.trimmed(form["team"])
        )
        let password = form["password"] ?? ""
        func refuse(_ message: String, _ status: HTTPResponse.Status) async throws -> Response {
            try await usersPage(identity: identity, entered: entered, error: message, status: status)
        }
        if let problem = Self.nameProblem(entered.name, what: "name") {
            return try await refuse(problem, .unprocessableContent)
        }
        guard let role = Role(rawValue: entered.role) else {
            return try await refuse("Choose a role: admin, manager, agent or viewer.", .unprocessableContent)
        }
        for (value, what) in [(entered.agentID, "agent id"), (entered.team, "team")] where !value.isEmpty {
            if let problem = Self.nameProblem(value, what: what) {
                return try await refuse(problem, .unprocessableContent)
            }
        }
        if password.utf8.count < Self.minimumPasswordLength {
            return try await refuse(
                "The password is too short: use at least \(Self.minimumPasswordLength) characters.",
                .unprocessableContent
            )
        }
        if try await store.user(named: entered.name) != nil {
            return try await refuse("A user named \(entered.name) exists already.", .conflict)
        }
        let cost = configuration.passwordHashCost
        let hash = try await NIOThreadPool.singleton.runIfActive { Secrets.hashPassword(password, cost: cost) }
        do {
            try await store.addUser(
                User(
                    name: entered.name,
                    role: role,
                    agentID: entered.agentID.isEmpty ? nil : entered.agentID,
                    team: entered.team.isEmpty ? nil : entered.team,
                    passwordHash: hash,
                    createdAt: timestamp(configuration.now())
                )
            )
        } catch let error as StoreError where error.code == .conflict {
            return try await refuse("A user named \(entered.name) exists already.", .conflict)
        }
        context.logger.info(
            "user added",
            metadata: ["user": .string(entered.name), "role": .string(role.rawValue), "by": .string(identity.name)]
        )
        return SessionController.redirect(to: "/admin/users")
    }

    /// Removes a user and ends their sessions; an admin cannot remove themself (there is always one admin left).
    @Sendable func removeUser(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let name = Self.trimmed(try await Self.form(request)["name"])
        if name == identity.name {
            return try await usersPage(
                identity: identity,
                error: "You cannot remove yourself: ask another admin.",
                status: .conflict
            )
        }
        guard try await store.removeUser(named: name) else {
            return try await usersPage(identity: identity, error: "There is no user named \(name).", status: .notFound)
        }
        // After the user is gone no new session can start; end the ones already open.
        let ended = try await store.removeSessions(ofUser: name)
        context.logger.info(
            "user removed",
            metadata: [
                "user": .string(name), "sessions": .stringConvertible(ended), "by": .string(identity.name),
            ]
        )
        return SessionController.redirect(to: "/admin/users")
    }

    private func usersPage(
        identity: Identity,
        entered: AdminViews.UserEntry = AdminViews.UserEntry(),
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        Layout.html(
            AdminViews.users(try await store.users(), entered: entered, error: error, identity: identity),
            status: status
        )
    }

    // MARK: Tokens

    @Sendable func tokens(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        return try await tokensPage(identity: identity)
    }

    /// Creates a token and answers with the page showing it, once; the store keeps its SHA-256 hash only.
    @Sendable func createToken(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let form = try await Self.form(request)
        let entered = AdminViews.TokenEntry(name: Self.trimmed(form["name"]), role: form["role"] ?? "")
        func refuse(_ message: String, _ status: HTTPResponse.Status) async throws -> Response {
            try await tokensPage(identity: identity, entered: entered, error: message, status: status)
        }
        if let problem = Self.nameProblem(entered.name, what: "name") {
            return try await refuse(problem, .unprocessableContent)
        }
        guard let role = Role(rawValue: entered.role) else {
            return try await refuse("Choose a role: admin, manager, agent or viewer.", .unprocessableContent)
        }
        if try await store.tokens().contains(where: { $0.name == entered.name }) {
            return try await refuse("A token named \(entered.name) exists already.", .conflict)
        }
        let token = Secrets.randomToken()
        do {
            try await store.addToken(
                APIToken(
                    name: entered.name,
                    role: role,
                    tokenHash: Secrets.sha256Hex(token),
                    createdAt: timestamp(configuration.now())
                )
            )
        } catch let error as StoreError where error.code == .conflict {
            return try await refuse("A token named \(entered.name) exists already.", .conflict)
        }
        context.logger.info(
            "token created",
            metadata: ["token": .string(entered.name), "role": .string(role.rawValue), "by": .string(identity.name)]
        )
        return try await tokensPage(
            identity: identity,
            created: AdminViews.CreatedToken(name: entered.name, role: role, token: token),
            status: .created
        )
    }

    /// Revokes a token: requests with it are refused (401) from now on.
    @Sendable func revokeToken(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let name = Self.trimmed(try await Self.form(request)["name"])
        guard try await store.removeToken(named: name) else {
            return try await tokensPage(
                identity: identity,
                error: "There is no token named \(name).",
                status: .notFound
            )
        }
        context.logger.info("token revoked", metadata: ["token": .string(name), "by": .string(identity.name)])
        return SessionController.redirect(to: "/admin/tokens")
    }

    private func tokensPage(
        identity: Identity,
        entered: AdminViews.TokenEntry = AdminViews.TokenEntry(),
        created: AdminViews.CreatedToken? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        Layout.html(
            AdminViews.tokens(
                try await store.tokens(),
                entered: entered,
                created: created,
                error: error,
                identity: identity
            ),
            status: status
        )
    }

    // MARK: Helpers

    /// The fields of the request's form body.
    static func form(_ request: Request) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: CSRFMiddleware.maximumFormBytes)))
    }

    static func trimmed(_ value: String?) -> String {
        (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What is wrong with a name, agent id or team, or `nil`: empty, too long, or holding control characters.
    static func nameProblem(_ value: String, what: String) -> String? {
        if value.isEmpty { return "Give a \(what)." }
        if value.count > maximumNameLength {
            return "The \(what) is too long: at most \(maximumNameLength) characters."
        }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "The \(what) must be one line without control characters."
        }
        return nil
    }
}
