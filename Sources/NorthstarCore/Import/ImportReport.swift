/// What an import read, kept and refused: nothing is dropped in silence.
public struct ImportReport: Sendable, Codable {
    /// A row that could not be used, with the reason and the row as it was.
    public struct RejectedRow: Sendable, Codable, Hashable {
        /// The file.
        public var file: String
        /// The line the row starts on (1 is the header in a CSV).
        public var line: Int
        /// In a JSON export, the record's position in its array, from 1: a minified page holds every record on
        /// line 1. `nil` for CSV rows.
        public var record: Int?
        /// Why it was refused, such as `first response before creation`.
        public var reason: String
        /// The row's fields as read (for a JSON record, the members the importer reads, as `name=value`).
        public var fields: [String]
    }

    /// A value set aside from a contact that is otherwise kept, with the reason: the ServiceNow importer drops
    /// a resolution time that comes before the opening, as that data set's reference figures do.
    public struct DroppedValue: Sendable, Codable, Hashable {
        /// The file.
        public var file: String
        /// The line of the row the contact was built from.
        public var line: Int
        /// The contact's id.
        public var contactID: String
        /// The source column, such as `resolved_at`.
        public var field: String
        /// The value as written.
        public var value: String
        /// Why it was set aside, such as `resolved_at before opened_at`.
        public var reason: String
    }

    /// The file imported.
    public var file: String
    /// The format it was read as, such as `canonical-csv`.
    public var format: String
    /// Data rows read (the header is not counted).
    public var rowsRead = 0
    /// Rows that became contacts.
    public var accepted = 0
    /// Accepted rows whose contact id was seen before; the later row replaces the earlier. (In an event log,
    /// where a contact is built from many rows, the events that repeat the case's previous event exactly.)
    public var duplicates = 0
    /// Contacts handed to the sink.
    public var contacts = 0
    /// Refused rows by reason.
    public var rejectedByReason: [String: Int] = [:]
    /// The refused rows themselves, up to ``maximumKeptRejects``; the counts always cover all of them.
    public var rejects: [RejectedRow] = []
    /// Columns present in the file that the format does not use.
    public var ignoredColumns: [String] = []
    /// Values set aside from kept contacts, by reason.
    public var droppedByReason: [String: Int] = [:]
    /// The values set aside, up to ``maximumKeptRejects``; the counts always cover all of them.
    public var droppedValues: [DroppedValue] = []
    /// Facts about the data that change no count but that an analyst should know, in plain sentences
    /// (`160 cases begin with an activity other than a creation; they start at their first event.`).
    public var notes: [String] = []

    /// How many refused rows are kept in memory for `--rejects` and `--explain`.
    public static let maximumKeptRejects = 100_000

    /// Creates an empty report.
    public init(file: String, format: String) {
        self.file = file
        self.format = format
    }

    /// All refused rows.
    public var rejected: Int { rejectedByReason.values.reduce(0, +) }

    /// Values set aside from kept contacts.
    public var dropped: Int { droppedByReason.values.reduce(0, +) }

    /// Records a value set aside from a contact that is kept.
    public mutating func drop(line: Int, contactID: String, field: String, value: String, reason: String) {
        droppedByReason[reason, default: 0] += 1
        if droppedValues.count < Self.maximumKeptRejects {
            droppedValues.append(
                DroppedValue(file: file, line: line, contactID: contactID, field: field, value: value, reason: reason)
            )
        }
    }

    /// Records a refused row; `record` is a JSON record's position in its array.
    public mutating func reject(line: Int, record: Int? = nil, reason: String, fields: [String]) {
        rejectedByReason[reason, default: 0] += 1
        if rejects.count < Self.maximumKeptRejects {
            rejects.append(RejectedRow(file: file, line: line, record: record, reason: reason, fields: fields))
        }
    }
}
