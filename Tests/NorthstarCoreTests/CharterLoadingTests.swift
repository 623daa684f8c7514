import Foundation
import Testing

@testable import NorthstarCore

@Suite("Loading the issue's example charter")
struct CharterExampleLoadingTests {
    let result: CharterLoader.Result
    var charter: Charter { result.charter }

    init() throws {
        result = try CharterLoader.load(contentsOf: CharterTesting.exampleURL.path, today: nil)
    }

    func promise(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Promise {
        try #require(charter.promises.first { $0.id == id }, "no promise `\(id)`", sourceLocation: sourceLocation)
    }

    @Test("it loads from a file with no warnings and names the file in its locations")
    func loadsCleanly() throws {
        let path = try CharterTesting.exampleURL.path
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(charter.file == path)
        #expect(charter.promises.first?.location == NorthstarCore.SourceLocation(file: path, line: 22, column: 5))
    }

    @Test("loading the bytes and loading the file give the same charter")
    func bytesAndFileAgree() throws {
        let text = try CharterTesting.exampleText
        let fromBytes = try CharterTesting.load(text).charter
        #expect(fromBytes.promises.map(\.id) == charter.promises.map(\.id))
        #expect(fromBytes.promises.map(\.target) == charter.promises.map(\.target))
        #expect(fromBytes.vision?.text == charter.vision?.text)
    }

    @Test("the header: format, organisation, owner, time zone and tone")
    func header() {
        #expect(charter.formatVersion == 1)
        #expect(charter.organization == "Acme Support")
        #expect(charter.owner == "Head of Customer Experience")
        #expect(charter.timeZoneIdentifier == "Europe/Amsterdam")
        #expect(charter.tone == .friendly)
        #expect(charter.minimumSample == 20)
    }

    @Test("the statements keep their text, folded, and the place of every character")
    func statements() throws {
        let vision = try #require(charter.vision)
        #expect(vision.text == "Every customer feels confident and cared for after every interaction.")
        #expect(vision.characterLocations.count == vision.text.count)
        #expect(
            vision.location(ofCharacterOffset: 0)
                == NorthstarCore.SourceLocation(file: charter.file, line: 6, column: 9)
        )

        let mission = try #require(charter.mission)
        #expect(
            mission.text == "We answer chats within 30 seconds and emails within 1 hour, fix issues on first contact, "
                + "and follow up until the customer confirms it is done."
        )
        #expect(mission.characterLocations.count == mission.text.count)

