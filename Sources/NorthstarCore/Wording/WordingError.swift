/// A style file or wording input that cannot be used.
public struct WordingError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable, kebab-case name of the code.
        public let name: String
        /// The style file cannot be read.
        public static let unreadable = Code(name: "unreadable")
        /// The style file breaks its format.
        public static let invalidStyle = Code(name: "invalid-style")
        /// The text to score is empty.
        public static let emptyText = Code(name: "empty-text")
        /// The name of the code.
        public var description: String { name }
    }

    /// What kind of problem this is.
    public var code: Code
    /// What is wrong and how to fix it.
    public var message: String
    /// Where, when one place can be named.
    public var location: SourceLocation?

    /// Creates an error.
    public init(code: Code, message: String, location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// One line a person can act on.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
