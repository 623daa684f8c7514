import Foundation

/// Why the server refused or failed a request. Mapped to a response in one place (``ErrorMapping``).
public struct ServerError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// No session or token: pages redirect to /login, the API answers 401.
        public static let unauthenticated = Code("unauthenticated")
        /// Signed in, but the role may not see this: 403.
        public static let forbidden = Code("forbidden")
        /// A POST without the session's CSRF token: 403.
        public static let badCSRFToken = Code("bad-csrf-token")
        /// Nothing here: 404.
        public static let notFound = Code("not-found")
        /// The request cannot be read: 400.
        public static let badRequest = Code("bad-request")
        /// The request body is larger than the server takes: 413.
        public static let contentTooLarge = Code("content-too-large")
        /// Too many failed logins: 429.
        public static let tooManyAttempts = Code("too-many-attempts")
        /// A body in a format the route does not read: 415.
        public static let unsupportedMediaType = Code("unsupported-media-type")
        /// A route the server was not configured for (a webhook without its secret): 503 with how to configure it.
        public static let notConfigured = Code("not-configured")
        /// The store holds no approved charter yet: 503 with how to publish one.
        public static let noCharter = Code("no-charter")
        /// The request clashes with what is stored (a charter version approved already, a name taken): 409.
        public static let conflict = Code("conflict")
        /// A charter that does not validate: 422, with where and what.
        public static let invalidCharter = Code("invalid-charter")

        public var description: String { name }
    }

    /// What kind of problem.
    public var code: Code
    /// What went wrong and what to do, for the person who asked; never a secret.
    public var message: String
    /// Seconds to wait before trying again, for ``Code/tooManyAttempts``.
    public var retryAfter: Int?

    /// Creates an error.
    public init(code: Code, message: String, retryAfter: Int? = nil) {
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { message }
}
