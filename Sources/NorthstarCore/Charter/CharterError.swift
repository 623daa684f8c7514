/// A charter that cannot be read or that breaks the format's rules.
///
/// Reading stops at the first problem only when nothing further can be understood (an unreadable file,
/// a YAML syntax error); otherwise every problem is collected in ``diagnostics`` and reported at once.
public struct CharterError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem this is. Extensible: new codes may be added in later versions.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable, kebab-case name of the code, as printed and as used in JSON.
        public let name: String

        /// The file could not be opened or read.
        public static let unreadable = Code(name: "unreadable")
        /// The file is larger than a charter can sensibly be.
        public static let tooLarge = Code(name: "too-large")
        /// The file holds no document.
        public static let empty = Code(name: "empty")
        /// The file holds NUL bytes: it is not text.
        public static let binary = Code(name: "binary")
        /// The file is not valid UTF-8.
        public static let invalidEncoding = Code(name: "invalid-encoding")
        /// The YAML cannot be parsed.
        public static let syntax = Code(name: "syntax")
        /// The YAML parses but breaks the charter's rules; see ``CharterError/diagnostics``.
        public static let invalid = Code(name: "invalid")

        /// The code's name.
        public var description: String { name }
    }

    /// What kind of problem this is.
    public var code: Code
    /// What is wrong and how to fix it, in one sentence or two.
    public var message: String
    /// Where the problem is, when one place can be named.
    public var location: SourceLocation?
    /// Every rule the charter breaks, in file order, for ``Code/invalid``.
    public var diagnostics: [CharterDiagnostic]
    /// The lower-level error behind this one, if any.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(
        code: Code,
        message: String,
        location: SourceLocation? = nil,
        diagnostics: [CharterDiagnostic] = [],
        cause: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.diagnostics = diagnostics
        self.cause = cause
    }

    /// One line a person can act on: `charter.yaml:3:7: the file is not valid UTF-8 …`.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
