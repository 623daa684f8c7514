import Testing

@testable import NorthstarCore

@Suite("Calendar versions in a charter")
struct CharterCalendarVersionTests {
    @Test("versions load with their dates, hours and holidays, in date order, and a promise can run on them")
    func versionsLoad() throws {
        let result = try CharterTesting.load(
            CharterTesting.header + """
                calendars:
                  office:
                    timezone: Europe/Amsterdam
                    hours: {mon-fri: ["08:00-18:00"]}
                    holidays: [2026-04-06]
                    versions:
                      - from: 2027-03-01                # new usual hours, no end
                        hours: {mon-fri: ["09:00-17:00"]}
                      - from: 2026-11-23
                        until: 2026-12-31
                        hours: {mon-sat: ["08:00-22:00"]}
                        holidays: [2026-12-24]
                      - {from: 2026-06-01, until: 2026-06-01, hours: 24/7}
                promises:
                  - id: email-first-response
                    metric: first-response
                    clock: office
                    target: {within: 4h, share: 90%}
                """
        )
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let office = try #require(result.charter.calendar(named: "office"))
        #expect(
            office.versions.map(\.dates) == ["2026-06-01..2026-06-01", "2026-11-23..2026-12-31", "from 2027-03-01"]
        )
        let peak = office.versions[1]
        #expect(peak.weeklyHours[.saturday] == [OpeningInterval(startMinute: 8 * 60, endMinute: 22 * 60)])
        #expect(peak.weeklyHours[.sunday] == nil)
        #expect(peak.holidays == [try day("2026-12-24")])
        #expect(office.versions[0].weeklyHours.count == 7)
        #expect(office.holidays == [try day("2026-04-06")])
        #expect(office.allHolidays == [try day("2026-04-06"), try day("2026-12-24")])
        #expect(office.weeklyOpenMinutes(on: try day("2026-12-01")) == 6 * 14 * 60)
        #expect(office.weeklyOpenMinutes(on: try day("2027-01-04")) == 5 * 10 * 60)
        #expect(office.weeklyOpenMinutes(on: try day("2028-01-03")) == 5 * 8 * 60)
        #expect(result.charter.promises.first?.clock == .business(calendar: "office"))
    }

    @Test("the example in docs/charter.md: 18 business hours from Friday noon into Monday of the peak season")
    func documentedExample() throws {
        let result = try CharterTesting.load(
            CharterTesting.header + """
                calendars:
                  office:
                    timezone: Europe/Amsterdam
                    hours: {mon-fri: ["08:00-18:00"]}          # the usual hours
                    holidays: [2026-04-06, 2026-12-25]
                    versions:
                      - from: 2026-11-23                       # the peak season, both dates included
                        until: 2026-12-31
                        hours: {mon-sat: ["08:00-22:00"]}
                        holidays: [2026-12-26]                 # closed that day as well
                      - from: 2027-03-01                       # new usual hours, with no end
                        hours: {mon-fri: ["09:00-17:00"]}
                """
        )
        let office = try #require(result.charter.calendar(named: "office"))
        let clock = try #require(BusinessClock(calendar: office))
        let arrived = try #require(Timestamp(rfc3339: "2026-11-20T12:00:00+01:00"))
        let answered = try #require(Timestamp(rfc3339: "2026-11-23T20:00:00+01:00"))
        #expect(clock.businessSeconds(from: arrived, to: answered) == 18 * 3_600)
        #expect(office.weeklyHours(on: try day("2027-01-01")) == office.weeklyHours)
        #expect(office.weeklyOpenMinutes(on: try day("2027-03-01")) == 5 * 8 * 60)
    }

    @Test("an empty list of versions is no versions")
    func emptyVersions() throws {
        let result = try CharterTesting.load(
            CharterTesting.header + """
                calendars:
                  office: {hours: {mon-fri: ["08:00-18:00"]}, versions: []}
                """
        )
        #expect(result.charter.calendar(named: "office")?.versions == [])
    }

    @Test("a version that ends before it starts, two that start the same day, and bad dates are refused")
    func badDates() {
        let errors = CharterTesting.errors(
            CharterTesting.header + """
                calendars:
                  office:
                    hours: {mon-fri: ["08:00-18:00"]}
                    versions:
                      - from: 2026-11-23
                        until: 2026-11-01
                        hours: {mon-sat: ["08:00-22:00"]}
                      - from: 2026-12-01
                        hours: {mon-sat: ["08:00-22:00"]}
                      - from: 2026-12-01
                        until: 2026-12-24
                        hours: {sun: ["10:00-16:00"]}
                      - from: 01-12-2026
                        until: 2026-02-29
                        hours: {mon: ["09:00-17:00"]}
                """
        )
        expectDiagnostic(
            in: errors,
            "invalid-range",
            keyPath: "calendars.office.versions[0].until",
            at: "11:16",
            mentioning: ["ends on 2026-11-01, before it starts on 2026-11-23", "on or after `from`"]
        )
        expectDiagnostic(
            in: errors,
            "duplicate-version-start",
            keyPath: "calendars.office.versions[2].from",
            at: "15:15",
            mentioning: ["(line 13) also starts on 2026-12-01", "another day"]
        )
        expectDiagnostic(
            in: errors,
            "invalid-date",
            keyPath: "calendars.office.versions[3].from",
            at: "18:15",
            mentioning: ["`01-12-2026` is not a date", "YYYY-MM-DD"]
        )
        expectDiagnostic(
            in: errors,
            "impossible-date",
            keyPath: "calendars.office.versions[3].until",
            at: "19:16",
            mentioning: ["February 2026 has 28 days"]
        )
        #expect(errors.count == 4, "\(errors)")
    }

    @Test("unknown keys, a time zone of its own, and a missing first day or hours are refused")
    func badKeys() {
        let errors = CharterTesting.errors(
            CharterTesting.header + """
                calendars:
                  office:
                    hours: {mon-fri: ["08:00-18:00"]}
                    versions:
                      - from: 2026-11-23
                        hourz: {mon-sat: ["08:00-22:00"]}
                        timezone: Europe/London
                      - until: 2026-12-31
                        hours: {mon-sat: ["08:00-22:00"]}
                """
        )
        expectDiagnostic(
            in: errors,
            "unknown-key",
            keyPath: "calendars.office.versions[0].hourz",
            at: "11:9",
            mentioning: ["Did you mean `hours`?"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-key",
            keyPath: "calendars.office.versions[0].timezone",
            at: "12:9",
            mentioning: ["cannot change the time zone", "separate calendar"]
        )
        expectDiagnostic(
            in: errors,
            "missing-key",
            keyPath: "calendars.office.versions[0].hours",
            at: "10:9",
            mentioning: ["no opening hours", "hours: {mon-sat:"]
        )
        expectDiagnostic(
            in: errors,
            "missing-key",
            keyPath: "calendars.office.versions[1].from",
            at: "13:9",
            mentioning: ["no first day", "from: 2026-11-23"]
        )
        #expect(errors.count == 4, "\(errors)")
    }

    @Test("a version's hours are checked like the calendar's, under the version's key path")
    func badHours() {
        let errors = CharterTesting.errors(
            CharterTesting.header + """
                calendars:
                  office:
                    hours: {mon-fri: ["08:00-18:00"]}
                    versions:
                      - from: 2026-11-23
                        hours: {mon-sat: ["8-22"], sun: ["22:00-02:00"], mnday: "09:00-12:00"}
                      - {from: 2027-01-01, hours: {mon: closed}}
                """
        )
        expectDiagnostic(
            in: errors,
            "malformed-hours",
            keyPath: "calendars.office.versions[0].hours.mon-sat[0]",
            at: "11:27",
            mentioning: ["`8-22`", "HH:MM-HH:MM"]
        )
        expectDiagnostic(
            in: errors,
            "crosses-midnight",
            keyPath: "calendars.office.versions[0].hours.sun[0]",
            at: "11:42",
            mentioning: ["\"00:00-02:00\" on mon"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-day",
            keyPath: "calendars.office.versions[0].hours.mnday",
            at: "11:58",
            mentioning: ["Did you mean `monday`?"]
        )
        expectDiagnostic(
            in: errors,
            "no-hours",
            keyPath: "calendars.office.versions[1].hours",
            at: "12:35",
            mentioning: ["never open"]
        )
        #expect(errors.count == 4, "\(errors)")
    }

    @Test("versions must be a list of mappings")
    func badShapes() {
        let notAList = CharterTesting.errors(
            CharterTesting.header + """
                calendars:
                  office: {hours: {mon-fri: ["08:00-18:00"]}, versions: {from: 2026-11-23}}
                """
        )
        expectDiagnostic(
            in: notAList,
            "wrong-type",
            keyPath: "calendars.office.versions",
            at: "7:57",
            mentioning: ["a list of versions", "found a mapping"]
        )
        #expect(notAList.count == 1, "\(notAList)")

        let emptyAndText = CharterTesting.errors(
            CharterTesting.header + """
                calendars:
                  office:
                    hours: {mon-fri: ["08:00-18:00"]}
                    versions:
                  desk:
                    hours: 24/7
                    versions: [2026-11-23]
                """
        )
        expectDiagnostic(
            in: emptyAndText,
            "missing-value",
            keyPath: "calendars.office.versions",
            at: "9:14",
            mentioning: ["is empty"]
        )
        expectDiagnostic(
            in: emptyAndText,
            "wrong-type",
            keyPath: "calendars.desk.versions[0]",
            at: "12:16",
            mentioning: ["a version such as", "`2026-11-23`"]
        )
        #expect(emptyAndText.count == 2, "\(emptyAndText)")
    }

    @Test("a version's holiday outside its dates warns, and still closes the calendar")
    func holidayOutsideVersion() throws {
        let text =
            CharterTesting.header + """
                calendars:
                  office:
                    hours: {mon-fri: ["08:00-18:00"]}
                    versions:
                      - from: 2026-11-23
                        until: 2026-12-31
                        hours: {mon-sat: ["08:00-22:00"]}
                        holidays: [2026-12-24, 2026-11-02]
                      - from: 2027-03-01
                        hours: {mon-fri: ["09:00-17:00"]}
                        holidays: [2027-02-01..2027-02-02, 2027-04-27]
                """
        let warnings = CharterTesting.warnings(text)
        expectDiagnostic(
            in: warnings,
            "holiday-outside-version",
            keyPath: "calendars.office.versions[0].holidays",
            at: "13:19",
            severity: .warning,
            mentioning: ["2026-11-02 is outside the version's dates (2026-11-23..2026-12-31)", "still closes"]
        )
        expectDiagnostic(
            in: warnings,
            "holiday-outside-version",
            keyPath: "calendars.office.versions[1].holidays",
            at: "16:19",
            severity: .warning,
            mentioning: ["2 of these days", "(from 2027-03-01), starting with 2027-02-01"]
        )
        #expect(warnings.filter { $0.code != "no-promises" }.count == 2, "\(warnings)")
        let office = try #require(try CharterTesting.load(text).charter.calendar(named: "office"))
        #expect(office.allHolidays.contains(try day("2026-11-02")))
    }
}
