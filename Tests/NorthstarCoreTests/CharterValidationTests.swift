import Foundation
import Testing

@testable import NorthstarCore

// Every charter below is written out in full, so `line` in an assertion is the line of the literal and
// `column` counts from its first character. Unless a test says otherwise, lines 1–5 are the same valid
// header and `today` is unknown (no date checks).

@Suite("Unknown keys and names")
struct CharterUnknownKeysAndNamesTests {
    @Test(
        "an unknown top-level key is reported with the nearest key",
        arguments: [
            ("promsies", "promises"), ("organisation", "organization"), ("calender", "calendars"), ("buyin", "buyIn"),
        ]
    )
    func unknownTopLevelKey(key: String, suggestion: String) {
        let diagnostics = CharterTesting.problems(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            \(key): []
            """
        )
        expectDiagnostic(
            in: diagnostics,
            "unknown-key",
            keyPath: key,
            at: "6:1",
            mentioning: [key, "Did you mean `\(suggestion)`?"]
        )
    }

    @Test("an unknown top-level key with no near spelling lists the keys allowed")
    func unknownTopLevelKeyWithoutSuggestion() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            colour: blue
            """
        )
        let diagnostic = expectDiagnostic(
            in: errors,
            "unknown-key",
            keyPath: "colour",
            at: "6:1",
            mentioning: ["Allowed here:", "promises", "mission"]
        )
        #expect(diagnostic?.message.contains("Did you mean") == false)
        #expect(errors.count == 1)
    }

    @Test("unknown keys inside calendars, promises, targets, filters and records name the nearest key")
    func unknownNestedKeys() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office:
                hours: {mon-fri: ["09:00-17:00"]}
                hollidays: [2026-12-25]
            promises:
              - id: chat
                metirc: first-response
                metric: first-response
                where: {chanel: chat}
                target: {within: 30s, shar: 90%}
            review: {cadance: quarterly, next: 2027-01-15}
            history:
              - {version: 1.0.0, date: 2025-04-01, notes: Published}
            signoffs:
              - {by: CX Steering Committee, rol: approver, date: 2025-03-12}
            buyIn: {surveyed: 2026-10-01, agree: 82%, responses: 45, teamsize: 60}
            scope: {covers: [support], exclude: [billing]}
            """
        )
        let expected: [(keyPath: String, line: Int, column: Int, suggestion: String)] = [
            ("calendars.office.hollidays", 9, 5, "holidays"),
            ("promises[0].metirc", 12, 5, "metric"),
            ("promises[0].where.chanel", 14, 13, "channel"),
            ("promises[0].target.shar", 15, 27, "share"),
            ("review.cadance", 16, 10, "cadence"),
            ("history[0].notes", 18, 40, "note"),
            ("signoffs[0].rol", 20, 33, "role"),
            ("buyIn.teamsize", 21, 58, "teamSize"),
            ("scope.exclude", 22, 28, "excludes"),
        ]
        for key in expected {
            expectDiagnostic(
                in: errors,
                "unknown-key",
                keyPath: key.keyPath,
                at: "\(key.line):\(key.column)",
                mentioning: ["Did you mean `\(key.suggestion)`?"]
            )
        }
        // The misspelt `shar` also leaves the target without its share, which is worth saying too.
        expectDiagnostic(in: errors, "missing-key", keyPath: "promises[0].target", at: "15:13", mentioning: ["share"])
        #expect(errors.count == expected.count + 1, "\(errors)")
    }

    @Test("an unknown metric, calendar, segment or tone gets a did-you-mean")
    func unknownNames() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            tone: freindly
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office: {hours: {mon-fri: ["09:00-17:00"]}}
            segments:
              enterprise: {tier: enterprise}
            promises:
              - id: chat
                metric: frist-response
                target: {within: 30s, share: 90%}
              - id: email
                metric: first-response
                clock: ofice
                where: {segment: enterprize}
                target: {within: 1h, share: 90%}
            """
        )
        expectDiagnostic(
            in: errors,
            "unknown-tone",
            keyPath: "tone",
            at: "4:7",
            mentioning: ["`freindly`", "Did you mean `friendly`?", "friendly, expert or calm"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-metric",
            keyPath: "promises[0].metric",
            at: "13:13",
            mentioning: ["`frist-response`", "Did you mean `first-response`?"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-calendar",
            keyPath: "promises[1].clock",
            at: "17:12",
            mentioning: ["`ofice`", "Did you mean `office`?", "Calendars defined: office"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-segment",
            keyPath: "promises[1].where.segment",
            at: "18:22",
            mentioning: ["`enterprize`", "Did you mean `enterprise`?", "Segments defined: enterprise"]
        )
        #expect(errors.count == 4, "\(errors)")
    }

    @Test("an unknown metric with no near spelling lists every metric")
    func unknownMetric() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - id: happiness
                metric: happiness
                target: {atLeast: 90%}
            """
        )
        let diagnostic = expectDiagnostic(
            in: errors,
            "unknown-metric",
            keyPath: "promises[0].metric",
            at: "8:13",
            mentioning: ["`happiness`"] + Metric.allCases.map(\.rawValue)
        )
        #expect(diagnostic?.message.contains("Did you mean") == false)
        #expect(errors.count == 1, "\(errors)")
    }

    @Test("a calendar or segment used but never defined says where to define it")
    func undefinedCalendarAndSegment() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - id: email
                metric: first-response
                clock: office
                where: {segment: enterprise}
                target: {within: 1h, share: 90%}
            """
        )
        expectDiagnostic(
            in: errors,
            "unknown-calendar",
            keyPath: "promises[0].clock",
            at: "9:12",
            mentioning: ["`office`", "calendars:", "clock: calendar"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-segment",
            keyPath: "promises[0].where.segment",
            at: "10:22",
            mentioning: ["`enterprise`", "segments:"]
        )
        #expect(errors.count == 2, "\(errors)")
    }
}

