/// Opening hours in a time zone, with holidays: the clock that business-hours promises run on.
public struct BusinessCalendar: Sendable, Hashable, Codable {
    /// The calendar's name in the charter, such as `office`.
    public var name: String
    /// The IANA time zone the hours are in, such as `Europe/Amsterdam`.
    public var timeZoneIdentifier: String
    /// The usual opening blocks per weekday, sorted and non-overlapping; a missing day is closed. On dates that a
    /// version covers, that version's hours apply instead: see ``weeklyHours(on:)``.
    public var weeklyHours: [Weekday: [OpeningInterval]]
    /// Local dates on which the calendar is closed all day (the versions may add more: see ``allHolidays``).
    public var holidays: [LocalDate]
    /// Dated changes of the weekly hours, such as a peak season; empty when the hours never change.
    public var versions: [CalendarVersion]

    /// Creates a calendar.
    public init(
        name: String,
        timeZoneIdentifier: String,
        weeklyHours: [Weekday: [OpeningInterval]],
        holidays: [LocalDate] = [],
        versions: [CalendarVersion] = []
    ) {
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
        self.weeklyHours = weeklyHours
        self.holidays = holidays
        self.versions = versions
    }

    private enum CodingKeys: String, CodingKey {
        case name, timeZoneIdentifier, weeklyHours, holidays, versions
    }

    /// Decodes a calendar; one encoded before calendars had versions has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        timeZoneIdentifier = try container.decode(String.self, forKey: .timeZoneIdentifier)
        weeklyHours = try container.decode([Weekday: [OpeningInterval]].self, forKey: .weeklyHours)
        holidays = try container.decodeIfPresent([LocalDate].self, forKey: .holidays) ?? []
        versions = try container.decodeIfPresent([CalendarVersion].self, forKey: .versions) ?? []
    }

    /// Whether the calendar is open around the clock every day, in its usual hours and in every version, with no
    /// holidays.
    public var isAlwaysOpen: Bool {
        allHolidays.isEmpty && Self.isAroundTheClock(weeklyHours)
            && versions.allSatisfy { Self.isAroundTheClock($0.weeklyHours) }
    }

    /// Open minutes in a normal week of the usual hours (versions and holidays not counted); for the week around a
    /// given date, see ``weeklyOpenMinutes(on:)``.
    public var weeklyOpenMinutes: Int {
        Self.openMinutes(weeklyHours)
    }

    static func isAroundTheClock(_ hours: [Weekday: [OpeningInterval]]) -> Bool {
        Weekday.allCases.allSatisfy { hours[$0] == [OpeningInterval(startMinute: 0, endMinute: 1_440)] }
    }

    static func openMinutes(_ hours: [Weekday: [OpeningInterval]]) -> Int {
        hours.values.joined().reduce(0) { $0 + $1.minutes }
    }
}
