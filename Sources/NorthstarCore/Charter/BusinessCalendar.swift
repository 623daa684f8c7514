/// Opening hours in a time zone, with holidays: the clock that business-hours promises run on.
public struct BusinessCalendar: Sendable, Hashable, Codable {
    /// The calendar's name in the charter, such as `office`.
    public var name: String
    /// The IANA time zone the hours are in, such as `Europe/Amsterdam`.
    public var timeZoneIdentifier: String
    /// Opening blocks per weekday, sorted and non-overlapping; a missing day is closed.
    public var weeklyHours: [Weekday: [OpeningInterval]]
    /// Local dates on which the calendar is closed all day.
    public var holidays: [LocalDate]

    /// Creates a calendar.
    public init(
        name: String,
        timeZoneIdentifier: String,
        weeklyHours: [Weekday: [OpeningInterval]],
        holidays: [LocalDate] = []
    ) {
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
        self.weeklyHours = weeklyHours
        self.holidays = holidays
    }

    /// Whether the calendar is open around the clock every day with no holidays.
    public var isAlwaysOpen: Bool {
        holidays.isEmpty
            && Weekday.allCases.allSatisfy { weeklyHours[$0] == [OpeningInterval(startMinute: 0, endMinute: 1_440)] }
    }

    /// Open minutes in a normal week (holidays not subtracted).
    public var weeklyOpenMinutes: Int {
        weeklyHours.values.joined().reduce(0) { $0 + $1.minutes }
    }
}
