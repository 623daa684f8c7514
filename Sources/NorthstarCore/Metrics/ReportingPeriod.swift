/// One period a promise is reported for: an ISO week, a calendar month or quarter in the charter's time zone, or
/// the whole range of a report.
///
/// Periods run from local midnight to local midnight, so a week in which the clocks change lasts 167 or 169 hours.
/// In JSON a period is `{"label": "2026-W10", "start": "2026-03-01T23:00:00Z", "end": "2026-03-08T23:00:00Z"}`,
/// the instants in RFC 3339 UTC.
public struct ReportingPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The first instant of the period.
    public let start: Timestamp
    /// The first instant after the period: the period is `start ..< end`.
    public let end: Timestamp
    /// `2026-W10` (ISO week, with the ISO week-numbering year), `2026-03`, `2026-Q1`, or `total`.
    public let label: String

    /// The label of the period that spans a whole report.
    public static let totalLabel = "total"

    /// Creates a period; the caller guarantees `start <= end`.
    public init(start: Timestamp, end: Timestamp, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }

    /// The period labelled `total` that spans `start ..< end`, for a report over a whole range.
    public static func total(from start: Timestamp, to end: Timestamp) -> ReportingPeriod {
        ReportingPeriod(start: start, end: end, label: totalLabel)
    }

    /// Whether `instant` falls in the period (`start <= instant < end`).
    @inline(__always)
    public func contains(_ instant: Timestamp) -> Bool {
        start.seconds <= instant.seconds && instant.seconds < end.seconds
    }

    /// The period's length in seconds: 604 800 for most weeks, 601 200 or 608 400 for a week with a DST change.
    public var seconds: Int64 { end.seconds - start.seconds }

    /// The label.
    public var description: String { label }

    /// Orders periods by start, then end, then label.
    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        (lhs.start.seconds, lhs.end.seconds, lhs.label) < (rhs.start.seconds, rhs.end.seconds, rhs.label)
    }

    private enum CodingKeys: String, CodingKey {
        case label
        case start
        case end
    }

    /// Encodes `label`, and `start` and `end` as RFC 3339 UTC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(start.description, forKey: .start)
        try container.encode(end.description, forKey: .end)
    }

    /// Decodes `label`, `start` and `end` (RFC 3339 with a zone).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        start = try Self.decodeInstant(.start, in: container)
        end = try Self.decodeInstant(.end, in: container)
        guard start <= end else {
            throw DecodingError.dataCorruptedError(
                forKey: .end,
                in: container,
                debugDescription: "the period \(label) ends (\(end)) before it starts (\(start))"
            )
        }
    }

    private static func decodeInstant(
        _ key: CodingKeys,
        in container: KeyedDecodingContainer<CodingKeys>
    ) throws -> Timestamp {
        let text = try container.decode(String.self, forKey: key)
        guard let instant = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key,
                in: container,
                debugDescription: "\(text) is not an RFC 3339 time with a zone, such as 2026-03-02T09:15:00Z"
            )
        }
        return instant
    }
}
