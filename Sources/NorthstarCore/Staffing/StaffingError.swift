/// A staffing question that cannot be answered: an input out of range, or targets no staffing can meet.
public struct StaffingError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem this is. Extensible: new codes may be added in later versions.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable, kebab-case name of the code, as printed and as used in JSON.
        public let name: String

        /// An input is out of its range (a volume of zero, a service level above 100%, …).
        public static let invalidInput = Code(name: "invalid-input")
        /// No number of agents meets the targets (a service level of 100%, for example).
        public static let unattainable = Code(name: "unattainable")

        /// The code's name.
        public var description: String { name }
    }

    /// What kind of problem this is.
    public var code: Code
    /// What is wrong, which input, and how to fix it.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// One line a person can act on.
    public var description: String { message }
}
