/// One problem found in a charter: where, what, and how to fix it.
public struct CharterDiagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The charter cannot be used until it is fixed.
        case error
        /// The charter can be used, but something is probably not what was meant.
        case warning
    }

    /// Whether the charter is unusable (`error`) or merely suspicious (`warning`).
    public var severity: Severity
    /// A stable kebab-case name for the rule, such as `unknown-key` or `invalid-duration`.
    public var code: String
    /// Where the offending key or value starts.
    public var location: SourceLocation
    /// The key path of the offending value, such as `promises[1].target.share`.
    public var keyPath: String
    /// What is wrong.
    public var message: String
    /// How to fix it, when there is something specific to say.
    public var fix: String?

    /// Creates a diagnostic.
    public init(
        severity: Severity,
        code: String,
        location: SourceLocation,
        keyPath: String,
        message: String,
        fix: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.keyPath = keyPath
        self.message = message
        self.fix = fix
    }

    /// `charter.yaml:12:13: error: promises[0].metric: unknown metric `frist-response`. Did you mean …`
    public var description: String {
        var line = "\(location): \(severity.rawValue): "
        if !keyPath.isEmpty { line += "\(keyPath): " }
        line += message
        if let fix { line += " \(fix)" }
        return line
    }
}
