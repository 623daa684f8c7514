/// A place in a file that a person can jump to: `charter.yaml:12:5`.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file as the user named it, or a label such as `<text>` for a bare statement.
    public var file: String
    /// Line number, starting from 1.
    public var line: Int
    /// Column number, starting from 1, counted in Unicode scalars (as libYAML and most editors do).
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals turn into links.
    public var description: String { "\(file):\(line):\(column)" }
}
