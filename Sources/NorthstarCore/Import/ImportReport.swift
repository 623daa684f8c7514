/// What an import read, kept and refused: nothing is dropped in silence.
public struct ImportReport: Sendable, Codable {
    /// A row that could not be used, with the reason and the row as it was.
    public struct RejectedRow: Sendable, Codable, Hashable {
        /// The file.
        public var file: String
        /// The line the row starts on (1 is the header in a CSV).
        public var line: Int
        /// Why it was refused, such as `first response before creation`.
        public var reason: String
        /// The row's fields as read.
        public var fields: [String]
    }

    /// The file imported.
    public var file: String
    /// The format it was read as, such as `canonical-csv`.
    public var format: String
    /// Data rows read (the header is not counted).
    public var rowsRead = 0
    /// Rows that became contacts.
    public var accepted = 0
    /// Accepted rows whose contact id was seen before; the later row replaces the earlier.
    public var duplicates = 0
    /// Refused rows by reason.
    public var rejectedByReason: [String: Int] = [:]
    /// The refused rows themselves, up to ``maximumKeptRejects``; the counts always cover all of them.
    public var rejects: [RejectedRow] = []
    /// Columns present in the file that the format does not use.
    public var ignoredColumns: [String] = []

    /// How many refused rows are kept in memory for `--rejects` and `--explain`.
    public static let maximumKeptRejects = 100_000

    /// Creates an empty report.
    public init(file: String, format: String) {
        self.file = file
        self.format = format
    }

    /// All refused rows.
    public var rejected: Int { rejectedByReason.values.reduce(0, +) }

    /// Records a refused row.
    public mutating func reject(line: Int, reason: String, fields: [String]) {
        rejectedByReason[reason, default: 0] += 1
        if rejects.count < Self.maximumKeptRejects {
            rejects.append(RejectedRow(file: file, line: line, reason: reason, fields: fields))
        }
    }
}
