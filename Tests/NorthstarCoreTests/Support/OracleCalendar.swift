import Testing

@testable import NorthstarCore

/// The business calendars of `scripts/clock-oracles.py`, which computed the expected business seconds in
/// `BusinessClockTests` with Python's zoneinfo. Keep the two in step: a change here needs the script rerun.
enum OracleCalendar: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// Europe/Amsterdam, weekdays 08:30-12:30 and 13:30-17:30, Saturday 10:00-14:00, five holidays.
    case office
    /// Europe/Amsterdam, every night 22:00-24:00 and 00:00-06:00.
    case night
    /// Europe/Amsterdam, Monday to Saturday 09:00-17:00, Sunday 01:00-04:00 (across both DST changes).
    case dst
    /// Asia/Tokyo, weekdays 09:00-18:00, closed 2026-01-01 and 2026-05-05.
    case tokyo
    /// America/New_York, weekdays 08:00-20:00, weekends 00:00-03:00, closed 2026-07-03.
    case newYork
    /// Australia/Lord_Howe (a 30-minute DST shift at 02:00), every day 01:00-03:00.
    case lordHowe
    /// Asia/Kolkata (+05:30), Monday to Saturday 10:00-19:00.
    case kolkata

    var testDescription: String { rawValue }

    var calendar: BusinessCalendar {
        let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        switch self {
        case .office:
            return Self.calendar(
                "Europe/Amsterdam",
                weekdays.map { ($0, ["08:30-12:30", "13:30-17:30"]) } + [(.saturday, ["10:00-14:00"])],
                holidays: ["2026-04-03", "2026-04-06", "2026-12-25", "2026-12-26", "2027-01-01"]
            )
        case .night:
            return Self.calendar("Europe/Amsterdam", Weekday.allCases.map { ($0, ["00:00-06:00", "22:00-24:00"]) })
        case .dst:
            return Self.calendar(
                "Europe/Amsterdam",
                (weekdays + [.saturday]).map { ($0, ["09:00-17:00"]) } + [(.sunday, ["01:00-04:00"])]
            )
        case .tokyo:
            return Self.calendar(
                "Asia/Tokyo",
                weekdays.map { ($0, ["09:00-18:00"]) },
                holidays: ["2026-01-01", "2026-05-05"]
            )
        case .newYork:
            return Self.calendar(
                "America/New_York",
                weekdays.map { ($0, ["08:00-20:00"]) } + [(.saturday, ["00:00-03:00"]), (.sunday, ["00:00-03:00"])],
                holidays: ["2026-07-03"]
            )
        case .lordHowe:
            return Self.calendar("Australia/Lord_Howe", Weekday.allCases.map { ($0, ["01:00-03:00"]) })
        case .kolkata:
            return Self.calendar("Asia/Kolkata", (weekdays + [.saturday]).map { ($0, ["10:00-19:00"]) })
        }
    }

    /// A calendar from written blocks and dates, which must all parse.
    static func calendar(
        _ zone: String,
        _ hours: [(Weekday, [String])],
        holidays: [String] = []
    ) -> BusinessCalendar {
        var weeklyHours: [Weekday: [OpeningInterval]] = [:]
        for (day, blocks) in hours {
            weeklyHours[day] = blocks.map { text in
                guard case .success(let block) = OpeningInterval.parse(text) else { fatalError("bad block \(text)") }
                return block
            }
        }
        let dates = holidays.map { text in
            guard case .success(let date) = LocalDate.parse(text) else { fatalError("bad date \(text)") }
            return date
        }
        return BusinessCalendar(name: "test", timeZoneIdentifier: zone, weeklyHours: weeklyHours, holidays: dates)
    }
}
