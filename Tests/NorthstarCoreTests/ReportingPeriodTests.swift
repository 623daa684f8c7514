import Foundation
import Testing

@testable import NorthstarCore

@Suite("Reporting periods: ISO weeks, months and quarters in the charter's zone")
struct ReportingPeriodTests {
    func calendar(
        _ zone: String,
        _ period: Period,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> PeriodCalendar {
        try #require(PeriodCalendar(timeZoneIdentifier: zone, period: period), sourceLocation: sourceLocation)
    }

    func instant(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Timestamp {
        try #require(Timestamp(rfc3339: text), "not RFC 3339: \(text)", sourceLocation: sourceLocation)
    }

    // Expected labels: scripts/clock-oracles.py, week_labels(): "%d-W%02d" % date.isocalendar()[:2].
    @Test(
        "ISO week labels use the ISO week-numbering year around New Year",
        arguments: [
            ("2026-12-28", "2026-W53"),
            ("2026-12-31", "2026-W53"),
            ("2027-01-01", "2026-W53"),
            ("2027-01-03", "2026-W53"),
            ("2027-01-04", "2027-W01"),
            ("2024-12-29", "2024-W52"),
            ("2024-12-30", "2025-W01"),
            ("2025-01-01", "2025-W01"),
            ("2021-01-03", "2020-W53"),
            ("2021-01-04", "2021-W01"),
            ("2020-12-31", "2020-W53"),
            ("2026-03-02", "2026-W10"),
            ("2026-03-08", "2026-W10"),
            ("2015-12-31", "2015-W53"),
            ("2016-01-03", "2015-W53"),
        ]
    )
    func weekLabel(day: String, label: String) throws {
        // Local noon in winter, when Amsterdam is at +01:00.
        let noon = try instant("\(day)T12:00:00+01:00")
        #expect(try calendar("Europe/Amsterdam", .week).period(containing: noon).label == label)
    }

    // Expected bounds: scripts/clock-oracles.py, period_bounds():
    // int(datetime(y, m, d, tzinfo=ZoneInfo(zone)).timestamp()) for the first local day of the period and of the next.
    static let bounds: [(String, Period, String, String, String, Int64)] = [
        ("Europe/Amsterdam", .week, "2026-W13", "2026-03-22T23:00:00Z", "2026-03-29T22:00:00Z", 601200),
        ("Europe/Amsterdam", .week, "2026-W43", "2026-10-18T22:00:00Z", "2026-10-25T23:00:00Z", 608400),
        ("Europe/Amsterdam", .week, "2026-W10", "2026-03-01T23:00:00Z", "2026-03-08T23:00:00Z", 604800),
        ("America/New_York", .week, "2026-W10", "2026-03-02T05:00:00Z", "2026-03-09T04:00:00Z", 601200),
        ("America/New_York", .week, "2026-W44", "2026-10-26T04:00:00Z", "2026-11-02T05:00:00Z", 608400),
        ("Australia/Lord_Howe", .week, "2026-W40", "2026-09-27T13:30:00Z", "2026-10-04T13:00:00Z", 603000),
        ("Australia/Lord_Howe", .week, "2026-W14", "2026-03-29T13:00:00Z", "2026-04-05T13:30:00Z", 606600),
        ("Europe/Amsterdam", .month, "2026-03", "2026-02-28T23:00:00Z", "2026-03-31T22:00:00Z", 2_674_800),
        ("Europe/Amsterdam", .month, "2026-02", "2026-01-31T23:00:00Z", "2026-02-28T23:00:00Z", 2_419_200),
        ("Europe/Amsterdam", .month, "2026-10", "2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z", 2_682_000),
        ("Europe/Amsterdam", .month, "2026-12", "2026-11-30T23:00:00Z", "2026-12-31T23:00:00Z", 2_678_400),
        ("Europe/Amsterdam", .quarter, "2026-Q1", "2025-12-31T23:00:00Z", "2026-03-31T22:00:00Z", 7_772_400),
        ("Europe/Amsterdam", .quarter, "2026-Q4", "2026-09-30T22:00:00Z", "2026-12-31T23:00:00Z", 7_952_400),
        ("America/New_York", .quarter, "2026-Q1", "2026-01-01T05:00:00Z", "2026-04-01T04:00:00Z", 7_772_400),
        ("Asia/Kolkata", .month, "2026-02", "2026-01-31T18:30:00Z", "2026-02-28T18:30:00Z", 2_419_200),
        ("UTC", .quarter, "2024-Q1", "2024-01-01T00:00:00Z", "2024-04-01T00:00:00Z", 7_862_400),
        ("America/Sao_Paulo", .week, "1997-W41", "1997-10-06T03:00:00Z", "1997-10-13T02:00:00Z", 601200),
        ("America/Havana", .month, "2012-04", "2012-04-01T05:00:00Z", "2012-05-01T04:00:00Z", 2_588_400),
        ("America/Asuncion", .quarter, "2023-Q4", "2023-10-01T04:00:00Z", "2024-01-01T03:00:00Z", 7_945_200),
        ("America/St_Johns", .month, "2009-11", "2009-11-01T02:30:00Z", "2009-12-01T03:30:00Z", 2_595_600),
        ("Europe/Amsterdam", .week, "2150-W13", "2150-03-22T23:00:00Z", "2150-03-29T22:00:00Z", 601200),
        ("America/New_York", .month, "1960-04", "1960-04-01T05:00:00Z", "1960-05-01T04:00:00Z", 2_588_400),
    ]

    @Test(
        "periods run from local midnight to local midnight: DST weeks, months, quarters, skipped and repeated midnights",
        arguments: bounds
    )
    func periodBounds(zone: String, period: Period, label: String, start: String, end: String, seconds: Int64) throws {
        let calendar = try calendar(zone, period)
        let first = try instant(start)
        let after = try instant(end)
        let found = calendar.period(containing: first)
        #expect(found == ReportingPeriod(start: first, end: after, label: label))
        #expect(found.seconds == seconds)
        #expect(calendar.period(containing: Timestamp(seconds: after.seconds - 1)) == found)
        #expect(calendar.period(containing: Timestamp(seconds: first.seconds - 1)).end == first)
        #expect(calendar.period(containing: after).start == after)
    }

    // Expected counts: scripts/clock-oracles.py, week_lengths(): Counter(int(datetime.combine(m + timedelta(days=7),
    // time(), tz).timestamp() - datetime.combine(m, time(), tz).timestamp()) for m in mondays), the 53 Mondays from
    // 2025-12-29.
    @Test(
        "the weeks of 2026 last 168 hours, except the two with a DST change",
        arguments: [
            ("Europe/Amsterdam", [601200: 1, 604800: 51, 608400: 1]),
            ("Australia/Lord_Howe", [603000: 1, 604800: 51, 606600: 1]),
            ("America/New_York", [601200: 1, 604800: 51, 608400: 1]),
            ("Asia/Kolkata", [604800: 53]),
        ] as [(String, [Int64: Int])]
    )
    func weekLengths(zone: String, expected: [Int64: Int]) throws {
        let calendar = try calendar(zone, .week)
        let year = calendar.periods(
            from: calendar.period(containing: try instant("2026-01-01T12:00:00Z")).start,
            to: calendar.period(containing: try instant("2026-12-31T12:00:00Z")).end
        )
        #expect(year.count == 53)
        #expect(year.first?.label == "2026-W01")
        #expect(year.last?.label == "2026-W53")
        #expect(Dictionary(grouping: year, by: \.seconds).mapValues(\.count) == expected)
    }

    // Expected values: scripts/clock-oracles.py, random_instants(): random.Random(1729) draws the instants; the label
    // and the bounds come from the local date, datetime.fromtimestamp(instant, ZoneInfo(zone)).date(), as above.
    static let randomInstants: [(String, Period, Int64, String, Int64, Int64)] = [
        ("Europe/Amsterdam", .month, 1_707_693_524, "2024-02", 1_706_742_000, 1_709_247_600),
        ("Asia/Kolkata", .week, 2_064_026_979, "2035-W22", 2_063_903_400, 2_064_508_200),
        ("Europe/Amsterdam", .week, 1_258_594_939, "2009-W47", 1_258_326_000, 1_258_930_800),
        ("America/Santiago", .month, 1_245_805_240, "2009-06", 1_243_828_800, 1_246_420_800),
        ("America/New_York", .week, 2_200_538_239, "2039-W38", 2_200_017_600, 2_200_622_400),
        ("America/Santiago", .month, 643_500_488, "1990-05", 641_534_400, 644_212_800),
        ("America/Santiago", .month, 1_426_554_085, "2015-03", 1_425_178_800, 1_427_857_200),
        ("Asia/Kolkata", .month, 2_106_976_516, "2036-10", 2_106_412_200, 2_109_090_600),
        ("Asia/Kolkata", .quarter, 1_387_474_888, "2013-Q4", 1_380_565_800, 1_388_514_600),
        ("America/Santiago", .week, 1_494_515_732, "2017-W19", 1_494_212_400, 1_494_820_800),
        ("Europe/Amsterdam", .quarter, 743_802_998, "1993-Q3", 741_477_600, 749_430_000),
        ("America/Santiago", .week, 1_794_481_166, "2026-W46", 1_794_193_200, 1_794_798_000),
        ("Asia/Kolkata", .quarter, 1_935_902_778, "2031-Q2", 1_932_748_200, 1_940_610_600),
        ("America/Santiago", .month, 1_385_139_115, "2013-11", 1_383_274_800, 1_385_866_800),
        ("Europe/Amsterdam", .quarter, 1_252_956_493, "2009-Q3", 1_246_399_200, 1_254_348_000),
        ("America/Santiago", .month, 1_892_567_941, "2029-12", 1_890_788_400, 1_893_466_800),
        ("Asia/Kolkata", .month, 1_596_994_270, "2020-08", 1_596_220_200, 1_598_898_600),
        ("Asia/Kolkata", .week, 644_579_218, "1990-W23", 644_437_800, 645_042_600),
        ("Australia/Lord_Howe", .month, 871_238_931, "1997-08", 870_355_800, 873_034_200),
        ("America/New_York", .week, 1_613_604_378, "2021-W07", 1_613_365_200, 1_613_970_000),
        ("Australia/Lord_Howe", .quarter, 1_630_366_249, "2021-Q3", 1_625_059_800, 1_633_008_600),
        ("Europe/Amsterdam", .quarter, 1_571_827_521, "2019-Q4", 1_569_880_800, 1_577_833_200),
        ("America/New_York", .quarter, 1_420_382_561, "2015-Q1", 1_420_088_400, 1_427_860_800),
        ("Australia/Lord_Howe", .quarter, 1_575_060_560, "2019-Q4", 1_569_850_200, 1_577_797_200),
        ("Asia/Kolkata", .week, 1_334_940_922, "2012-W16", 1_334_514_600, 1_335_119_400),
        ("Europe/Amsterdam", .week, 2_200_110_816, "2039-W38", 2_199_996_000, 2_200_600_800),
        ("America/Santiago", .quarter, 1_686_657_195, "2023-Q2", 1_680_318_000, 1_688_184_000),
        ("Europe/Amsterdam", .month, 1_425_338_464, "2015-03", 1_425_164_400, 1_427_839_200),
        ("Asia/Kolkata", .week, 1_880_465_623, "2029-W31", 1_880_044_200, 1_880_649_000),
        ("America/New_York", .quarter, 1_831_768_532, "2028-Q1", 1_830_315_600, 1_838_174_400),
    ]

    @Test("random instants fall in the period Python puts them in", arguments: randomInstants)
    func randomInstant(zone: String, period: Period, instant: Int64, label: String, start: Int64, end: Int64) throws {
        let found = try calendar(zone, period).period(containing: Timestamp(seconds: instant))
        #expect(found == ReportingPeriod(start: Timestamp(seconds: start), end: Timestamp(seconds: end), label: label))
    }

    @Test("an instant in a repeated hour after midnight stays in the period that began at the first midnight")
    func repeatedMidnight() throws {
        // St John's fell back from 00:01 to 23:01 on 2009-11-01: datetime.fromtimestamp(1257042600 + 1800,
        // ZoneInfo("America/St_Johns")) is 2009-10-31 23:30 (the second time), yet November began at 1257042600.
        let calendar = try calendar("America/St_Johns", .month)
        let found = calendar.period(containing: Timestamp(seconds: 1_257_042_600 + 1_800))
        #expect(found.label == "2009-11")
        #expect(found.start == Timestamp(seconds: 1_257_042_600))
    }

    @Test("every period overlapping a range, in order, the end excluded")
    func periodsInRange() throws {
        let months = try calendar("Europe/Amsterdam", .month)
        let from = try instant("2026-02-15T00:00:00+01:00")
        let may = try instant("2026-05-01T00:00:00+02:00")
        #expect(months.periods(from: from, to: may).map(\.label) == ["2026-02", "2026-03", "2026-04"])
        let justAfter = Timestamp(seconds: may.seconds + 1)
        #expect(months.periods(from: from, to: justAfter).map(\.label) == ["2026-02", "2026-03", "2026-04", "2026-05"])
        #expect(months.periods(from: may, to: may).isEmpty)
        #expect(months.periods(from: may, to: from).isEmpty)
        let quarters = try calendar("Europe/Amsterdam", .quarter)
        #expect(quarters.periods(from: from, to: justAfter).map(\.label) == ["2026-Q1", "2026-Q2"])
    }

    @Test(
        "periods tile time with no gap or overlap, inside and outside the years laid out in advance",
        arguments: ["Europe/Amsterdam", "America/Santiago", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Apia"],
        Period.allCases
    )
    func periodsTile(zone: String, period: Period) throws {
        let calendar = try calendar(zone, period)
        // 1965 to 2110: across both ends of the 1970-2100 table.
        let all = calendar.periods(from: try instant("1965-01-01T00:00:00Z"), to: try instant("2110-01-01T00:00:00Z"))
        #expect(Set(all.map(\.label)).count == all.count)
        for (earlier, later) in zip(all, all.dropFirst()) {
            #expect(earlier.end == later.start, "\(earlier) then \(later)")
            #expect(earlier < later)
        }
        for found in all {
            #expect(calendar.period(containing: found.start) == found)
            #expect(calendar.period(containing: Timestamp(seconds: found.end.seconds - 1)) == found)
        }
    }

    @Test("a 2027-01-01 contact in Amsterdam is in 2026-W53, 2027-01 and 2027-Q1")
    func newYear() throws {
        let newYear = try instant("2027-01-01T00:30:00+01:00")
        #expect(try calendar("Europe/Amsterdam", .week).period(containing: newYear).label == "2026-W53")
        #expect(try calendar("Europe/Amsterdam", .month).period(containing: newYear).label == "2027-01")
        #expect(try calendar("Europe/Amsterdam", .quarter).period(containing: newYear).label == "2027-Q1")
        // The same instant is still 2026-12-31 in UTC.
        #expect(try calendar("UTC", .month).period(containing: newYear).label == "2026-12")
    }

    @Test(
        "instants beyond the years 1 to 9999 get the nearest period, whose bounds still print",
        arguments: Period.allCases
    )
    func extremes(period: Period) throws {
        for zone in ["Pacific/Kiritimati", "Etc/GMT+12", "America/New_York"] {
            let calendar = try calendar(zone, period)
            let sentinel = try instant("9999-12-31T23:00:00-05:00")
            for instant in [Timestamp(seconds: .min), Timestamp(seconds: .max), sentinel] {
                let found = calendar.period(containing: instant)
                #expect(found.start < found.end)
                let json = String(decoding: try JSONEncoder().encode(found), as: UTF8.self)
                #expect(json.contains(#""start":"0001-"#) || json.contains(#""start":"9999-"#), "\(json)")
            }
        }
    }

    @Test("the whole range is one period labelled total")
    func total() throws {
        let start = try instant("2026-01-01T00:00:00Z")
        let end = try instant("2026-04-01T00:00:00Z")
        let total = ReportingPeriod.total(from: start, to: end)
        #expect(total.label == "total")
        #expect(total.contains(start))
        #expect(!total.contains(end))
        #expect(total.seconds == 7_776_000)
    }

    @Test("periods sort by start and encode as label, start and end in RFC 3339 UTC")
    func codableAndOrder() throws {
        let weeks = try calendar("Europe/Amsterdam", .week)
        let march = weeks.periods(from: try instant("2026-03-01T00:00:00Z"), to: try instant("2026-04-01T00:00:00Z"))
        #expect(march.reversed().sorted() == march)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let week13 = try #require(march.first { $0.label == "2026-W13" })
        let data = try encoder.encode(week13)
        #expect(
            String(decoding: data, as: UTF8.self)
                == #"{"end":"2026-03-29T22:00:00Z","label":"2026-W13","start":"2026-03-22T23:00:00Z"}"#
        )
        #expect(try JSONDecoder().decode(ReportingPeriod.self, from: data) == week13)
        let offsets = Data(#"{"label":"x","start":"2026-03-23T00:00:00+01:00","end":"2026-03-23T01:00:00+01:00"}"#.utf8)
        #expect(try JSONDecoder().decode(ReportingPeriod.self, from: offsets).seconds == 3_600)
        let backwards = Data(#"{"label":"x","start":"2026-03-23T00:00:00Z","end":"2026-03-22T00:00:00Z"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReportingPeriod.self, from: backwards) }
        let noZone = Data(#"{"label":"x","start":"2026-03-23T00:00:00","end":"2026-03-24T00:00:00Z"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReportingPeriod.self, from: noZone) }
    }

    @Test(
        "a zone Foundation does not know gives no period calendar",
        arguments: ["Mars/Olympus_Mons", "europe/amsterdam", ""]
    )
    func unknownZone(zone: String) {
        #expect(PeriodCalendar(timeZoneIdentifier: zone, period: .week) == nil)
    }
}