        #expect(charter.behaviors.map(\.text) == ["answer", "fix", "explain", "follow up"])
        #expect(charter.behaviors.last?.location(ofCharacterOffset: 0)?.column == 35)
        #expect(charter.values == ["We own every issue end to end."])
    }

    @Test("the words of the folded mission point at their own line and column")
    func foldedMissionLocations() throws {
        let mission = try #require(charter.mission)
        let and = try #require(mission.text.range(of: "and follow up"))
        // The folded text starts on the line after `>-`, indented by two spaces.
        #expect(
            mission.location(ofCharacterOffset: 0)
                == NorthstarCore.SourceLocation(file: charter.file, line: 8, column: 3)
        )
        #expect(mission.location(of: and) == NorthstarCore.SourceLocation(file: charter.file, line: 9, column: 3))

    }

    @Test("seven promises, in file order")
    func promiseIDs() {
        #expect(
            charter.promises.map(\.id) == [
                "chat-first-response", "email-first-response", "enterprise-resolution", "first-contact-resolution",
                "csat", "nps", "median-resolution",
            ]
        )
        #expect(charter.promises.map(\.location?.line) == [22, 27, 33, 37, 41, 44, 48])
    }

    @Test("every promise has its metric, target, clock and period")
    func promiseModel() throws {
        let chat = try promise("chat-first-response")
        #expect(chat.metric == .firstResponse)
        #expect(chat.target == .attainment(within: CharterDuration(seconds: 30), share: Share(fraction: 0.9)))
        #expect(chat.clock == .calendar)
        #expect(chat.period == .week)
        #expect(chat.minimumSample == 20)
        #expect(chat.population.filters == [.channel: ["chat"]])
        #expect(chat.says?.text == "answer chats within 30 seconds")
        #expect(chat.says?.location(ofCharacterOffset: 0)?.line == 23)
        #expect(chat.says?.location(ofCharacterOffset: 0)?.column == 11)

        let email = try promise("email-first-response")
        #expect(email.clock == .business(calendar: "office"))
        #expect(email.target == .attainment(within: CharterDuration(seconds: 3_600), share: Share(fraction: 0.9)))
        #expect(email.population.filters == [.channel: ["email"]])

        let enterprise = try promise("enterprise-resolution")
        #expect(enterprise.metric == .resolution)
        #expect(
            enterprise.target == .attainment(within: CharterDuration(seconds: 4 * 3_600), share: Share(fraction: 0.95))
        )
        #expect(enterprise.says == nil)

        #expect(try promise("first-contact-resolution").target == .atLeast(0.75))
        #expect(try promise("first-contact-resolution").metric == .fcr)
        #expect(try promise("csat").target == .atLeast(0.88))

        let nps = try promise("nps")
        #expect(nps.metric == .nps)
        #expect(nps.target == .atLeast(30))
        #expect(nps.period == .month)

        let median = try promise("median-resolution")
        #expect(median.target == .statistic(.percentile(50), CharterDuration(seconds: 48 * 3_600)))
        #expect(median.target.summary(for: .resolution) == "median ≤ 2d")
        #expect(median.period == .week)
    }

    @Test("a promise's segment narrows its population and is named in it")
    func segmentPopulation() throws {
        let enterprise = try promise("enterprise-resolution")
        #expect(enterprise.population.filters == [.tier: ["enterprise"]])
        #expect(enterprise.population.segments == ["enterprise"])
        #expect(enterprise.population.contains { $0 == .tier ? "enterprise" : nil })
        #expect(!enterprise.population.contains { $0 == .tier ? "smb" : nil })

        #expect(charter.segments["enterprise"]?.filters == [.tier: ["enterprise"]])
        #expect(charter.segments["standard"]?.filters == [.tier: ["standard", "smb"]])
        #expect(charter.segments.count == 2)
        #expect(try promise("csat").population.isEveryone)
    }

    @Test("the office calendar: zone, two blocks on weekdays, one on Saturday, closed on Sunday, holidays")
    func calendar() throws {
        #expect(charter.calendars.map(\.name) == ["office"])
        let office = try #require(charter.calendar(named: "office"))
        #expect(office.timeZoneIdentifier == "Europe/Amsterdam")
        let weekday = [
            OpeningInterval(startMinute: 8 * 60, endMinute: 12 * 60 + 30),
            OpeningInterval(startMinute: 13 * 60 + 30, endMinute: 18 * 60),
        ]
        for day in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] {
            #expect(office.weeklyHours[day] == weekday, "\(day)")
        }
        #expect(office.weeklyHours[.saturday] == [OpeningInterval(startMinute: 9 * 60, endMinute: 13 * 60)])
        #expect(office.weeklyHours[.sunday, default: []].isEmpty)
        #expect(office.weeklyOpenMinutes == 5 * (270 + 270) + 240)
        #expect(!office.isAlwaysOpen)
        #expect(office.holidays == [try day("2026-12-25"), try day("2026-12-26"), try day("2027-01-01")])
    }

    @Test("scope, review, history, sign-offs and buy-in")
    func records() throws {
        #expect(charter.scope == Scope(covers: ["support", "returns", "warranty"], excludes: ["billing"]))
        #expect(
            charter.review
                == Review(cadence: .quarterly, next: LocalDate(year: 2027, month: 1, day: 15), signoff: .annual)
        )
        #expect(charter.history.map(\.version) == ["1.0.0", "1.1.0"])
        #expect(charter.history.map(\.date) == [try day("2025-04-01"), try day("2026-01-10")])
        #expect(charter.history.last?.note == "Chat target tightened to 30 seconds")
        #expect(charter.currentVersion == "1.1.0")
        let signoff = Signoff(
            by: "CX Steering Committee",
            role: "approver",
            date: try day("2025-03-12"),
            version: "1.0.0"
        )
        #expect(charter.signoffs == [signoff])
        let buyIn = try #require(charter.buyIn)
        #expect(buyIn.agree == Share(fraction: 0.82))
        #expect(buyIn.responses == 45)
        #expect(buyIn.surveyed == LocalDate(year: 2026, month: 10, day: 1))
        #expect(buyIn.teamSize == nil)
    }

    @Test("dates after `today` are warned about, and only then")
    func todayDependentWarnings() throws {
        let text = try CharterTesting.exampleText
        let june2026 = try CharterTesting.load(text, today: LocalDate(year: 2026, month: 6, day: 1)).warnings
        #expect(june2026.map(\.code) == ["future-date"])
        #expect(june2026.first?.keyPath == "buyIn.surveyed")
        #expect(june2026.first?.location.line == 58)

        let june2027 = try CharterTesting.load(text, today: LocalDate(year: 2027, month: 6, day: 1)).warnings
        #expect(june2027.map(\.code) == ["review-overdue"])
        #expect(
            june2027.first?.location == NorthstarCore.SourceLocation(file: CharterTesting.file, line: 52, column: 36)
        )
    }
}

