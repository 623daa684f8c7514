/// A store that cannot be opened, read or written.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The location names no store that can be opened (a missing file, a malformed URL).
        public static let unavailable = Code("unavailable")
        /// The database refused or failed a query.
        public static let database = Code("database")
        /// The store holds data this version cannot read (a newer schema, a damaged row).
        public static let incompatible = Code("incompatible")
        /// A record that must be unique exists already, or one that must exist does not.
        public static let conflict = Code("conflict")

        public var description: String { name }
    }

    /// What kind of problem.
    public var code: Code
    /// What went wrong, where, and how to fix it; never a password.
    public var message: String
    /// The underlying error.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { message }
}
