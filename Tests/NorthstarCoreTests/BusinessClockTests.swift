import Foundation
import Testing

@testable import NorthstarCore

@Suite("Business clock: seconds inside opening hours")
struct BusinessClockTests {
    func clock(
        _ calendar: OracleCalendar,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> BusinessClock {
        try #require(BusinessClock(calendar: calendar.calendar), sourceLocation: sourceLocation)
    }

    func instant(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Timestamp {
        try #require(Timestamp(rfc3339: text), "not RFC 3339: \(text)", sourceLocation: sourceLocation)
    }

    /// Zones with DST (one with a 30-minute shift), a half-hour offset, a skipped day (Pacific/Apia lost
    /// 2011-12-30), DST at midnight (America/Santiago), and none at all.
    static let zones = [
        "Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Apia",
        "America/Santiago", "UTC",
    ]

    /// Instants from 1950 to 2260 (past the end of the cached offsets in 2200), lengths from a second to two
    /// years, and a share of the ends placed on or next to the zone's own transitions.
    static func randomIntervals(in zone: String, count: Int, seed: UInt64) -> [(Timestamp, Timestamp)] {
        var random = SeededGenerator(seed: seed)
        let timeZone = TimeZone(identifier: zone)!
        let earliest: Int64 = -631_152_000  // 1950-01-01T00:00:00Z
        let latest: Int64 = 9_151_488_000  // 2260-01-01T00:00:00Z
        var transitions: [Int64] = []
        var cursor = Date(timeIntervalSince1970: Double(earliest))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next.timeIntervalSince1970 < 9e9 {
            transitions.append(Int64(next.timeIntervalSince1970))
            cursor = next
        }
        return (0..<count).map { _ in
            var start = Int64.random(in: earliest..<latest, using: &random)
            if !transitions.isEmpty, Bool.random(using: &random) {
                start = transitions.randomElement(using: &random)! + Int64.random(in: -2...2, using: &random)
            }
            let scale: Int64 = [60, 86_400, 2_592_000, 63_072_000].randomElement(using: &random)!
            return (Timestamp(seconds: start), Timestamp(seconds: start + Int64.random(in: 1...scale, using: &random)))
        }
    }

    @Test("a 24/7 calendar counts calendar time, in any zone, across DST and past the cached years", arguments: zones)
    func alwaysOpenIsCalendarTime(zone: String) throws {
        let allDay = OracleCalendar.calendar(zone, Weekday.allCases.map { ($0, ["00:00-24:00"]) })
        let shortcut = try #require(BusinessClock(calendar: allDay))
        #expect(shortcut.isAlwaysOpen)
        // The same hours written as two blocks a day, with a holiday far away: not recognised as 24/7, so the
        // general path counts every second.
        let halves = OracleCalendar.calendar(
            zone,
            Weekday.allCases.map { ($0, ["00:00-12:00", "12:00-24:00"]) },
            holidays: ["2999-01-01"]
        )
        let general = try #require(BusinessClock(calendar: halves))
        #expect(!general.isAlwaysOpen)
        for (start, end) in Self.randomIntervals(in: zone, count: 1_500, seed: 24_7) {
            let elapsed = end.seconds - start.seconds
            #expect(shortcut.businessSeconds(from: start, to: end) == elapsed, "\(start) to \(end)")
            #expect(general.businessSeconds(from: start, to: end) == elapsed, "\(start) to \(end)")
        }
    }

    @Test("business seconds add up: clock(a, b) + clock(b, c) == clock(a, c)", arguments: OracleCalendar.allCases)
    func additive(calendar: OracleCalendar) throws {
        let clock = try clock(calendar)
        let intervals = Self.randomIntervals(in: calendar.calendar.timeZoneIdentifier, count: 600, seed: 42)
        var random = SeededGenerator(seed: 7)
        for (a, b) in intervals {
            let c = Timestamp(seconds: b.seconds + Int64.random(in: 0...1_000_000, using: &random))
            let ab = clock.businessSeconds(from: a, to: b)
            let bc = clock.businessSeconds(from: b, to: c)
            let ac = clock.businessSeconds(from: a, to: c)
            #expect(ab + bc == ac, "\(a) \(b) \(c)")
            #expect(ab >= 0 && ab <= b.seconds - a.seconds)
        }
    }

    // Expected values: scripts/clock-oracles.py, closed_cases(), which asserts that
    // sum(min(end, m + 60) - max(start, m) for m in range(start - start % 60, end, 60)
    //     if is_open(datetime.fromtimestamp(m, ZoneInfo(zone)))) == 0 for each.
    @Test(
        "a contact that arrives and is answered while closed counts 0 business seconds",
        arguments: [
            (.tokyo, "2026-03-06T19:00:00+09:00", "2026-03-09T08:59:59+09:00"),
            (.office, "2026-03-04T12:31:00+01:00", "2026-03-04T13:29:00+01:00"),
            (.office, "2026-12-25T09:00:00+01:00", "2026-12-26T16:00:00+01:00"),
            (.office, "2026-03-08T10:00:00+01:00", "2026-03-08T18:00:00+01:00"),
            (.night, "2026-03-29T06:00:00+02:00", "2026-03-29T21:59:59+02:00"),
            (.newYork, "2026-03-08T03:30:00-04:00", "2026-03-09T07:59:00-04:00"),
            (.lordHowe, "2026-10-04T03:00:00+11:00", "2026-10-05T00:59:00+11:00"),
        ] as [(OracleCalendar, String, String)]
    )
    func closedContact(calendar: OracleCalendar, created: String, answered: String) throws {
        let clock = try clock(calendar)
        let start = try instant(created)
        let end = try instant(answered)
        #expect(end.seconds - start.seconds > 0)
        #expect(clock.businessSeconds(from: start, to: end) == 0)
    }

    // Expected values: scripts/clock-oracles.py, named_cases(): a brute force over every UTC minute with
    // Python's zoneinfo, sum(min(end, m + 60) - max(start, m) for m in range(start - start % 60, end, 60)
    // if is_open(datetime.fromtimestamp(m, ZoneInfo(zone)))); the ends are local times made with
    // datetime(..., tzinfo=ZoneInfo(zone)).
    static let namedCases: [(String, OracleCalendar, String, String, Int64)] = [
        ("spring-forward day", .dst, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 7200),
        ("fall-back day", .dst, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 14400),
        ("an ordinary Sunday", .dst, "2026-03-22T00:00:00+01:00", "2026-03-23T00:00:00+01:00", 10800),
        ("across the gap", .dst, "2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00", 3600),
        ("the week of the gap", .dst, "2026-03-23T00:00:00+01:00", "2026-03-30T00:00:00+02:00", 180000),
        ("the week of the repeat", .dst, "2026-10-19T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 187200),
        ("night shift, gap", .night, "2026-03-28T20:00:00+01:00", "2026-03-29T08:00:00+02:00", 25200),
        ("night shift, repeat", .night, "2026-10-24T20:00:00+02:00", "2026-10-25T08:00:00+01:00", 32400),
        ("across a year", .night, "2026-12-31T23:00:00+01:00", "2027-01-01T01:00:00+01:00", 7200),
        ("New York spring forward", .newYork, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 7200),
        ("New York fall back", .newYork, "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 14400),
        ("Lord Howe +30 min", .lordHowe, "2026-10-04T00:00:00+10:30", "2026-10-05T00:00:00+11:00", 5400),
        ("Lord Howe -30 min", .lordHowe, "2026-04-05T00:00:00+11:00", "2026-04-06T00:00:00+10:30", 9000),
        ("Easter week holidays", .office, "2026-03-30T00:00:00+02:00", "2026-04-07T00:00:00+02:00", 129600),
        ("Christmas", .office, "2026-12-24T12:00:00+01:00", "2026-12-28T09:00:00+01:00", 18000),
        ("a whole year", .office, "2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00", 8_164_800),
        ("20 months", .office, "2025-06-15T10:07:13+02:00", "2027-02-10T16:01:59+01:00", 13_573_919),
        ("2250, past the table", .office, "2250-03-30T00:00:00+01:00", "2250-04-02T00:00:00+02:00", 43200),
        ("Good Friday, a holiday", .office, "2026-04-03T00:00:00+02:00", "2026-04-04T00:00:00+02:00", 0),
        ("the Thursday before", .office, "2026-04-02T00:00:00+02:00", "2026-04-03T00:00:00+02:00", 28800),
        ("over Good Friday", .office, "2026-04-02T16:00:00+02:00", "2026-04-04T11:00:00+02:00", 9000),
        ("Tokyo holiday, local day", .tokyo, "2026-05-05T00:00:00+09:00", "2026-05-06T00:00:00+09:00", 0),
        ("Tokyo holiday, from UTC midnight", .tokyo, "2026-05-05T09:00:00+09:00", "2026-05-06T12:00:00+09:00", 10800),
        ("Tokyo, over a weekend", .tokyo, "2026-03-06T17:00:00+09:00", "2026-03-09T10:00:00+09:00", 7200),
        ("Tokyo, one UTC day", .tokyo, "2026-03-02T09:00:00+09:00", "2026-03-03T09:00:00+09:00", 32400),
        ("Kolkata, +05:30", .kolkata, "2026-03-02T09:30:00+05:30", "2026-03-02T19:30:00+05:30", 32400),
    ]

    @Test(
        "DST days, holidays, zones away from UTC, midnight, a year: as Python's zoneinfo counts them",
        arguments: namedCases
    )
    func namedCase(note: String, calendar: OracleCalendar, start: String, end: String, expected: Int64) throws {
        let clock = try clock(calendar)
        #expect(clock.businessSeconds(from: try instant(start), to: try instant(end)) == expected, "\(note)")
    }

    // Expected values: scripts/clock-oracles.py, random_cases(): random.Random(20260329) draws the intervals
    // (UTC seconds, 2025-2028, a minute to 40 days) and the same per-minute zoneinfo brute force counts them.
    static let randomCases: [(OracleCalendar, Int64, Int64, Int64)] = [
        (.office, 1_797_931_910, 1_798_012_129, 22619),
        (.office, 1_772_386_791, 1_772_420_357, 0),
        (.office, 1_830_234_194, 1_830_617_230, 100800),
        (.office, 1_765_052_749, 1_765_195_611, 14400),
        (.office, 1_772_679_653, 1_773_094_840, 100800),
        (.office, 1_790_916_013, 1_790_916_084, 0),
        (.office, 1_777_992_337, 1_777_993_549, 1212),
        (.office, 1_797_622_703, 1_800_035_908, 561600),
        (.night, 1_826_401_560, 1_826_403_995, 2435),
        (.night, 1_824_385_930, 1_826_014_467, 550800),
        (.night, 1_809_814_508, 1_811_574_495, 596692),
        (.night, 1_775_203_073, 1_775_203_182, 0),
        (.night, 1_796_472_160, 1_796_493_123, 0),
        (.night, 1_776_923_371, 1_776_925_238, 0),
        (.night, 1_792_682_477, 1_792_781_707, 28800),
        (.night, 1_747_890_061, 1_748_978_819, 345600),
        (.dst, 1_781_385_964, 1_781_387_004, 0),
        (.dst, 1_787_880_940, 1_787_881_024, 0),
        (.dst, 1_781_267_721, 1_781_267_965, 244),
        (.dst, 1_791_508_110, 1_794_073_197, 795600),
        (.dst, 1_790_880_460, 1_790_977_251, 28800),
        (.dst, 1_789_300_441, 1_789_300_544, 0),
        (.dst, 1_772_528_717, 1_772_540_416, 11699),
        (.dst, 1_827_180_354, 1_828_036_353, 252000),
        (.tokyo, 1_790_517_643, 1_790_674_645, 64800),
        (.tokyo, 1_780_007_151, 1_780_008_520, 0),
        (.tokyo, 1_752_381_958, 1_752_389_226, 0),
        (.tokyo, 1_766_841_768, 1_766_842_446, 0),
        (.tokyo, 1_800_737_660, 1_800_751_865, 0),
        (.tokyo, 1_805_786_281, 1_806_592_502, 232919),
        (.tokyo, 1_773_937_360, 1_773_981_716, 16916),
        (.tokyo, 1_804_089_757, 1_804_125_280, 6880),
        (.newYork, 1_825_164_575, 1_826_446_917, 514225),
        (.newYork, 1_806_185_262, 1_806_197_616, 0),
        (.newYork, 1_769_645_536, 1_769_645_895, 359),
        (.newYork, 1_771_955_572, 1_771_989_478, 25628),
        (.newYork, 1_792_991_112, 1_792_993_090, 0),
        (.newYork, 1_775_804_891, 1_775_805_698, 0),
        (.newYork, 1_765_061_437, 1_765_068_569, 0),
        (.newYork, 1_738_642_780, 1_738_644_145, 0),
        (.lordHowe, 1_735_767_716, 1_736_440_439, 57600),
        (.lordHowe, 1_787_422_802, 1_787_424_248, 0),
        (.lordHowe, 1_799_632_877, 1_799_633_786, 0),
        (.lordHowe, 1_753_017_954, 1_753_658_388, 57600),
        (.lordHowe, 1_755_453_371, 1_755_453_726, 0),
        (.lordHowe, 1_736_271_923, 1_736_272_862, 0),
        (.lordHowe, 1_739_733_851, 1_740_435_717, 57600),
        (.lordHowe, 1_745_059_936, 1_745_063_013, 0),
        (.kolkata, 1_745_351_088, 1_745_351_178, 0),
        (.kolkata, 1_757_804_585, 1_757_811_731, 0),
        (.kolkata, 1_824_536_553, 1_824_536_717, 164),
        (.kolkata, 1_791_526_773, 1_791_556_544, 25827),
        (.kolkata, 1_757_491_654, 1_757_492_035, 381),
        (.kolkata, 1_785_215_544, 1_785_218_547, 3003),
        (.kolkata, 1_776_499_704, 1_776_501_024, 1320),
        (.kolkata, 1_751_760_127, 1_751_987_651, 64800),
        (.peak, 1_799_563_805, 1_800_106_833, 180000),
        (.peak, 1_764_829_213, 1_764_875_320, 36000),
        (.peak, 1_792_613_654, 1_792_615_820, 0),
        (.peak, 1_777_318_282, 1_777_319_546, 0),
        (.peak, 1_826_690_067, 1_826_690_172, 0),
        (.peak, 1_778_221_655, 1_778_222_610, 955),
        (.peak, 1_784_169_845, 1_784_172_764, 0),
        (.peak, 1_756_984_533, 1_757_033_363, 17067),
        (.santiago, 1_771_660_600, 1_771_661_211, 0),
        (.santiago, 1_740_854_427, 1_740_854_627, 200),
        (.santiago, 1_746_530_175, 1_746_530_861, 0),
        (.santiago, 1_777_392_951, 1_777_393_601, 650),
        (.santiago, 1_774_866_015, 1_774_926_729, 36000),
        (.santiago, 1_772_730_676, 1_772_731_427, 751),
        (.santiago, 1_743_408_895, 1_743_440_496, 21696),
        (.santiago, 1_773_374_555, 1_773_481_415, 36000),
    ]

    @Test("random intervals agree with the per-minute count in Python", arguments: randomCases)
    func randomCase(calendar: OracleCalendar, start: Int64, end: Int64, expected: Int64) throws {
        let clock = try clock(calendar)
        #expect(clock.businessSeconds(from: Timestamp(seconds: start), to: Timestamp(seconds: end)) == expected)
    }

    @Test("an empty or backwards interval counts 0")
    func emptyInterval() throws {
        let clock = try clock(.night)
        let midnight = try instant("2026-03-04T00:00:00+01:00")
        #expect(clock.businessSeconds(from: midnight, to: midnight) == 0)
        #expect(clock.businessSeconds(from: Timestamp(seconds: midnight.seconds + 3_600), to: midnight) == 0)
        let alwaysOpen = try #require(
            BusinessClock(calendar: OracleCalendar.calendar("UTC", Weekday.allCases.map { ($0, ["00:00-24:00"]) }))
        )
        #expect(alwaysOpen.businessSeconds(from: Timestamp(seconds: 100), to: Timestamp(seconds: 40)) == 0)
    }

    @Test("the extremes of Timestamp neither trap nor break additivity")
    func extremes() throws {
        let clock = try clock(.office)
        let first = Timestamp(seconds: .min)
        let last = Timestamp(seconds: .max)
        let middle = try instant("2026-03-29T02:30:00+02:00")
        let all = clock.businessSeconds(from: first, to: last)
        #expect(all > 0)
        #expect(clock.businessSeconds(from: first, to: middle) + clock.businessSeconds(from: middle, to: last) == all)
    }

    @Test("a calendar with no hours is never open")
    func neverOpen() throws {
        let clock = try #require(BusinessClock(calendar: OracleCalendar.calendar("Europe/Amsterdam", [])))
        #expect(!clock.isAlwaysOpen)
        #expect(
            clock.businessSeconds(from: try instant("2026-01-01T00:00:00Z"), to: try instant("2027-01-01T00:00:00Z"))
                == 0
        )
    }

    @Test("a zone Foundation does not know gives no clock", arguments: ["Mars/Olympus_Mons", "europe/amsterdam", ""])
    func unknownZone(zone: String) {
        #expect(BusinessClock(calendar: OracleCalendar.calendar(zone, [(.monday, ["09:00-17:00"])])) == nil)
    }

    @Test("the cached offsets are Foundation's, inside the cached years and outside them", arguments: zones)
    func offsetsMatchFoundation(zone: String) throws {
        let table = try #require(ZoneOffsetTable(identifier: zone))
        let timeZone = try #require(TimeZone(identifier: zone))
        var random = SeededGenerator(seed: 1_900)
        for _ in 0..<3_000 {
            // 1800 to 2300: the table covers 1900 to 2200.
            let instant = Int64.random(in: -5_364_662_400..<10_413_792_000, using: &random)
            let (offset, until) = table.offset(at: instant)
            #expect(offset == Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant)))))
            #expect(until > instant)
            if until < Int64.max {
                #expect(table.offset(at: until - 1).offset == offset)
            }
        }
        if zone != "UTC" { #expect(table.transitionCount > 0) }
    }
}