@Suite("Charter defaults")
struct CharterDefaultsTests {
    @Test("an unspecified period, sample size and clock fall back to week, 20 and calendar time")
    func defaults() throws {
        let result = try CharterTesting.load(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - id: chat
                metric: first-response
                target: {within: 30s, share: 90%}
            """
        )
        let promise = try #require(result.charter.promises.first)
        #expect(promise.period == .week)
        #expect(promise.minimumSample == 20)
        #expect(promise.clock == .calendar)
        #expect(promise.population.isEveryone)
        #expect(result.charter.tone == .friendly)
        #expect(result.charter.minimumSample == 20)
        #expect(result.warnings.isEmpty)
    }

    @Test("a charter-wide minimum sample is every promise's default; a promise may override it")
    func minimumSample() throws {
        let charter = try CharterTesting.load(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            minimumSample: 50
            promises:
              - id: chat
                metric: first-response
                target: {within: 30s, share: 90%}
              - id: email
                metric: first-response
                minimumSample: 5
                clock: calendar
                period: quarter
                target: {p99.5: 2h}
            """
        ).charter
        #expect(charter.minimumSample == 50)
        #expect(charter.promises.map(\.minimumSample) == [50, 5])
        #expect(charter.promises.last?.clock == .calendar)
        #expect(charter.promises.last?.period == .quarter)
        #expect(charter.promises.last?.target == .statistic(.percentile(99.5), CharterDuration(seconds: 7_200)))
    }

    @Test("no time zone means UTC, with a warning that says how to set one")
    func missingTimeZone() throws {
        let result = try CharterTesting.load(
            """
            northstar: 1
            organization: Acme Support
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - {id: chat, metric: first-response, target: {within: 30s, share: 90%}}
            """
        )
        #expect(result.charter.timeZoneIdentifier == "UTC")
        expectDiagnostic(
            in: result.warnings,
            "default-time-zone",
            keyPath: "timezone",
            at: "1:1",
            severity: .warning,
            mentioning: ["UTC", "timezone: Europe/Amsterdam"]
        )
    }

