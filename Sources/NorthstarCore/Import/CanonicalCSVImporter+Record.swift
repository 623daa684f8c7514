extension CanonicalCSVImporter {
    /// Why one record was refused: the field at fault and the reason, in the words of an import report.
    public struct FieldProblem: Error, Sendable, Equatable {
        /// The canonical column (`created_at`), or the unknown key that was sent.
        public var field: String
        /// The reason (`created_at is not an RFC 3339 time with a zone`).
        public var reason: String

        /// Creates a problem.
        public init(field: String, reason: String) {
            self.field = field
            self.reason = reason
        }
    }

    /// Every column at its place in ``columns``: a record given by name is laid out this way.
    private static let everyColumn = ColumnIndex(
        id: 0,
        channel: 1,
        createdAt: 2,
        tier: 3,
        priority: 4,
        team: 5,
        agent: 6,
        category: 7,
        firstResponseAt: 8,
        resolvedAt: 9,
        endedAt: 10,
        wrapSeconds: 11,
        abandoned: 12,
        reopens: 13,
        agentReplies: 14,
        csat: 15,
        nps: 16,
        selfService: 17,
        fcrAnswer: 18
    )

    private static let columnPositions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })

    /// One contact given as canonical column names and their texts (an empty text is an empty cell), checked
    /// with exactly the rules of a canonical CSV row: the live ingest API and the CSV importer share them. A name
    /// that is not a canonical column is refused, naming it, so a misspelt `resolvedAt` is never dropped in
    /// silence.
    public static func contact(fields: [String: String]) -> Result<Contact, FieldProblem> {
        var values = [String](repeating: "", count: columns.count)
        for (name, value) in fields {
            guard let position = columnPositions[name] else {
                return .failure(
                    FieldProblem(
                        field: name,
                        reason: "unknown key `\(name)`; the canonical keys are \(columns.joined(separator: ", "))"
                    )
                )
            }
            values[position] = value
        }
        switch contact(from: values, everyColumn) {
        case .success(let contact): return .success(contact)
        case .failure(let problem): return .failure(FieldProblem(field: problem.field, reason: problem.text))
        }
    }
}