@Suite("Targets")
struct CharterTargetValidationTests {
    @Test("targets that cannot be met, or cannot be missed, are out of range")
    func outOfRange() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - {id: a, metric: csat, target: {atLeast: 120%}}
              - {id: b, metric: nps, target: {atLeast: 150}}
              - {id: c, metric: first-response, target: {within: 1h, share: 0}}
              - {id: d, metric: abandonment, target: {atMost: 100%}}
              - {id: e, metric: csat, target: {atLeast: 0%}}
              - {id: f, metric: first-response, target: {within: 1h, share: 120%}}
              - {id: g, metric: nps, target: {atMost: -101}}
              - {id: h, metric: first-response, target: {within: 0s, share: 90%}}
              - {id: i, metric: csat, target: {atLeast: 120}}
            """
        )
        let expected: [(keyPath: String, line: Int, column: Int, words: [String])] = [
            ("promises[0].target.atLeast", 7, 45, ["CSAT of 120% is impossible", "0%", "100%"]),
            ("promises[1].target.atLeast", 8, 44, ["NPS of 150 points is impossible", "-100", "+100"]),
            ("promises[2].target.share", 9, 65, ["0%", "doing nothing", "above 0%"]),
            ("promises[3].target.atMost", 10, 51, ["atMost 100%", "promises nothing", "can be missed"]),
            ("promises[4].target.atLeast", 11, 45, ["atLeast 0%", "promises nothing"]),
            ("promises[5].target.share", 12, 65, ["120%", "more than all samples"]),
            ("promises[6].target.atMost", 13, 43, ["-101 points", "impossible"]),
            ("promises[7].target.within", 14, 54, ["0", "never be met", "positive"]),
            ("promises[8].target.atLeast", 15, 45, ["CSAT of 120% is impossible"]),
        ]
        for problem in expected {
            expectDiagnostic(
                in: errors,
                "out-of-range",
                keyPath: problem.keyPath,
                at: "\(problem.line):\(problem.column)",
                mentioning: problem.words
            )
        }
        #expect(errors.count == expected.count, "\(errors)")
    }

    @Test("a target's form must suit its metric, and a target has one form")
    func formMismatches() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - id: a
                metric: first-response
                target: {atLeast: 90%}
              - id: b
                metric: csat
                target: {within: 1h, share: 90%}
              - id: c
                metric: resolution
                target: {within: 4h}
              - id: d
                metric: resolution
                target: {within: 4h, share: 95%, median: 2h}
              - id: e
                metric: nps
                target: {atLeast: 30, atMost: 60}
              - id: f
                metric: resolution
                target:
                  p90: 4h
                  mean: 2h
            """
        )
        expectDiagnostic(
            in: errors,
            "target-form",
            keyPath: "promises[0].target",
            at: "9:13",
            mentioning: ["`first-response` is a duration", "{within: 1h, share: 90%}"]
        )
        expectDiagnostic(
            in: errors,
            "target-form",
            keyPath: "promises[1].target",
            at: "12:13",
            mentioning: ["`csat` is a rate", "{atLeast: 75%}"]
        )
        expectDiagnostic(
            in: errors,
            "missing-key",
            keyPath: "promises[2].target",
            at: "15:13",
            mentioning: ["`within` needs `share`", "share: 90%"]
        )
        expectDiagnostic(
            in: errors,
            "mixed-target",
            keyPath: "promises[3].target",
            at: "18:13",
            mentioning: ["`within`", "`share`", "`median`", "Split it"]
        )
        expectDiagnostic(
            in: errors,
            "mixed-target",
            keyPath: "promises[4].target",
            at: "21:13",
            mentioning: ["`atLeast`", "`atMost`"]
        )
        expectDiagnostic(
            in: errors,
            "mixed-target",
            keyPath: "promises[5].target",
            at: "25:7",
            mentioning: ["`p90`", "`mean`"]
        )
        #expect(errors.count == 6, "\(errors)")
    }

    @Test("NPS written as a percentage is refused: NPS is in points")
    func npsAsPercentage() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - {id: nps, metric: nps, target: {atLeast: 30%}}
            """
        )
        expectDiagnostic(
            in: errors,
            "invalid-score",
            keyPath: "promises[0].target.atLeast",
            at: "7:46",
            mentioning: ["points, not percent", "`30%`", "Write `30`"]
        )
        #expect(errors.count == 1, "\(errors)")
    }

    @Test("a bare 90 as a share or a rate is ambiguous and the fix says 90%")
    func ambiguousShare() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - {id: chat, metric: first-response, target: {within: 30s, share: 90}}
              - {id: csat, metric: csat, target: {atLeast: 90}}
            """
        )
        expectDiagnostic(
            in: errors,
            "invalid-share",
            keyPath: "promises[0].target.share",
            at: "7:69",
            mentioning: ["`90` is ambiguous", "Write 90%"]
        )
        expectDiagnostic(
            in: errors,
            "invalid-share",
            keyPath: "promises[1].target.atLeast",
            at: "8:48",
            mentioning: ["`90` is ambiguous", "Write 90%"]
        )
        #expect(errors.count == 2, "\(errors)")
    }

    @Test("a duration without a unit, or in words, is refused with the spellings that work")
    func durationWithoutUnit() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - {id: chat, metric: first-response, target: {within: 30, share: 90%}}
              - {id: slow, metric: resolution, target: {median: 2 hours}}
            """
        )
        expectDiagnostic(
            in: errors,
            "invalid-duration",
            keyPath: "promises[0].target.within",
            at: "7:57",
            mentioning: ["`30` is not a duration", "`30s`", "`30m`", "`30h`"]
        )
        expectDiagnostic(
            in: errors,
            "invalid-duration",
            keyPath: "promises[1].target.median",
            at: "8:53",
            mentioning: ["`2 hours`", "1h30m"]
        )
        #expect(errors.count == 2, "\(errors)")
    }

    @Test("a misspelt statistic is reported once, as an unknown key with the nearest statistic")
    func misspeltStatistic() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - {id: resolution, metric: resolution, target: {medain: 48h}}
            """
        )
        expectDiagnostic(
            in: errors,
            "unknown-key",
            keyPath: "promises[0].target.medain",
            at: "7:51",
            mentioning: ["Did you mean `median`?"]
        )
        #expect(errors.count == 1, "\(errors)")
        #expect(!errors.contains { $0.message.contains("`share`") }, "\(errors)")

    }
}