    @Test("`hours: 24/7` is open around the clock")
    func alwaysOpen() throws {
        let charter = try CharterTesting.load(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              support: {hours: 24/7}
            promises:
              - {id: chat, metric: first-response, clock: support, target: {within: 30s, share: 90%}}
            """
        ).charter
        let support = try #require(charter.calendar(named: "support"))
        #expect(support.isAlwaysOpen)
        #expect(support.weeklyOpenMinutes == 7 * 1_440)
        #expect(support.timeZoneIdentifier == "Europe/Amsterdam")
    }
}

@Suite("Statement locations")
struct CharterStatementLocationTests {
    func statements(_ text: String) throws -> Charter {
        try CharterTesting.load(text).charter
    }

    @Test("a quoted statement over two lines points at each word")
    func quoted() throws {
        let charter = try statements(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: "Every customer feels
              cared for."
            mission: We answer chats within 30 seconds.
            """
        )
        let vision = try #require(charter.vision)
        #expect(vision.text == "Every customer feels cared for.")
        let cared = try #require(vision.text.range(of: "cared"))
        #expect(
            vision.location(ofCharacterOffset: 0)
                == NorthstarCore.SourceLocation(file: "test.yaml", line: 4, column: 10)
        )
        #expect(vision.location(of: cared) == NorthstarCore.SourceLocation(file: "test.yaml", line: 5, column: 3))
        let thirty = try #require(charter.mission?.text.range(of: "30"))
        #expect(charter.mission?.location(of: thirty)?.column == 33)
    }

    @Test("a literal or folded statement points at each word on its own line", arguments: ["|", ">", ">-", "|-"])
    func blockScalar(indicator: String) throws {
        let charter = try statements(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: \(indicator)
              We answer chats
              within 30 seconds.
            """
        )
        let mission = try #require(charter.mission)
        #expect(mission.text.hasPrefix("We answer chats"))
        let within = try #require(mission.text.range(of: "within"))
        #expect(
            mission.location(ofCharacterOffset: 0)
                == NorthstarCore.SourceLocation(file: "test.yaml", line: 6, column: 3)
        )
        #expect(mission.location(of: within) == NorthstarCore.SourceLocation(file: "test.yaml", line: 7, column: 3))

    }
}

@Suite("Durations")
struct CharterDurationTests {
    @Test(
        "are written with a unit, largest unit first",
        arguments: [
            ("30s", 30), ("15m", 900), ("1h", 3_600), ("2d", 172_800), ("1h30m", 5_400), ("2d4h", 187_200),
            ("1d2h3m4s", 93_784), ("90m", 5_400), ("0s", 0), (" 45s ", 45), ("1H", 3_600),
        ]
    )
    func accepted(text: String, seconds: Int) {
        #expect(CharterDuration(parsing: text)?.seconds == seconds)
    }

    @Test(
        "are refused without a unit, out of order, fractional, empty or negative",
        arguments: [
            "30", "1m1h", "1.5h", "", "-5m", "1h1h", "h", "5w", "1h 30m", "ten minutes", "9999999999s",
        ]
    )
    func refused(text: String) {
        #expect(CharterDuration(parsing: text) == nil)
    }

    @Test(
        "print in their shortest exact spelling",
        arguments: [(5_400, "1h30m"), (45, "45s"), (0, "0s"), (90_061, "1d1h1m1s")]
    )
    func description(seconds: Int, text: String) {
        #expect(CharterDuration(seconds: seconds).description == text)
    }
}

@Suite("Shares")
struct CharterShareTests {
    @Test(
        "are written as a percentage or a fraction",
        arguments: [
            ("90%", 0.9), ("0.9", 0.9), ("92.5%", 0.925), ("100%", 1.0), ("0", 0.0), (" 75 % ", 0.75), ("1", 1.0),
        ]
    )
    func accepted(text: String, fraction: Double) throws {
        let share = try Share.parse(text).get()
        #expect(share.fraction == fraction)
    }

    @Test("a bare whole number above 1 is ambiguous, not 90 times everything")
    func ambiguous() {
        #expect(Share.parse("90") == .failure(.ambiguousWholeNumber(90)))
        #expect(Share.parse("1.5") == .failure(.ambiguousWholeNumber(1.5)))
    }

    @Test("text that is not a number is refused", arguments: ["abc", "", "%", "ninety%", "nan", "inf%"])
    func notANumber(text: String) {
        #expect(Share.parse(text) == .failure(.notANumber))
    }

    @Test("print as people read them", arguments: [(0.9, "90%"), (0.925, "92.5%"), (1.0, "100%"), (0.0, "0%")])
    func description(fraction: Double, text: String) {
        #expect(Share(fraction: fraction).description == text)
    }
}

@Suite("Dates")
struct CharterLocalDateTests {
    @Test(
        "leap days exist in leap years only",
        arguments: [
            (2024, true), (2000, true), (2028, true), (2026, false), (1900, false), (2100, false),
        ]
    )
    func leapDays(year: Int, leap: Bool) {
        let text = "\(year)-02-29"
        switch LocalDate.parse(text) {
        case .success(let date):
            #expect(leap, "\(text) should not exist")
            #expect(date == LocalDate(year: year, month: 2, day: 29))
        case .failure(let failure):
            #expect(!leap, "\(text) should exist")
            #expect(failure == .impossible("February \(year) has 28 days"))
        }
    }

    @Test(
        "an impossible date says why",
        arguments: [
            ("2026-02-30", "February 2026 has 28 days"), ("2027-02-29", "February 2027 has 28 days"),
            ("2026-04-31", "April 2026 has 30 days"), ("2026-13-01", "there is no month 13"),
            ("2026-00-10", "there is no month 0"),
        ]
    )
    func impossible(text: String, reason: String) {
        #expect(LocalDate.parse(text) == .failure(.impossible(reason)))
    }

    @Test(
        "anything but YYYY-MM-DD is malformed",
        arguments: [
            "2026-2-3", "26-02-03", "2026/02/03", "", "2026-02-03T10:00", "tomorrow", "2026-02", "２０２６-02-03",
        ]
    )
    func malformed(text: String) {
        #expect(LocalDate.parse(text) == .failure(.malformed))
    }

    @Test("count days from 1970-01-01 and print as written")
    func arithmetic() throws {
        let newYear = try #require(LocalDate(year: 2026, month: 1, day: 1))
        // Oracle: Python's `(date(2026, 1, 1) - date(1970, 1, 1)).days`.
        #expect(newYear.daysSinceEpoch == 20_454)
        #expect(LocalDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(LocalDate(year: 2000, month: 2, day: 29)?.daysSinceEpoch == 11_016)
        #expect(newYear.adding(days: -1) == LocalDate(year: 2025, month: 12, day: 31))
        #expect(LocalDate(year: 2024, month: 2, day: 28)?.adding(days: 1) == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate(year: 7, month: 3, day: 9)?.description == "0007-03-09")
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
    }
}

@Suite("Blocks of opening hours")
struct CharterOpeningIntervalTests {
    @Test(
        "parse as minutes since midnight; 24:00 ends the day",
        arguments: [
            ("08:00-12:30", 480, 750), ("9:00-17:00", 540, 1_020), ("00:00-24:00", 0, 1_440),
            ("22:00-24:00", 1_320, 1_440),
            (" 13:30 - 18:00 ", 810, 1_080),
        ]
    )
    func accepted(text: String, start: Int, end: Int) {
        #expect(OpeningInterval.parse(text) == .success(OpeningInterval(startMinute: start, endMinute: end)))
    }

    @Test(
        "a time that does not exist is named",
        arguments: [
            ("25:00-26:00", "25:00"), ("09:75-10:00", "09:75"), ("24:00-24:30", "24:30"),
            ("08:00-24:01", "24:01"),
        ]
    )
    func invalidTime(text: String, time: String) {
        #expect(OpeningInterval.parse(text) == .failure(.invalidTime(time)))
    }

    @Test("a block cannot start at 24:00, the end of the day")
    func startsAtEndOfDay() {
        #expect(OpeningInterval.parse("24:00-24:00") == .failure(.startsAtMidnightEnd))
    }

    @Test("a block that ends before it starts crosses midnight")
    func crossesMidnight() {
        #expect(OpeningInterval.parse("22:00-06:00") == .failure(.crossesMidnight(start: "22:00", end: "06:00")))
        #expect(OpeningInterval.parse("09:00-09:00") == .failure(.empty))
    }

    @Test(
        "anything but HH:MM-HH:MM is malformed",
        arguments: ["9-5", "0900-1700", "08:00", "08:00-12:00-13:00", "", "noon-3pm"]
    )
    func malformed(text: String) {
        #expect(OpeningInterval.parse(text) == .failure(.malformed))
    }

    @Test("overlap means sharing a minute; touching end to start is fine")
    func overlaps() {
        let morning = OpeningInterval(startMinute: 480, endMinute: 750)
        #expect(morning.overlaps(OpeningInterval(startMinute: 720, endMinute: 780)))
        #expect(!morning.overlaps(OpeningInterval(startMinute: 750, endMinute: 780)))
        #expect(morning.description == "08:00-12:30")
        #expect(morning.minutes == 270)
    }
}

@Suite("Days of the week")
struct CharterWeekdayTests {
    @Test(
        "days, ranges, wrapping ranges, lists and names",
        arguments: [
            ("mon-fri", [Weekday.monday, .tuesday, .wednesday, .thursday, .friday]),
            ("fri-mon", [.friday, .saturday, .sunday, .monday]),
            ("mon,wed", [.monday, .wednesday]),
            ("mon, wed-thu", [.monday, .wednesday, .thursday]),
            ("weekdays", [.monday, .tuesday, .wednesday, .thursday, .friday]),
            ("weekends", [.saturday, .sunday]),
            ("Monday", [.monday]),
            ("sun", [.sunday]),
            ("daily", Weekday.allCases),
        ]
    )
    func days(text: String, days: [Weekday]) {
        #expect(Weekday.days(in: text) == days)
    }

    @Test("anything else is not a day", arguments: ["funday", "", "mon-", "mon-tue-wed", "mo", "1"])
    func refused(text: String) {
        #expect(Weekday.days(in: text) == nil)
    }

    @Test("Sunday is followed by Monday")
    func next() {
        #expect(Weekday.sunday.next == .monday)
        #expect(Weekday.friday.next == .saturday)
    }
}

@Suite("Target statistics")
struct CharterStatisticTests {
    @Test(
        "median, mean and percentiles strictly between 0 and 100",
        arguments: [
            ("median", PromiseTarget.Statistic.percentile(50)), ("mean", .mean), ("p50", .percentile(50)),
            ("p90", .percentile(90)), ("p99.5", .percentile(99.5)), ("p1", .percentile(1)),
            ("P90", .percentile(90)), ("Median", .percentile(50)),
        ]
    )
    func accepted(text: String, statistic: PromiseTarget.Statistic) {
        #expect(PromiseTarget.Statistic(parsing: text) == statistic)
    }

    @Test(
        "p0, p100 and other spellings are refused",
        arguments: [
            "p0", "p100", "p101", "p", "p-5", "p1e1", "average", "90", "pnan", "p 90", "p.5", "p5.", "p9.9.9",
        ]
    )
    func refused(text: String) {
        #expect(PromiseTarget.Statistic(parsing: text) == nil)
    }

    @Test(
        "print as written",
        arguments: [
            (PromiseTarget.Statistic.percentile(50), "median"), (.percentile(90), "p90"), (.percentile(99.5), "p99.5"),
            (.mean, "mean"),
        ]
    )
    func description(statistic: PromiseTarget.Statistic, text: String) {
        #expect(statistic.description == text)
    }
}

@Suite("Did you mean")
struct CharterSuggestionTests {
    @Test(
        "suggests the closest plausible spelling",
        arguments: [
            ("promsies", ["promises", "values"], "promises"),
            ("calender", ["calendars", "segments"], "calendars"),
            ("frist-response", Metric.allCases.map(\.rawValue), "first-response"),
            ("freindly", Tone.allCases.map(\.rawValue), "friendly"),
            ("CSAT", Metric.allCases.map(\.rawValue), "csat"),
            ("organisation", ["organization", "owner"], "organization"),
        ]
    )
    func closest(word: String, candidates: [String], expected: String) {
        #expect(Suggestion.closest(to: word, in: candidates) == expected)
    }

    @Test(
        "stays quiet when nothing is close",
        arguments: [
            ("xyzzy", ["promises", "values"]), ("banana", Metric.allCases.map(\.rawValue)), ("a", ["tone"]),
            ("anything", []),
        ]
    )
    func none(word: String, candidates: [String]) {
        #expect(Suggestion.closest(to: word, in: candidates) == nil)
        #expect(Suggestion.didYouMean(word, in: candidates).isEmpty)
    }

    @Test("counts a swap of neighbours as one edit")
    func transposition() {
        #expect(Suggestion.editDistance("teh", "the") == 1)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.didYouMean("tnoe", in: ["tone"]) == " Did you mean `tone`?")
    }
}
