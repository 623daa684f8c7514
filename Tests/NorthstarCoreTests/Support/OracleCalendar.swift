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
    /// Europe/Amsterdam, weekdays 08:00-18:00, closed 2026-04-06 and 2026-12-25, with five dated versions: a spring
    /// sale over the spring-forward Sunday, the fall-back week, a peak season with a holiday of its own, new usual
    /// hours from March 2027 with no end, and one Sunday inside those.
    case peak
    /// America/Santiago (DST changes at midnight), every day 08:00-18:00, open all day in the week that starts with
    /// the skipped midnight of 2026-09-06, nights only from 2027-04-04 (whose midnight repeats an hour).
    case santiago

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
        case .peak:
            return Self.calendar(
                "Europe/Amsterdam",
                weekdays.map { ($0, ["08:00-18:00"]) },
                holidays: ["2026-04-06", "2026-12-25"],
                versions: [
                    Version(
                        "2026-03-23",
                        "2026-04-05",
                        (weekdays + [.saturday]).map { ($0, ["08:00-20:00"]) } + [(.sunday, ["01:00-04:00"])]
                    ),
                    Version("2026-10-19", "2026-10-25", Weekday.allCases.map { ($0, ["01:00-04:00", "08:00-18:00"]) }),
                    Version(
                        "2026-11-23",
                        "2026-12-31",
                        (weekdays + [.saturday]).map { ($0, ["08:00-22:00"]) },
                        holidays: ["2026-12-26"]
                    ),
                    Version("2027-03-01", nil, weekdays.map { ($0, ["09:00-17:00"]) }),
                    Version("2027-03-28", "2027-03-28", [(.sunday, ["00:00-24:00"])]),
                ]
            )
        case .santiago:
            return Self.calendar(
                "America/Santiago",
                Weekday.allCases.map { ($0, ["08:00-18:00"]) },
                versions: [
                    Version("2026-09-06", "2026-09-12", Weekday.allCases.map { ($0, ["00:00-24:00"]) }),
                    Version("2027-04-04", "2027-04-10", Weekday.allCases.map { ($0, ["00:00-06:00"]) }),
                ]
            )
        }
    }

    /// A dated version as written in the tests: first day, last day or `nil`, hours, extra holidays.
    struct Version {
        var from: String
        var until: String?
        var hours: [(Weekday, [String])]
        var holidays: [String]

        init(_ from: String, _ until: String?, _ hours: [(Weekday, [String])], holidays: [String] = []) {
            self.from = from
            self.until = until
            self.hours = hours
            self.holidays = holidays
        }
    }

    /// A calendar from written blocks and dates, which must all parse.
    static func calendar(
        _ zone: String,
        _ hours: [(Weekday, [String])],
        holidays: [String] = [],
        versions: [Version] = []
    ) -> BusinessCalendar {
        BusinessCalendar(
            name: "test",
            timeZoneIdentifier: zone,
            weeklyHours: weeklyHours(hours),
            holidays: holidays.map(date),
            versions: versions.map { version in
                CalendarVersion(
                    firstDay: date(version.from),
                    lastDay: version.until.map(date),
                    weeklyHours: weeklyHours(version.hours),
                    holidays: version.holidays.map(date)
                )
            }
        )
    }

    /// Weekly hours from written blocks, which must all parse.
    static func weeklyHours(_ hours: [(Weekday, [String])]) -> [Weekday: [OpeningInterval]] {
        var weeklyHours: [Weekday: [OpeningInterval]] = [:]
        for (day, blocks) in hours {
            weeklyHours[day] = blocks.map { text in
                guard case .success(let block) = OpeningInterval.parse(text) else { fatalError("bad block \(text)") }
                return block
            }
        }
        return weeklyHours
    }

    /// The date written `text`, which must exist.
    static func date(_ text: String) -> LocalDate {
        guard case .success(let date) = LocalDate.parse(text) else { fatalError("bad date \(text)") }
        return date
    }
}
