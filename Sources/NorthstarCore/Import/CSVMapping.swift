/// How to read a CSV that no built-in format knows: which column holds each canonical contact field, how its times
/// are written and in which zone, and what its values mean. Written as YAML (``load(contentsOf:)``) and read by
/// ``MappedCSVImporter``:
///
/// ```yaml
/// columns:                        # canonical field: the column that holds it
///   id: Ticket
///   channel: Source
///   created_at: [Date, Time]      # several columns are joined with a space
///   first_response_at: {column: First reply (min), unit: minutes}   # a duration after created_at
///   resolved_at: Closed
/// timestamps:
///   format: "%d/%m/%Y %H:%M"      # or dd/MM/yyyy HH:mm, rfc3339, unix-seconds, unix-milliseconds
///   timezone: Europe/Amsterdam    # for times written without an offset
/// values:                         # what the export's words mean
///   channel: {Voice: phone, "Web form": web}
///   abandoned: {Y: true, N: false}
/// defaults:                       # a value for fields with no column, or an empty cell
///   channel: email
/// missing: ["-", "N/A"]           # cells that mean "no value", besides an empty one
/// delimiter: ";"
/// ```
public struct CSVMapping: Sendable, Hashable {
    /// A canonical contact field, named as in the canonical contacts CSV.
    public enum Field: String, Sendable, Hashable, CaseIterable, Comparable {
        case id
        case channel
        case createdAt = "created_at"
        case tier, priority, team, agent, category
        case firstResponseAt = "first_response_at"
        case resolvedAt = "resolved_at"
        case endedAt = "ended_at"
        case wrapSeconds = "wrap_seconds"
        case abandoned
        case reopens
        case agentReplies = "agent_replies"
        case csat, nps
        case selfService = "self_service"
        case fcrAnswer = "fcr_answer"
        case vendorSLAMet = "vendor_sla_met"

        /// Orders fields as the canonical CSV does.
        public static func < (lhs: Field, rhs: Field) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }

        /// The fields that hold a time, in the order they are worked out (a duration counts from an earlier one).
        static let times: [Field] = [.createdAt, .firstResponseAt, .resolvedAt, .endedAt]

        /// Whether the field holds a time.
        var isTime: Bool { Self.times.contains(self) }

        /// What the field's values must be, for reading them and for saying what is wrong.
        var kind: Kind {
            switch self {
            case .id, .channel, .tier, .priority, .team, .agent, .category: .text
            case .createdAt, .firstResponseAt, .resolvedAt, .endedAt: .time
            case .wrapSeconds: .count(0...86_400)
            case .reopens: .count(0...10_000)
            case .agentReplies: .count(0...100_000)
            case .nps: .count(0...10)
            case .csat: .score
            case .abandoned, .selfService, .fcrAnswer, .vendorSLAMet: .flag
            }
        }

        enum Kind: Equatable {
            case text
            case time
            case count(ClosedRange<Int>)
            case score
            case flag

