/// Weekly hours that replace a calendar's usual hours for a run of local dates, because support teams change
/// their hours for peak seasons: longer days in December, Saturdays during a sale.
///
/// A version replaces the whole week: a day it does not name is closed while it is in force, even when the
/// usual hours open that day. On a date several versions contain, the one that starts latest is in force.
public struct CalendarVersion: Sendable, Hashable, Codable {
    /// The first local date (in the calendar's zone) on which the version is in force.
    public var firstDay: LocalDate
    /// The last local date on which it is in force, inclusive; `nil` when it has no end, so that it holds until a
    /// version that starts later takes over (and again after that one ends).
    public var lastDay: LocalDate?
    /// Opening blocks per weekday while the version is in force, sorted and non-overlapping; a missing day is
    /// closed.
    public var weeklyHours: [Weekday: [OpeningInterval]]
    /// Local dates the version adds to the calendar's holidays: like those, they close the whole day.
    public var holidays: [LocalDate]

    /// Creates a version.
    public init(
        firstDay: LocalDate,
        lastDay: LocalDate? = nil,
        weeklyHours: [Weekday: [OpeningInterval]],
        holidays: [LocalDate] = []
    ) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.weeklyHours = weeklyHours
        self.holidays = holidays
    }

    /// Whether `date` is one of the version's dates.
    public func contains(_ date: LocalDate) -> Bool {
        firstDay <= date && lastDay.map { date <= $0 } ?? true
    }

    /// The dates written as in a charter: `2026-11-23..2026-12-31`, or `from 2026-11-23` with no end.
    public var dates: String {
        lastDay.map { "\(firstDay)..\($0)" } ?? "from \(firstDay)"
    }
}
