import Foundation
import HTTPTypes
import Hummingbird
import NorthstarCore
import NorthstarStore

/// Finds out who is asking: a bearer token (`Authorization: Bearer …`, looked up by its SHA-256 hash) or a
/// session cookie (looked up by its hash, ended when idle too long). Refuses nothing itself: each route says
/// which roles it admits (``NorthstarRequestContext/require(_:)``).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = NorthstarRequestContext

    let store: any Store
    let configuration: ServerConfiguration

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let hash = Secrets.sha256Hex(String(parts[1]).trimmingCharacters(in: .whitespaces))
                if let token = try await store.token(hash: hash) {
                    try await store.recordTokenUse(hash: hash, at: timestamp(configuration.now()))
                    context.identity = Identity(name: token.name, role: token.role, credential: .token)
                } else {
                    throw ServerError(code: .unauthenticated, message: "The bearer token is not known.")
                }
            }
        } else if let id = request.cookies[SessionCookie.name]?.value, !id.isEmpty {
            context.identity = try await sessionIdentity(id)
        }
        return try await next(request, context)
    }

    /// The user of the session with this id, when it exists, has not idled out and its user still exists.
    private func sessionIdentity(_ id: String) async throws -> Identity? {
        let hash = Secrets.sha256Hex(id)
        guard let session = try await store.session(idHash: hash) else { return nil }
        let now = configuration.now()
        let lastSeen = Date(timeIntervalSince1970: TimeInterval(session.lastSeenAt.seconds))
        if now.timeIntervalSince(lastSeen) > configuration.sessionIdleTimeout {
            try await store.removeSession(idHash: hash)
            return nil
        }
        guard let user = try await store.user(named: session.userName) else {
            try await store.removeSession(idHash: hash)
            return nil
        }
        // Writing on every request would make every page a write; once a minute keeps the idle clock honest.
        if now.timeIntervalSince(lastSeen) >= 60 {
            try await store.touchSession(idHash: hash, at: timestamp(now))
        }
        return Identity(
            name: user.name,
            role: user.role,
            agentID: user.agentID,
            team: user.team,
            credential: .session(idHash: hash, csrfToken: session.csrfToken)
        )
    }
}

/// Refuses any state-changing request made with a session cookie unless it carries the session's CSRF token, as
/// the form field `csrf_token` (of a urlencoded or a multipart form) or the header `X-CSRF-Token`. Bearer-token
/// requests are not sent by browsers on their own, so they need none; the login form has its own token
/// (``SessionController``).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = NorthstarRequestContext

    /// The largest form body read to look for the token.
    static let maximumFormBytes = 64 * 1024
    /// The largest `multipart/form-data` body read to look for the token (``ServerConfiguration/maximumUploadBytes``).
    var maximumMultipartBytes = 64 * 1024

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method),
            let expected = context.identity?.csrfToken
        else { return try await next(request, context) }
        var request = request
        var sent = request.headers[HTTPField.Name("X-CSRF-Token")!]
        // Only a form carries the token in its body; a JSON or NDJSON upload sends the header, and its body (up to
        // the route's own limit) is left for the route.
        let isForm = request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? true
        if sent == nil, let boundary = MultipartFormData.boundary(contentType: request.headers[.contentType]) {
            // A form with a file (the Import page): the token is one of its parts. Only a role that may upload
            // gets its body read (up to the upload limit); any other is refused before a byte of it is held.
            guard let identity = context.identity, ImportController.roles.contains(identity.role) else {
                throw ServerError(code: .forbidden, message: "This role may not upload files.")
            }
            let body = try await UploadBody.collect(&request, upTo: maximumMultipartBytes)
            sent = (try? MultipartFormData(body: body, boundary: boundary))?["csrf_token"]?.text
        } else if sent == nil, isForm {
            let body = try await request.collectBody(upTo: Self.maximumFormBytes)
            sent = FormFields(String(buffer: body))["csrf_token"]
        }
        guard let sent, Secrets.constantTimeEqual(sent, expected) else {
            throw ServerError(
                code: .badCSRFToken,
                message: "The form's security token is missing or out of date: reload the page and try again."
            )
        }
        return try await next(request, context)
    }
}

/// The fields of an `application/x-www-form-urlencoded` body; the first value of each name.
struct FormFields {
    private var values: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.map({ Self.decode($0) }), values[name] == nil else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    subscript(name: String) -> String? { values[name] }

    private static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }
}

/// The session cookie's name and attributes.
enum SessionCookie {
    /// The cookie that carries the session id.
    static let name = "northstar_session"
    /// The cookie that carries the login form's token until there is a session.
    static let loginCSRFName = "northstar_login_csrf"

    /// Whether the request reached us over TLS, directly or through a proxy that says so.
    static func isSecure(_ request: Request) -> Bool {
        request.head.scheme == "https"
            || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// A cookie: HttpOnly, SameSite=Lax, path `/`, Secure over TLS; `maxAge` 0 deletes it.
    static func make(name: String, value: String, request: Request, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: name,
            value: value,
            maxAge: maxAge,
            path: "/",
            secure: isSecure(request),
            httpOnly: true,
            sameSite: .lax
        )
    }
}

extension NorthstarRequestContext {
    /// Who is asking, when their role is one of `roles`: throws ``ServerError/Code/unauthenticated`` when nobody
    /// signed in, ``ServerError/Code/forbidden`` when the role may not.
    func require(_ roles: Set<Role>) throws -> Identity {
        guard let identity else {
            throw ServerError(code: .unauthenticated, message: "Sign in first.")
        }
        guard roles.contains(identity.role) else {
            throw ServerError(code: .forbidden, message: "The \(identity.role.rawValue) role may not see this page.")
        }
        return identity
    }
}

/// Seconds since 1970, as the store keeps times.
func timestamp(_ date: Date) -> Timestamp {
    Timestamp(seconds: Int64(date.timeIntervalSince1970.rounded(.down)))
}