@Suite("Opening hours")
struct CharterOpeningHoursValidationTests {
    @Test("malformed blocks, impossible times and unknown days are each reported")
    func malformedHours() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office:
                hours:
                  mon-fri: ["9-5"]
                  sat: "25:00-26:00"
                  sun: ["09:75-10:00", "10:00-10:00"]
                  mnday: ["09:00-17:00"]
            """
        )
        expectDiagnostic(
            in: errors,
            "malformed-hours",
            keyPath: "calendars.office.hours.mon-fri[0]",
            at: "9:17",
            mentioning: ["`9-5`", "HH:MM-HH:MM"]
        )
        expectDiagnostic(
            in: errors,
            "malformed-hours",
            keyPath: "calendars.office.hours.sat",
            at: "10:12",
            mentioning: ["`25:00` is not a time of day", "00:00 to 24:00"]
        )
        expectDiagnostic(
            in: errors,
            "malformed-hours",
            keyPath: "calendars.office.hours.sun[0]",
            at: "11:13",
            mentioning: ["`09:75`"]
        )
        expectDiagnostic(
            in: errors,
            "malformed-hours",
            keyPath: "calendars.office.hours.sun[1]",
            at: "11:28",
            mentioning: ["opens and closes at the same time"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-day",
            keyPath: "calendars.office.hours.mnday",
            at: "12:7",
            mentioning: ["`mnday`", "Did you mean `monday`?", "mon-fri"]
        )
        #expect(errors.count == 5, "\(errors)")
    }

    @Test("overlapping blocks on the same day key are reported at the later block")
    func overlappingBlocks() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office:
                hours:
                  mon-fri: ["08:00-12:30", "12:00-13:00"]
                  sat: ["09:00-13:00", "13:00-15:00"]
            """
        )
        expectDiagnostic(
            in: errors,
            "overlapping-hours",
            keyPath: "calendars.office.hours.mon-fri",
            at: "9:32",
            mentioning: ["on mon-fri", "`12:00-13:00` overlaps `08:00-12:30`", "line 9", "Merge"]
        )
        // Saturday's blocks touch end to start, which is allowed.
        #expect(errors.count == 1, "\(errors)")
    }

    @Test("overlapping blocks from two day keys (mon-fri and mon) are caught, naming the other key and line")
    func overlappingAcrossDayKeys() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office:
                hours:
                  mon-fri: ["09:00-17:00"]
                  mon: ["16:00-18:00"]
                  wed: ["08:00-09:00"]
            """
        )
        expectDiagnostic(
            in: errors,
            "overlapping-hours",
            keyPath: "calendars.office.hours.mon",
            at: "10:13",
            mentioning: ["on mon ", "`16:00-18:00` overlaps `09:00-17:00`", "from `mon-fri`, line 9"]
        )
        #expect(errors.count == 1, "\(errors)")
    }

    @Test(
        "an overlap on a wrapping range or a list of days names those days, not a range between them",
        arguments: [
            ("fri-mon", "mon-sun"), ("mon,wed", "mon-wed"),
        ]
    )
    func overlapDaysAreNamedExactly(dayKey: String, wrongSummary: String) {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office:
                hours:
                  \(dayKey): ["09:00-12:00", "11:00-13:00"]
            """
        )
        let diagnostic = expectDiagnostic(
            in: errors,
            "overlapping-hours",
            keyPath: "calendars.office.hours.\(dayKey)",
            at: "9:32",
            mentioning: ["`11:00-13:00` overlaps `09:00-12:00`"]
        )
        #expect(diagnostic?.message.contains("on \(wrongSummary) ") == false, "\(String(describing: diagnostic))")

    }

    @Test("a block crossing midnight is refused with the split into two days spelled out")
    func crossingMidnight() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office:
                hours:
                  fri: ["22:00-02:00"]
                  sun: "23:00-01:00"
            """
        )
        expectDiagnostic(
            in: errors,
            "crosses-midnight",
            keyPath: "calendars.office.hours.fri[0]",
            at: "9:13",
            mentioning: ["crosses midnight", "\"22:00-24:00\" on fri", "\"00:00-02:00\" on sat"]
        )
        expectDiagnostic(
            in: errors,
            "crosses-midnight",
            keyPath: "calendars.office.hours.sun",
            at: "10:12",
            mentioning: ["\"23:00-24:00\" on sun", "\"00:00-01:00\" on mon"]
        )
        #expect(errors.count == 2, "\(errors)")
    }

    @Test("a calendar that is never open is reported, even when the charter has other problems")
    func neverOpen() {
        let alone = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office: {hours: {mon: closed, sun: []}}
            """
        )
        expectDiagnostic(
            in: alone,
            "no-hours",
            keyPath: "calendars.office.hours",
            at: "7:19",
            mentioning: ["never open"]
        )

        let withAnotherProblem = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            tone: grumpy
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office: {hours: {mon: closed, sun: []}}
            """
        )
        #expect(withAnotherProblem.contains { $0.code == "unknown-tone" })
        #expect(withAnotherProblem.contains { $0.code == "no-hours" }, "\(withAnotherProblem)")

    }
}

@Suite("Time zones")
struct CharterTimeZoneValidationTests {
    @Test(
        "a near miss of an IANA zone gets a did-you-mean",
        arguments: [
            ("Europe/Amsterdm", "Europe/Amsterdam"), ("America/NewYork", "America/New_York"),
            ("europe/amsterdam", "Europe/Amsterdam"),
        ]
    )
    func nearMiss(zone: String, suggestion: String) {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: \(zone)
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            """
        )
        expectDiagnostic(
            in: errors,
            "invalid-time-zone",
            keyPath: "timezone",
            at: "3:11",
            mentioning: ["`\(zone)` is not an IANA time zone", "Did you mean `\(suggestion)`?"]
        )
        #expect(errors.count == 1, "\(errors)")
    }

    @Test(
        "nonsense and abbreviations get examples, not a guess",
        arguments: ["Mars/Olympus_Mons", "xyzzy", "CET", "EST"]
    )
    func nonsense(zone: String) {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office:
                timezone: \(zone)
                hours: {mon-fri: ["09:00-17:00"]}
            """
        )
        let diagnostic = expectDiagnostic(
            in: errors,
            "invalid-time-zone",
            keyPath: "calendars.office.timezone",
            at: "8:15",
            mentioning: ["`\(zone)`", "Europe/Amsterdam", "abbreviations"]
        )
        #expect(diagnostic?.message.contains("Did you mean") == false)
        #expect(errors.count == 1, "\(errors)")
    }

    @Test(
        "IANA names are accepted, in the charter and in a calendar",
        arguments: [
            "Europe/Amsterdam", "America/New_York", "Asia/Kolkata", "Etc/UTC",
        ]
    )
    func accepted(zone: String) throws {
        let charter = try CharterTesting.load(
            """
            northstar: 1
            organization: Acme Support
            timezone: \(zone)
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office: {timezone: \(zone), hours: {mon-fri: ["09:00-17:00"]}}
            """
        ).charter
        #expect(charter.timeZoneIdentifier == zone)
        #expect(charter.calendar(named: "office")?.timeZoneIdentifier == zone)
    }

    @Test("`timezone: UTC` is accepted and kept as UTC, the name the charter and the docs use")
    func utc() throws {
        let charter = try CharterTesting.load(
            """
            northstar: 1
            organization: Acme Support
            timezone: UTC
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            """
        ).charter
        #expect(TimeZone(identifier: charter.timeZoneIdentifier)?.secondsFromGMT() == 0)
        #expect(charter.timeZoneIdentifier == "UTC")

    }
}

@Suite("Promises")
struct CharterPromiseValidationTests {
    @Test("a duplicate promise id points at the second and names the line of the first")
    func duplicateIDs() {
        let errors = CharterTesting.errors(
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
              - id: email
                metric: first-response
                target: {within: 1h, share: 90%}
              - id: chat
                metric: csat
                target: {atLeast: 88%}
            """
        )
        expectDiagnostic(
            in: errors,
            "duplicate-id",
            keyPath: "promises[2].id",
            at: "13:9",
            mentioning: ["`chat` is already used (line 7)", "its own id"]
        )
        #expect(errors.count == 1, "\(errors)")
    }

    @Test("a promise needs an id, a metric and a target, and its id is kebab-case")
    func missingParts() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - metric: csat
                target: {atLeast: 88%}
              - id: Chat First Response
                metric: first-response
                target: {within: 30s, share: 90%}
              - id: nps
                target: {atLeast: 30}
              - id: fcr
                metric: fcr
                period: fortnight
            """
        )
        expectDiagnostic(in: errors, "missing-key", keyPath: "promises[0].id", at: "7:5", mentioning: ["no id"])
        expectDiagnostic(
            in: errors,
            "invalid-id",
            keyPath: "promises[1].id",
            at: "9:9",
            mentioning: ["`chat-first-response`"]
        )
        expectDiagnostic(
            in: errors,
            "missing-key",
            keyPath: "promises[2].metric",
            at: "12:5",
            mentioning: ["no metric"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-period",
            keyPath: "promises[3].period",
            at: "16:13",
            mentioning: ["`fortnight`", "week, month or quarter"]
        )
        expectDiagnostic(
            in: errors,
            "missing-key",
            keyPath: "promises[3].target",
            at: "14:5",
            mentioning: ["no target"]
        )
        #expect(errors.count == 5, "\(errors)")
    }
}

@Suite("Dates in the charter")
struct CharterDateValidationTests {
    @Test("impossible dates in holidays, review, history, sign-offs and buy-in say why they do not exist")
    func impossibleDates() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars:
              office:
                hours: {mon-fri: ["09:00-17:00"]}
                holidays: [2026-12-25, 2026-02-30]
            review: {cadence: quarterly, next: 2027-02-29}
            history:
              - {version: 1.0.0, date: 2025-02-29}
            signoffs:
              - {by: CX Steering Committee, date: 2026-04-31}
            buyIn: {surveyed: 2026-13-01, agree: 82%, responses: 45}
            """
        )
        let expected: [(keyPath: String, line: Int, column: Int, reason: String)] = [
            ("calendars.office.holidays[1]", 9, 28, "`2026-02-30` does not exist: February 2026 has 28 days"),
            ("review.next", 10, 36, "`2027-02-29` does not exist: February 2027 has 28 days"),
            ("history[0].date", 12, 28, "`2025-02-29` does not exist: February 2025 has 28 days"),
            ("signoffs[0].date", 14, 39, "`2026-04-31` does not exist: April 2026 has 30 days"),
            ("buyIn.surveyed", 15, 19, "`2026-13-01` does not exist: there is no month 13"),
        ]
        for date in expected {
            expectDiagnostic(
                in: errors,
                "impossible-date",
                keyPath: date.keyPath,
                at: "\(date.line):\(date.column)",
                mentioning: [date.reason]
            )
        }
        #expect(errors.count == expected.count, "\(errors)")
    }

    @Test("a date in another form says how to write one")
    func malformedDate() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            review: {cadence: quarterly, next: 15/01/2027}
            """
        )
        expectDiagnostic(
            in: errors,
            "invalid-date",
            keyPath: "review.next",
            at: "6:36",
            mentioning: ["`15/01/2027`", "YYYY-MM-DD"]
        )
        #expect(errors.count == 1, "\(errors)")
    }

    @Test("history must run oldest first, in versions and in dates")
    func historyOutOfOrder() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            history:
              - {version: 1.1.0, date: 2026-01-10}
              - {version: 1.0.0, date: 2025-04-01}
              - {version: 1.2.0, date: 2026-03-01}
            """
        )
        expectDiagnostic(
            in: errors,
            "history-order",
            keyPath: "history[1].version",
            at: "8:15",
            mentioning: ["1.0.0 does not come after 1.1.0 (line 7)", "oldest first"]
        )
        expectDiagnostic(
            in: errors,
            "history-order",
            keyPath: "history[1].date",
            at: "8:28",
            mentioning: ["2025-04-01 is earlier than", "2026-01-10"]
        )
        #expect(errors.count == 2, "\(errors)")
    }

    @Test("a sign-off must name a version from the history")
    func signoffOfUnknownVersion() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            history:
              - {version: 1.0.0, date: 2025-04-01}
              - {version: 1.1.0, date: 2026-01-10}
            signoffs:
              - {by: CX Steering Committee, date: 2026-01-12, version: 1.1.1}
              - {by: Head of Support, date: 2026-01-12, version: 3.0.0}
            """
        )
        expectDiagnostic(
            in: errors,
            "unknown-version",
            keyPath: "signoffs[0].version",
            at: "10:60",
            mentioning: ["1.1.1 is not in the history", "Did you mean `1.1.0`?", "`history`"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-version",
            keyPath: "signoffs[1].version",
            at: "11:54",
            mentioning: ["3.0.0 is not in the history"]
        )
        #expect(errors.count == 2, "\(errors)")
    }
}

@Suite("Scope")
struct CharterScopeValidationTests {
    @Test(
        "an area both covered and excluded is reported at the excluded item",
        arguments: [
            (
                """
                northstar: 1
                organization: Acme Support
                timezone: Europe/Amsterdam
                vision: Every customer feels cared for.
                mission: We answer chats within 30 seconds.
                scope: {covers: [support, billing, returns], excludes: [billing]}
                """,
                "scope.excludes[0]", "billing", 6, 57
            ),
            (
                """
                northstar: 1
                organization: Acme Support
                timezone: Europe/Amsterdam
                vision: Every customer feels cared for.
                mission: We answer chats within 30 seconds.
                scope:
                  covers: [support, returns]
                  excludes:
                    - billing
                    - Returns
                """,
                "scope.excludes[1]", "Returns", 10, 7
            ),
        ]
    )
    func coveredAndExcluded(text: String, keyPath: String, area: String, line: Int, column: Int) throws {
        let errors = CharterTesting.errors(text)
        #expect(errors.count == 1, "\(errors)")
        let diagnostic = try #require(errors.first { $0.code == "scope-conflict" })
        #expect(diagnostic.keyPath == keyPath)
        #expect(diagnostic.message.contains("`\(area)` is both covered and excluded"))
        #expect(diagnostic.fix?.contains("Remove it from one") == true)
        #expect(diagnostic.location.line == line && diagnostic.location.column == column, "\(diagnostic)")

    }
}

@Suite("Warnings that do not fail a charter")
struct CharterWarningTests {
    @Test("a target pointing the wrong way, a 100% share and an overdue review warn but the charter loads")
    func warningsOnly() throws {
        let text = """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - {id: abandonment, metric: abandonment, target: {atLeast: 5%}}
              - {id: chat, metric: first-response, target: {within: 30s, share: 100%}}
            review: {cadence: quarterly, next: 2026-01-15}
            """
        let result = try CharterTesting.load(text, today: day("2026-06-01"))
        #expect(
            result.charter.promises.map(\.target) == [
                .atLeast(0.05), .attainment(within: CharterDuration(seconds: 30), share: Share(fraction: 1)),
            ]
        )
        let warnings = result.warnings
        #expect(warnings.allSatisfy { $0.severity == .warning })
        expectDiagnostic(
            in: warnings,
            "target-direction",
            keyPath: "promises[0].target.atLeast",
            at: "7:62",
            severity: .warning,
            mentioning: ["lower is better", "Did you mean `atMost`?"]
        )
        expectDiagnostic(
            in: warnings,
            "fragile-target",
            keyPath: "promises[1].target.share",
            at: "8:69",
            severity: .warning,
            mentioning: ["100%", "single late contact"]
        )
        expectDiagnostic(
            in: warnings,
            "review-overdue",
            keyPath: "review.next",
            at: "9:36",
            severity: .warning,
            mentioning: ["2026-01-15 is overdue"]
        )
        #expect(warnings.count == 3, "\(warnings)")

        // Without a `today`, nothing can be overdue.
        let undated = try CharterTesting.load(text, today: nil).warnings
        #expect(undated.map(\.code) == ["target-direction", "fragile-target"])
    }

    @Test("a charter with no promises loads, with a warning")
    func noPromises() {
        let warnings = CharterTesting.warnings(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            """
        )
        expectDiagnostic(
            in: warnings,
            "no-promises",
            keyPath: "promises",
            at: "1:1",
            severity: .warning,
            mentioning: ["promises:"]
        )
    }
}

