import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOPosix
import NorthstarCore
import NorthstarStore

/// `/login` and `/logout`: bcrypt-checked sign-in, rate-limited per name and per client address, sessions in
/// the store, and a CSRF token on every form (the login form's own one in a short-lived cookie, since there
/// is no session yet).
struct SessionController {
    let store: any Store
    let configuration: ServerConfiguration
    let limiter: LoginRateLimiter

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/login", use: showLogin)
        router.post("/login", use: login)
        router.post("/logout", use: logout)
    }

    @Sendable func showLogin(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        if context.identity != nil { return Self.redirect(to: next) }
        return loginPage(request, next: next)
    }

    @Sendable func login(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: CSRFMiddleware.maximumFormBytes)
        let form = FormFields(String(buffer: body))
        let next = Self.safeNext(form["next"])
        // The login form's CSRF token: the hidden field must match the cookie set with the form.
        guard let sent = form["csrf_token"], let cookie = request.cookies[SessionCookie.loginCSRFName]?.value,
            !cookie.isEmpty, Secrets.constantTimeEqual(sent, cookie)
        else {
            throw ServerError(
                code: .badCSRFToken,
                message: "The sign-in form's security token is missing or out of date: reload the page."
            )
        }
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let now = configuration.now()
        let keys = limiterKeys(name: name, request: request, context: context)
        if let wait = try await limiter.retryAfter(keys, now: now) {
            var response = loginPage(
                request,
                next: next,
                name: name,
                error: "Too many failed sign-ins. Try again in \(Self.minutes(wait)).",
                status: .tooManyRequests
            )
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let user = name.isEmpty ? nil : try await store.user(named: name)
        // Verify against a dummy hash for an unknown name, so the answer takes as long either way.
        let hash = user?.passwordHash ?? Self.dummyHash
        let matches = try await NIOThreadPool.singleton.runIfActive {
            Secrets.verifyPassword(password, hash: hash)
        }
        guard let user, user.passwordHash != nil, matches else {
            try await limiter.recordFailure(keys, now: now)
            return loginPage(
                request,
                next: next,
                name: name,
                error: "The name or password is not right.",
                status: .unauthorized
            )
        }
        try await limiter.reset(keys)
        let id = Secrets.randomToken()
        let session = LoginSession(
            idHash: Secrets.sha256Hex(id),
            userName: user.name,
            csrfToken: Secrets.randomToken(),
            createdAt: timestamp(now),
            lastSeenAt: timestamp(now)
        )
        try await store.addSession(session)
        // Sessions idle past the timeout are refused when used; sweep the ones nobody comes back to.
        try await store.removeSessions(
            lastSeenBefore: timestamp(now.addingTimeInterval(-configuration.sessionIdleTimeout))
        )
        context.logger.info("signed in", metadata: ["user": .string(user.name), "role": .string(user.role.rawValue)])
        var response = Self.redirect(to: next)
        response.setCookie(SessionCookie.make(name: SessionCookie.name, value: id, request: request))
        response.setCookie(
            SessionCookie.make(name: SessionCookie.loginCSRFName, value: "", request: request, maxAge: 0)
        )
        return response
    }

    @Sendable func logout(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        // CSRFMiddleware has checked the token of a session's POST by now.
        if case .session(let idHash, _) = context.identity?.credential {
            try await store.removeSession(idHash: idHash)
        }
        var response = Self.redirect(to: "/login")
        response.setCookie(SessionCookie.make(name: SessionCookie.name, value: "", request: request, maxAge: 0))
        return response
    }

    // MARK: Helpers

    private func loginPage(
        _ request: Request,
        next: String,
        name: String = "",
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let token = Secrets.randomToken()
        var response = Layout.html(
            LoginView.render(csrfToken: token, next: next, name: name, error: error),
            status: status
        )
        response.setCookie(
            SessionCookie.make(name: SessionCookie.loginCSRFName, value: token, request: request, maxAge: 3_600)
        )
        return response
    }

    /// What the rate limit counts: the name tried and the client's address.
    private func limiterKeys(name: String, request: Request, context: NorthstarRequestContext) -> [String] {
        var address = context.remoteAddress?.ipAddress ?? "unknown"
        if configuration.trustForwardedFor,
            let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",").first
        {
            address = forwarded.trimmingCharacters(in: .whitespaces)
        }
        return ["name:" + name.lowercased(), "address:" + address]
    }

    /// A local path to go to after signing in; anything else (another site, `//host`) becomes `/`.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
            !next.contains(where: { $0.isNewline })
        else { return "/" }
        return next
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func minutes(_ seconds: Int) -> String {
        seconds < 60 ? "\(seconds) seconds" : "\((seconds + 59) / 60) minutes"
    }

    /// A bcrypt hash of nothing anyone knows, to spend the same time on unknown names.
    static let dummyHash = Secrets.hashPassword(Secrets.randomToken(), cost: 10)
}
