import Foundation
import Testing

@testable import NorthstarCore

@Suite("Business clock: dated versions of the hours")
struct BusinessClockVersionTests {
    func clock(
        _ calendar: BusinessCalendar,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> BusinessClock {
        try #require(BusinessClock(calendar: calendar), sourceLocation: sourceLocation)
    }

    func instant(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Timestamp {
        try #require(Timestamp(rfc3339: text), "not RFC 3339: \(text)", sourceLocation: sourceLocation)
    }

    // Worked out by hand from the hours in OracleCalendar (.peak: usual weekdays 08:00-18:00; the peak season
    // 2026-11-23..2026-12-31 Monday to Saturday 08:00-22:00, 14 h a day), and the same numbers from
    // scripts/clock-oracles.py, version_cases(), which counts every UTC minute with Python's zoneinfo.
    static let namedCases: [(String, OracleCalendar, String, String, Int64)] = [
        // Tuesday 1 to Monday 7 December: six open days of 14 h, Sunday closed: 84 h.
        ("a week inside the peak season", .peak, "2026-12-01T00:00:00+01:00", "2026-12-08T00:00:00+01:00", 302_400),
        // Friday 12:00-18:00 in the usual hours (6 h), the weekend closed, Monday 08:00-20:00 in the peak (12 h).
        (
            "from usual hours into the peak season", .peak, "2026-11-20T12:00:00+01:00", "2026-11-23T20:00:00+01:00",
            64_800
        ),
        // Saturday 21 and Sunday 22 closed (usual hours), Monday to Friday 5 x 14 h, Saturday 28 08:00-12:00: 74 h.
        (
            "the first week of the peak season", .peak, "2026-11-21T00:00:00+01:00", "2026-11-28T12:00:00+01:00",
            266_400
        ),
        // The spring sale opens Sundays 01:00-04:00; on 2026-03-29 02:00-03:00 never happens: 2 h.
        ("spring forward inside a version", .peak, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 7_200),
        // Sunday 25 October, the fall-back week's last day: 01:00-04:00 with 02:00-03:00 twice (4 h) and
        // 08:00-18:00 (10 h); Monday 26 is back to the usual 10 h: 24 h.
        (
            "fall back on a version's last day, then usual hours", .peak, "2026-10-25T00:00:00+02:00",
            "2026-10-27T00:00:00+01:00", 86_400
        ),
        // Thursday 31 December 12:00-22:00 (peak, 10 h), Friday 1 January 08:00-18:00 (usual, 10 h), the weekend
        // closed, Monday 4 January 08:00-12:00 (4 h): 24 h.
        (
            "after until, back to usual hours", .peak, "2026-12-31T12:00:00+01:00", "2027-01-04T12:00:00+01:00",
            86_400
        ),
        // Thursday 24 (14 h); 25 is a calendar holiday, 26 the peak season's own; Sunday closed: 14 h.
        (
            "a calendar holiday and a version's holiday", .peak, "2026-12-24T00:00:00+01:00",
            "2026-12-28T00:00:00+01:00", 50_400
        ),
        // Friday 17:00-18:00 in the usual hours, Monday 1 March 09:00-10:00 in the new ones (which open at 09:00).
        ("into a version with no end", .peak, "2027-02-26T17:00:00+01:00", "2027-03-01T10:00:00+01:00", 7_200),
        // Friday 26 09:00-17:00 (8 h), Saturday closed, Sunday 28 open all day but 23 h long (spring forward),
        // Monday 29 the version with no end again (8 h): 39 h.
        (
            "a one-day version inside one with no end", .peak, "2027-03-26T00:00:00+01:00",
            "2027-03-30T00:00:00+02:00", 140_400
        ),
        ("two years", .peak, "2026-01-01T00:00:00+01:00", "2028-01-01T00:00:00+01:00", 18_151_200),
        // Saturday 12:00-18:00 (6 h); Sunday 6 September is open all day but starts at 01:00: 01:00-12:00 (11 h).
        ("a skipped midnight", .santiago, "2026-09-05T12:00:00-04:00", "2026-09-06T12:00:00-03:00", 61_200),
        // Saturday 20:00 to 24:00, then 23:00-24:00 again, all closed; Sunday 4 April 00:00-06:00 (6 h).
        (
            "a repeated hour before a version", .santiago, "2027-04-03T20:00:00-03:00", "2027-04-04T08:00:00-04:00",
            21_600
        ),
    ]

    @Test(
        "inside a version, across its start and end, across DST: as counted by hand and by zoneinfo",
        arguments: namedCases
    )
    func namedCase(note: String, calendar: OracleCalendar, start: String, end: String, expected: Int64) throws {
        let clock = try clock(calendar.calendar)
        #expect(clock.businessSeconds(from: try instant(start), to: try instant(end)) == expected, "\(note)")
    }

    // Expected values: scripts/clock-oracles.py, version_random_cases(): random.Random(20261123) draws intervals
    // from March 2026 to May 2027 (a minute to 23 days) and the per-minute zoneinfo brute force counts them.
    static let randomCases: [(OracleCalendar, Int64, Int64, Int64)] = [
        (.peak, 1_805_465_843, 1_805_466_173, 330),
        (.peak, 1_778_282_972, 1_778_299_837, 0),
        (.peak, 1_797_651_097, 1_797_654_635, 0),
        (.peak, 1_784_797_569, 1_784_797_654, 85),
        (.peak, 1_777_278_653, 1_777_278_832, 179),
        (.peak, 1_790_554_491, 1_790_672_708, 47108),
        (.peak, 1_775_886_218, 1_775_887_389, 0),
        (.peak, 1_803_640_608, 1_803_700_059, 20592),
        (.peak, 1_775_338_505, 1_776_513_165, 334800),
        (.peak, 1_790_587_354, 1_790_587_460, 106),
        (.peak, 1_788_112_141, 1_788_112_621, 0),
        (.peak, 1_804_348_014, 1_804_376_409, 0),
        (.santiago, 1_793_911_515, 1_794_161_669, 98954),
        (.santiago, 1_799_460_446, 1_799_474_054, 0),
        (.santiago, 1_800_449_882, 1_800_453_601, 3719),
        (.santiago, 1_775_510_715, 1_775_527_246, 2085),
        (.santiago, 1_807_096_649, 1_807_097_616, 0),
        (.santiago, 1_792_388_602, 1_792_388_836, 0),
        (.santiago, 1_794_470_367, 1_794_538_507, 36000),
        (.santiago, 1_805_513_053, 1_805_580_188, 36000),
        (.santiago, 1_787_224_999, 1_787_226_012, 0),
        (.santiago, 1_800_671_131, 1_801_207_306, 216000),
        (.santiago, 1_806_014_307, 1_806_189_267, 72000),
        (.santiago, 1_792_476_913, 1_792_599_863, 55463),
    ]

    @Test("random intervals around the versions agree with the per-minute count in Python", arguments: randomCases)
    func randomCase(calendar: OracleCalendar, start: Int64, end: Int64, expected: Int64) throws {
        let clock = try clock(calendar.calendar)
        #expect(clock.businessSeconds(from: Timestamp(seconds: start), to: Timestamp(seconds: end)) == expected)
    }

    @Test(
        "versions with the usual hours change nothing, whatever their dates",
        arguments: OracleCalendar.allCases.filter { $0.calendar.versions.isEmpty }
    )
    func versionsWithUsualHoursChangeNothing(calendar: OracleCalendar) throws {
        let plain = calendar.calendar
        var random = SeededGenerator(seed: 1_123)
        var versioned = plain
        let epoch = OracleCalendar.date("1970-01-01")
        // Dates from 1950 to 2260, some with an end, some without, some covering a DST change.
        for _ in 0..<12 {
            let first = Int.random(in: -7_305..<105_000, using: &random)
            let length = Int.random(in: 0..<400, using: &random)
            versioned.versions.append(
                CalendarVersion(
                    firstDay: epoch.adding(days: first),
                    lastDay: Bool.random(using: &random) ? epoch.adding(days: first + length) : nil,
                    weeklyHours: plain.weeklyHours
                )
            )
        }
        let without = try clock(plain)
        let with = try clock(versioned)
        #expect(with.hoursChangeCount >= 12, "the versioned path must run")
        let intervals = BusinessClockTests.randomIntervals(in: plain.timeZoneIdentifier, count: 800, seed: 2_026)
        for (start, end) in intervals {
            #expect(
                with.businessSeconds(from: start, to: end) == without.businessSeconds(from: start, to: end),
                "\(start) to \(end)"
            )
        }
    }

    @Test(
        "the extremes of Timestamp neither trap nor break additivity with versions",
        arguments: [OracleCalendar.peak, .santiago]
    )
    func extremes(calendar: OracleCalendar) throws {
        let clock = try clock(calendar.calendar)
        let first = Timestamp(seconds: .min)
        let last = Timestamp(seconds: .max)
        let all = clock.businessSeconds(from: first, to: last)
        #expect(all > 0)
        for middle in ["2026-11-23T00:00:00+01:00", "2026-09-06T01:00:00-03:00", "2027-03-28T02:30:00+02:00"] {
            let split = try instant(middle)
            #expect(clock.businessSeconds(from: first, to: split) + clock.businessSeconds(from: split, to: last) == all)
        }
    }

    @Test("a version that differs only on some days counts those days alone differently")
    func versionOnlyChangesItsDays() throws {
        // Usual weekdays 08:00-18:00; from Monday 2026-11-23 to Sunday 2026-11-29, Saturday 10:00-14:00 too.
        let weekdays: [(Weekday, [String])] = [.monday, .tuesday, .wednesday, .thursday, .friday].map {
            ($0, ["08:00-18:00"])
        }
        let usual = OracleCalendar.calendar("Europe/Amsterdam", weekdays)
        let withSaturday = OracleCalendar.calendar(
            "Europe/Amsterdam",
            weekdays,
            versions: [OracleCalendar.Version("2026-11-23", "2026-11-29", weekdays + [(.saturday, ["10:00-14:00"])])]
        )
        let start = try instant("2026-11-01T00:00:00+01:00")
        let end = try instant("2027-01-01T00:00:00+01:00")
        let difference =
            try clock(withSaturday).businessSeconds(from: start, to: end)
            - clock(usual).businessSeconds(from: start, to: end)
        #expect(difference == 4 * 3_600)
    }

    @Test("the latest-starting version holds; one with no end holds again after a later one ends")
    func versionInForce() throws {
        let calendar = OracleCalendar.peak.calendar
        let peakHours = OracleCalendar.weeklyHours(
            [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday].map { ($0, ["08:00-22:00"]) }
        )
        let newHours = OracleCalendar.weeklyHours(
            [.monday, .tuesday, .wednesday, .thursday, .friday].map { ($0, ["09:00-17:00"]) }
        )
        #expect(calendar.version(on: OracleCalendar.date("2026-11-22")) == nil)
        #expect(calendar.weeklyHours(on: OracleCalendar.date("2026-11-22")) == calendar.weeklyHours)
        #expect(calendar.weeklyHours(on: OracleCalendar.date("2026-11-23")) == peakHours)
        #expect(calendar.weeklyHours(on: OracleCalendar.date("2026-12-31")) == peakHours)
        #expect(calendar.weeklyHours(on: OracleCalendar.date("2027-01-01")) == calendar.weeklyHours)
        #expect(calendar.weeklyHours(on: OracleCalendar.date("2027-03-27")) == newHours)
        #expect(calendar.version(on: OracleCalendar.date("2027-03-28"))?.lastDay == OracleCalendar.date("2027-03-28"))
        #expect(calendar.weeklyHours(on: OracleCalendar.date("2027-03-29")) == newHours)
        #expect(calendar.weeklyHours(on: OracleCalendar.date("9999-12-31")) == newHours)
        #expect(calendar.weeklyOpenMinutes == 5 * 600)
        #expect(calendar.weeklyOpenMinutes(on: OracleCalendar.date("2026-12-01")) == 6 * 840)
        #expect(calendar.allHolidays.map(\.description) == ["2026-04-06", "2026-12-25", "2026-12-26"])
    }

    @Test("a calendar is always open only when its usual hours and every version are, with no holidays")
    func alwaysOpen() throws {
        let allDay = Weekday.allCases.map { ($0, ["00:00-24:00"]) }
        var calendar = OracleCalendar.calendar(
            "Europe/Amsterdam",
            allDay,
            versions: [OracleCalendar.Version("2026-12-01", "2026-12-31", allDay)]
        )
        #expect(calendar.isAlwaysOpen)
        #expect(try clock(calendar).isAlwaysOpen)
        calendar.versions.append(
            CalendarVersion(firstDay: OracleCalendar.date("2027-01-01"), weeklyHours: [:], holidays: [])
        )
        #expect(!calendar.isAlwaysOpen)
        #expect(try !clock(calendar).isAlwaysOpen)
        calendar.versions.removeLast()
        calendar.versions[0].holidays = [OracleCalendar.date("2026-12-25")]
        #expect(!calendar.isAlwaysOpen)
        let clock = try clock(calendar)
        #expect(!clock.isAlwaysOpen)
        let christmas = try instant("2026-12-25T00:00:00+01:00")
        #expect(
            clock.businessSeconds(from: christmas, to: Timestamp(seconds: christmas.seconds + 2 * 86_400)) == 86_400
        )
    }
}