@Suite("Reporting every problem at once")
struct CharterAllProblemsTests {
    @Test("a charter with many problems gets all of them, in file order")
    func everyProblemAtOnce() {
        let diagnostics = CharterTesting.problems(
            """
            northstar: 2
            organization: Acme Support
            timezone: Mars/Base
            tone: grumpy
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            colour: blue
            calendars:
              office:
                hours: {mon: ["22:00-06:00"]}
                holidays: [2026-02-30]
            promises:
              - {id: chat, metric: frist-response, target: {within: 30s, share: 90%}}
              - {id: chat, metric: csat, target: {atLeast: 120%}}
              - {id: nps, metric: nps, target: {atLeast: 30%}}
              - {id: email, metric: first-response, clock: ofice, target: {within: 1h, share: 90}}
            scope: {covers: [billing], excludes: [billing]}
            history:
              - {version: 1.1.0, date: 2026-01-10}
              - {version: 1.0.0, date: 2026-01-11}
            """
        )
        let expected: [(code: String, line: Int)] = [
            ("unsupported-version", 1), ("invalid-time-zone", 3), ("unknown-tone", 4), ("unknown-key", 7),
            ("crosses-midnight", 10), ("impossible-date", 11), ("unknown-metric", 13), ("duplicate-id", 14),
            ("out-of-range", 14), ("invalid-score", 15), ("unknown-calendar", 16), ("invalid-share", 16),
            ("scope-conflict", 17), ("history-order", 20),
        ]
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == expected.map(\.code), "\(errors)")
        #expect(errors.map(\.location.line) == expected.map(\.line), "\(errors)")
        #expect(Set(errors.map(\.code)).count >= 8)
        let places = diagnostics.map { [$0.location.line, $0.location.column] }
        #expect(places == places.sorted { $0.lexicographicallyPrecedes($1) }, "diagnostics are not in file order")
    }

    @Test("the charter error says how many problems there are")
    func summary() throws {
        let error = try #require(
            CharterTesting.error(
                loading: Array(
                    """
                    northstar: 1
                    organization: Acme Support
                    timezone: Europe/Amsterdam
                    tone: grumpy
                    vision: Every customer feels cared for.
                    mission: We answer chats within 30 seconds.
                    colour: blue
                    """.utf8
                )
            )
        )
        #expect(error.code == .invalid)
        #expect(error.message == "test.yaml has 2 problems to fix.")
        // Warnings travel with the errors, in file order; only errors are counted.
        #expect(
            error.diagnostics.map(\.description) == [
                "test.yaml:1:1: warning: promises: the charter makes no promises, so nothing in the mission can be "
                    + "measured. Add a `promises:` list (see docs/charter.md).",
                "test.yaml:4:7: error: tone: unknown tone `grumpy`. Use friendly, expert or calm.",
                "test.yaml:7:1: error: colour: unknown key `colour`. Allowed here: northstar, organization, owner, "
                    + "timezone, tone, vision, mission, behaviors, behaviours, values, calendars, segments, promises, "
                    + "scope, review, history, signoffs, buyIn, minimumSample, preset, definition.",
            ]
        )
    }

    @Test("the required keys are asked for by name")
    func missingRequiredKeys() {
        let errors = CharterTesting.errors(
            """
            tone: calm
            """
        )
        #expect(errors.map(\.keyPath) == ["northstar", "organization", "vision", "mission"])
        #expect(errors.allSatisfy { $0.code == "missing-key" && $0.location.line == 1 && $0.location.column == 1 })
        #expect(errors.first?.fix == "Add `northstar: 1` as the first line.")
    }

    @Test("the issue's example has no problems at all")
    func issueExampleIsClean() throws {
        let text = try CharterTesting.exampleText
        let result = try CharterTesting.load(text, today: nil)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.charter.promises.count == 7)
    }
}

