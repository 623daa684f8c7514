/// An export that cannot be imported at all (as opposed to single rows, which are rejected and counted).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem this is. Extensible.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable, kebab-case name of the code.
        public let name: String
        /// The file cannot be opened or read.
        public static let unreadable = Code(name: "unreadable")
        /// The file is not UTF-8 text (binary, UTF-16, Latin-1 throughout).
        public static let encoding = Code(name: "encoding")
        /// The format cannot be detected or is not known.
        public static let unknownFormat = Code(name: "unknown-format")
        /// A column the format needs is missing from the header.
        public static let missingColumn = Code(name: "missing-column")
        /// The CSV structure is broken beyond one row (an unterminated quote, a field over the size limit).
        public static let malformed = Code(name: "malformed")
        /// The importer's own settings are wrong: an unknown time zone, a timestamp format it cannot read,
        /// an activity map that names no activity for resolution.
        public static let configuration = Code(name: "configuration")
        /// The name of the code.
        public var description: String { name }
    }

    /// What kind of problem this is.
    public var code: Code
    /// What is wrong and how to fix it.
    public var message: String
    /// Where, when one place can be named.
    public var location: SourceLocation?
    /// Further problems found in the same input, each with its own place, when reading carried on past the first
    /// (a mapping file with several mistakes reports them all at once).
    public var moreProblems: [ImportError] = []

    /// Creates an error.
    public init(code: Code, message: String, location: SourceLocation? = nil, moreProblems: [ImportError] = []) {
        self.code = code
        self.message = message
        self.location = location
        self.moreProblems = moreProblems
    }

    /// One line a person can act on.
    public var description: String {
        let more =
            moreProblems.isEmpty ? "" : " (and \(moreProblems.count) more problem\(moreProblems.count == 1 ? "" : "s"))"
        if let location { return "\(location): \(message)\(more)" }
        return message + more
    }
}