            var expected: String {
                switch self {
                case .text: "a text"
                case .time: "a time"
                case .count(let range): "a whole number in \(range.lowerBound)…\(range.upperBound)"
                case .score: "a number 0 or more"
                case .flag: "true or false"
                }
            }
        }
    }

    /// A unit for a column that holds a duration rather than a time.
    public enum DurationUnit: String, Sendable, Hashable, CaseIterable {
        case seconds, minutes, hours

        /// Seconds in one unit.
        var seconds: Double {
            switch self {
            case .seconds: 1
            case .minutes: 60
            case .hours: 3_600
            }
        }
    }

    /// Where one field is read from.
    public struct Source: Sendable, Hashable {
        /// The column, or several joined with a space (a date and a time in two columns).
        public var columns: [String]
        /// A timestamp format for this field only.
        public var format: TimestampFormat?
        /// When set, the column holds a duration in this unit, counted from ``after`` (for `wrap_seconds`: the
        /// unit it is written in).
        public var unit: DurationUnit?
        /// The time a duration counts from; `created_at` unless said.
        public var after: Field?

        /// Creates a source.
        public init(columns: [String], format: TimestampFormat? = nil, unit: DurationUnit? = nil, after: Field? = nil) {
            self.columns = columns
            self.format = format
            self.unit = unit
            self.after = after
        }
    }

    /// Where each field is read from.
    public var columns: [Field: Source]
    /// A value for a field with no column, or whose cell is empty.
    public var defaults: [Field: String]
    /// For each field, what the export's words mean: `Voice` → `phone`. A value not listed is read as written.
    public var values: [Field: [String: String]]
    /// How times are written, unless a field says otherwise.
    public var timestampFormat: TimestampFormat
    /// The IANA zone of times written without an offset; `nil`: the zone the importer is given.
    public var timezone: String?
    /// Cells that mean "no value" besides an empty one, compared after trimming spaces.
    public var missing: [String]
    /// The character between fields.
    public var delimiter: UInt8
    /// The file the mapping was read from, for messages.
    public var file: String?

    /// Creates a mapping.
    public init(
        columns: [Field: Source],
        defaults: [Field: String] = [:],
        values: [Field: [String: String]] = [:],
        timestampFormat: TimestampFormat = .rfc3339,
        timezone: String? = nil,
        missing: [String] = [],
        delimiter: UInt8 = UInt8(ascii: ","),
        file: String? = nil
    ) {
        self.columns = columns
        self.defaults = defaults
        self.values = values
        self.timestampFormat = timestampFormat
        self.timezone = timezone
        self.missing = missing
        self.delimiter = delimiter
        self.file = file
    }

    /// The rules a mapping must follow beyond its shape, as sentences with the field they concern; empty when it can
    /// be used. ``MappedCSVImporter`` refuses a mapping that breaks one; the YAML loader reports them at their place.
    func problems() -> [(field: Field?, section: String, message: String)] {
        var problems: [(Field?, String, String)] = []
        if columns[.id] == nil {
            problems.append((.id, "columns", "no column holds the contact id; add `id: <column>` under `columns`."))
        }
        if columns[.createdAt] == nil {
            problems.append(
                (
                    .createdAt, "columns",
                    "no column holds the creation time; add `created_at: <column>` under `columns`."
                )
            )
        }
        if columns[.channel] == nil && defaults[.channel] == nil {
            problems.append(
                (
                    .channel, "columns",
                    "the channel has neither a column nor a default; add `channel: <column>` under `columns` "
                        + "or `channel: email` under `defaults`."
                )
            )
        }
        for (field, source) in columns.sorted(by: { $0.key < $1.key }) {
            if source.columns.isEmpty || source.columns.contains(where: { $0.isEmpty }) {
                problems.append((field, "columns", "`\(field.rawValue)` names no column."))
            }
            if source.format != nil && !field.isTime {
                problems.append(
                    (field, "columns", "`format` applies to times only; `\(field.rawValue)` is not a time.")
                )
            }
            if source.unit != nil && !field.isTime && field != .wrapSeconds {
                problems.append((field, "columns", "`unit` applies to times (as a duration) and `wrap_seconds` only."))
            }
            if field == .createdAt && source.unit != nil {
                problems.append(
                    (field, "columns", "`created_at` must be a time, not a duration: nothing comes before it.")
                )
            }
            if let after = source.after {
                if source.unit == nil {
                    problems.append((field, "columns", "`after` needs `unit`: it says what a duration counts from."))
                } else if let from = Field.times.firstIndex(of: after), let to = Field.times.firstIndex(of: field),
                    from < to
                {
                    if columns[after] == nil {
                        problems.append(
                            (field, "columns", "`after: \(after.rawValue)`, but no column holds `\(after.rawValue)`.")
                        )
                    }
                } else {
                    problems.append(
                        (
                            field, "columns",
                            "`after` must be a time worked out before `\(field.rawValue)` (in the order "
                                + "created_at, first_response_at, resolved_at, ended_at)."
                        )
                    )
                }
            }
        }
        for (field, value) in defaults.sorted(by: { $0.key < $1.key }) {
            if field.isTime || field == .id {
                problems.append(
                    (
                        field, "defaults",
                        "`\(field.rawValue)` cannot have a default: it differs from contact to contact."
                    )
                )
            } else if Self.read(value, as: field) == nil {
                problems.append((field, "defaults", "the default `\(value)` is not \(field.kind.expected)."))
            }
        }
        for (field, map) in values.sorted(by: { $0.key < $1.key }) where !field.isTime {
            for (written, meant) in map.sorted(by: { $0.key < $1.key })
            where !meant.isEmpty && Self.read(meant, as: field) == nil {
                problems.append(
                    (field, "values", "`\(written)` is mapped to `\(meant)`, which is not \(field.kind.expected).")
                )
            }
        }
        return problems
    }

    /// A non-time value read as `field` expects it, or `nil` when it is not one.
    static func read(_ text: String, as field: Field) -> FieldValue? {
        switch field.kind {
        case .text, .time: return .text(text)
        case .count(let range):
            guard let number = Int(text), range.contains(number) else { return nil }
            return .count(number)
        case .score:
            guard let number = Double(text), number.isFinite, number >= 0 else { return nil }
            return .score(number)
        case .flag:
            switch text.lowercased() {
            case "true", "yes", "y", "1": return .flag(true)
            case "false", "no", "n", "0": return .flag(false)
            default: return nil
            }
        }
    }

    /// A value read for a field.
    enum FieldValue: Equatable {
        case text(String)
        case count(Int)
        case score(Double)
        case flag(Bool)
    }
}