@Suite("Checks added after the schema review")
struct CharterReviewFollowUpTests {
    static let header = CharterTesting.header

    @Test("a calendar with an empty hours mapping is never open")
    func emptyHours() {
        let errors = CharterTesting.errors(Self.header + "calendars:\n  office: {hours: {}}\n")
        expectDiagnostic(in: errors, "no-hours", keyPath: "calendars.office.hours", at: "7:19")
    }

    @Test("a day named twice in one key is refused rather than overlapping itself")
    func dayNamedTwice() {
        let errors = CharterTesting.errors(
            Self.header + "calendars:\n  office: {hours: {\"mon,mon\": [\"09:00-17:00\"]}}\n"
        )
        expectDiagnostic(in: errors, "unknown-day", keyPath: "calendars.office.hours.mon,mon", at: "7:20")
        #expect(!errors.contains { $0.code == "overlapping-hours" })
    }

    @Test("year 0 and the bad end of a holiday range are named precisely")
    func datesNamedPrecisely() {
        let errors = CharterTesting.errors(
            Self.header + "calendars:\n  office:\n    hours: 24/7\n    holidays: [0000-01-01, 2026-12-24..2026-12-32]\n"
        )
        expectDiagnostic(
            in: errors,
            "impossible-date",
            keyPath: "calendars.office.holidays[0]",
            at: "9:16",
            mentioning: ["there is no year 0"]
        )
        expectDiagnostic(
            in: errors,
            "impossible-date",
            keyPath: "calendars.office.holidays[1]",
            at: "9:28",
            mentioning: ["the end of the range", "December 2026 has 31 days"]
        )
    }

