/// The reporting period over which a promise is judged, in the charter's time zone.
public enum Period: String, Sendable, Hashable, Codable, CaseIterable {
    /// An ISO week, Monday to Sunday.
    case week
    /// A calendar month.
    case month
    /// A calendar quarter.
    case quarter
}