    @Test("overlapping holiday ranges give one warning per entry, not one per day")
    func duplicateHolidaysDoNotFlood() {
        let warnings = CharterTesting.warnings(
            Self.header
                + "calendars:\n  office:\n    hours: 24/7\n    holidays: [2026-01-01..2026-12-31, 2026-06-01..2026-06-30]\n"
        )
        let duplicates = warnings.filter { $0.code == "duplicate-holiday" }
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.message.contains("30 of these days are already holidays") == true)
    }

    @Test("a promise names one segment")
    func oneSegment() {
        let errors = CharterTesting.errors(
            Self.header + """
                segments: {gold: {tier: gold}, chat: {channel: chat}}
                promises:
                  - {id: a, metric: csat, where: {segment: [gold, chat]}, target: {atLeast: 90%}}

                """
        )
        expectDiagnostic(in: errors, "several-segments", keyPath: "promises[0].where.segment", at: "8:44")
    }

    @Test("a misspelt target key is reported even when the metric is unknown too")
    func targetKeysWithUnknownMetric() {
        let errors = CharterTesting.errors(
            Self.header + "promises:\n  - {id: a, metric: frist-response, target: {withn: 30s, share: 90%}}\n"
        )
        expectDiagnostic(in: errors, "unknown-metric", keyPath: "promises[0].metric", at: "7:21")
        expectDiagnostic(
            in: errors,
            "unknown-key",
            keyPath: "promises[0].target.withn",
            at: "7:46",
            mentioning: ["Did you mean `within`?"]
        )
    }

    @Test("a rate promised at 100% warns that one contact breaks it")
    func fragileRate() {
        let warnings = CharterTesting.warnings(
            Self.header + "promises:\n  - {id: a, metric: fcr, target: {atLeast: 100%}}\n"
        )
        expectDiagnostic(
            in: warnings,
            "fragile-target",
            keyPath: "promises[0].target.atLeast",
            at: "7:44",
            severity: .warning
        )
    }
}

@Suite("Shares above 100")
struct CharterShareRangeTests {
    @Test("a bare number above 100 is out of range wherever a share is expected, not ambiguous")
    func aboveHundred() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - {id: a, metric: first-response, target: {within: 30s, share: 120}}
              - {id: b, metric: csat, target: {atLeast: 120}}
            buyIn: {surveyed: 2026-10-01, agree: 120, responses: 45}
            """
        )
        expectDiagnostic(in: errors, "out-of-range", keyPath: "promises[0].target.share", at: "7:66")
        expectDiagnostic(in: errors, "out-of-range", keyPath: "promises[1].target.atLeast", at: "8:45")
        expectDiagnostic(in: errors, "out-of-range", keyPath: "buyIn.agree", at: "9:38")
        #expect(!errors.contains { $0.code == "invalid-share" })
    }
}
