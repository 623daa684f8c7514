import Foundation
import Testing

@testable import NorthstarCore

/// Hand-checked fixtures for `northstar check`: every expected number is worked out in the comment beside it,
/// or comes from an independent tool (SciPy for the Wilson interval, pandas for the ServiceNow figures).
@Suite("Checking promises")
struct CheckEngineTests {
    static func charter(_ promises: String, extra: String = "") throws -> Charter {
        let text = """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for after every conversation with our team.
            mission: We answer chats within 30 seconds.
            calendars:
              office: {hours: {mon-fri: ["08:00-18:00"]}}
            \(extra)
            promises:
            \(promises)
            """
        return try CharterLoader.load(bytes: Array(text.utf8), file: "test.yaml", today: nil).charter
    }

    static func time(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    static func contact(
        _ id: String,
        _ channel: String,
        created: String,
        response: String? = nil,
        resolved: String? = nil
    ) -> Contact {
        var contact = Contact(id: id, channel: channel, createdAt: time(created))
        contact.firstResponseAt = response.map(time)
        contact.resolvedAt = resolved.map(time)
        return contact
    }

    @Test("attainment: 18 of 20 chats within 30 s is 90%, at risk against 90% because the interval straddles it")
    func attainment() throws {
        let charter = try Self.charter(
            "  - {id: chat, metric: first-response, where: {channel: chat}, target: {within: 30s, share: 90%}}"
        )
        var contacts: [Contact] = []
        for index in 0..<20 {
            let seconds = index < 18 ? 10 : 60
            contacts.append(
                Self.contact(
                    "C\(index)",
                    "chat",
                    created: "2026-03-04T10:00:00Z",
                    response: "2026-03-04T10:00:\(seconds == 10 ? "10" : "59")Z"
                )
            )
        }
        contacts.append(Self.contact("E1", "email", created: "2026-03-04T10:00:00Z", response: "2026-03-04T12:00:00Z"))
        let options = CheckEngine.Options(to: Self.time("2026-03-05T00:00:00Z"))
        let result = try #require(CheckEngine(charter: charter, options: options).evaluate(contacts).promises.first)
        let period = try #require(result.periods.first)
        #expect(period.label == "2026-W10")
        #expect(period.n == 20)  // the email is outside the population
        #expect(period.value == 0.9)
        // scipy: z = norm.ppf(0.975); Wilson(18, 20) = (0.6989663547715128, 0.9721335187862319)
        #expect(abs((period.interval?.low ?? 0) - 0.6989663547715128) < 1e-12)
        #expect(abs((period.interval?.high ?? 0) - 0.9721335187862319) < 1e-12)
        #expect(period.verdict == .atRisk)
        #expect(Set(period.breaches) == ["C18", "C19"])
        #expect(period.median == 10)
    }

    @Test(
        "business hours: Friday 17:30 to Monday 08:30 in Amsterdam is one open hour; a Saturday reply is 0, counted apart"
    )
    func businessHours() throws {
        let charter = try Self.charter(
            "  - {id: email, metric: first-response, clock: office, target: {within: 2h, share: 90%}, minimumSample: 1}"
        )
        let contacts = [
            // Friday 2026-03-06 17:30 CET is 16:30Z; Monday 2026-03-09 08:30 CET is 07:30Z: 30 + 30 open minutes.
            Self.contact("F", "email", created: "2026-03-06T16:30:00Z", response: "2026-03-09T07:30:00Z"),
            // Saturday 10:00 to 11:00 CET: closed all along.
            Self.contact("S", "email", created: "2026-03-07T09:00:00Z", response: "2026-03-07T10:00:00Z"),
        ]
        let options = CheckEngine.Options(total: true, to: Self.time("2026-03-10T00:00:00Z"))
        let period = try #require(
            CheckEngine(charter: charter, options: options).evaluate(contacts).promises.first?.periods.first
        )
        #expect(period.n == 2)
        #expect(period.closedHours == 1)
        #expect(period.median == 1_800)  // median of [0, 3600]
        #expect(period.value == 1.0)
    }

    @Test("an open contact past its limit at the as-of time is a miss, in the period its limit ran out")
    func lateOpenContacts() throws {
        let charter = try Self.charter(
            "  - {id: chat, metric: first-response, target: {within: 30s, share: 90%}, minimumSample: 1}"
        )
        let contacts = [
            Self.contact("answered", "chat", created: "2026-03-04T10:00:00Z", response: "2026-03-04T10:00:05Z"),
            Self.contact("waiting", "chat", created: "2026-03-04T11:00:00Z"),
            Self.contact("just-arrived", "chat", created: "2026-03-04T11:59:50Z"),
        ]
        let options = CheckEngine.Options(to: Self.time("2026-03-04T12:00:00Z"))
        let period = try #require(
            CheckEngine(charter: charter, options: options).evaluate(contacts).promises.first?.periods.first
        )
        #expect(period.n == 2)  // answered + waiting; the one 10 s old is not late yet
        #expect(period.lateOpen == 1)
        #expect(period.value == 0.5)
        #expect(period.breaches == ["waiting"])
    }

    @Test("a reply at Sunday 23:30 UTC is Monday 00:30 in Amsterdam, so it counts in the next ISO week")
    func periodsInTheCharterZone() throws {
        let charter = try Self.charter(
            "  - {id: chat, metric: first-response, target: {within: 1h, share: 90%}, minimumSample: 1}"
        )
        // 2026-03-09 is the Monday of ISO week 11 (python: date(2026, 3, 9).isocalendar()).
        let contacts = [
            Self.contact("late-sunday", "chat", created: "2026-03-08T23:29:00Z", response: "2026-03-08T23:30:00Z")
        ]
        let result = CheckEngine(charter: charter, options: .init(to: Self.time("2026-03-10T00:00:00Z"))).evaluate(
            contacts
        )
        #expect(result.promises.first?.periods.map(\.label) == ["2026-W11"])
    }

    @Test("NPS: 5 promoters, 3 passives and 2 detractors of 10 is +30 points")
    func nps() throws {
        let charter = try Self.charter(
            "  - {id: nps, metric: nps, target: {atLeast: 20}, period: month, minimumSample: 5}"
        )
        let scores = [10, 10, 9, 9, 9, 8, 7, 7, 6, 0]
        let contacts = scores.enumerated().map { index, score in
            var contact = Self.contact(
                "N\(index)",
                "email",
                created: "2026-03-04T10:00:00Z",
                resolved: "2026-03-04T11:00:00Z"
            )
            contact.nps = score
            return contact
        }
        let options = CheckEngine.Options(to: Self.time("2026-03-31T00:00:00Z"))
        let period = try #require(
            CheckEngine(charter: charter, options: options).evaluate(contacts).promises.first?.periods.first
        )
        #expect(period.label == "2026-03")
        #expect(period.n == 10)
        #expect(abs((period.value ?? 0) - 30) < 1e-9)
        #expect(Set(period.breaches) == ["N8", "N9"])
    }

    @Test("first-contact resolution counts only the creation cohort that has matured seven days")
    func fcrCohort() throws {
        let charter = try Self.charter("  - {id: fcr, metric: fcr, target: {atLeast: 50%}, minimumSample: 1}")
        var old = Self.contact("old", "email", created: "2026-03-02T10:00:00Z", resolved: "2026-03-02T11:00:00Z")
        old.agentReplies = 1
        old.reopens = 0
        var recent = Self.contact("recent", "email", created: "2026-03-12T10:00:00Z", resolved: "2026-03-12T11:00:00Z")
        recent.agentReplies = 3
        recent.reopens = 0
        let options = CheckEngine.Options(total: true, to: Self.time("2026-03-14T00:00:00Z"))
        let period = try #require(
            CheckEngine(charter: charter, options: options).evaluate([old, recent]).promises.first?.periods.first
        )
        #expect(period.n == 1)
        #expect(period.value == 1)
    }

    @Test("below the minimum sample the verdict is insufficient, never kept or broken")
    func insufficient() throws {
        let charter = try Self.charter("  - {id: chat, metric: first-response, target: {within: 30s, share: 90%}}")
        let contacts = (0..<19).map {
            Self.contact("C\($0)", "chat", created: "2026-03-04T10:00:00Z", response: "2026-03-04T11:00:00Z")
        }
        let period = try #require(
            CheckEngine(charter: charter, options: .init(to: Self.time("2026-03-05T00:00:00Z"))).evaluate(contacts)
                .promises.first?
                .periods.first
        )
        #expect(period.n == 19)
        #expect(period.value == 0)
        #expect(period.verdict == .insufficient)
        #expect(period.note?.contains("fewer than the minimum of 20") == true)
    }

    @Test(
        "ServiceNow through check: the median resolution per priority is the reference figure",
        .enabled(
            if: SharedData.isAvailable("real/servicenow-incidents/incident_event_log_sample.csv"),
            "needs ../shared/data"
        ),
        arguments: [
            // ../shared/data/README.md (pandas): priority, resolved incidents, median resolution in hours
            ("1 - Critical", 7, 351.5167), ("2 - High", 8, 28.0083), ("3 - Moderate", 225, 52.8333),
            ("4 - Low", 45, 243.4000),
        ]
    )
    func serviceNowConformance(priority: String, resolved: Int, medianHours: Double) throws {
        let charter = try Self.charter(
            "  - {id: resolution, metric: resolution, where: {priority: \"\(priority)\"}, target: {median: 48h}, minimumSample: 1}"
        )
        var collection = ContactCollection()
        let path = SharedData.url("real/servicenow-incidents/incident_event_log_sample.csv").path
        _ = try collection.importFile(path, with: ServiceNowImporter())
        let options = CheckEngine.Options(total: true, to: Self.time("2030-01-01T00:00:00Z"))
        let period = try #require(
            CheckEngine(charter: charter, options: options).evaluate(collection.contacts).promises.first?.periods.first
        )
        #expect(period.n == resolved)
        #expect(abs((period.value ?? 0) / 3_600 - medianHours) < 1e-4)
    }
}

extension CheckEngineTests {
    @Test("CSAT shows its response rate per period, in the JSON and the Markdown report; other rates do not")
    func csatResponseRate() throws {
        let charter = try Self.charter(
            """
              - {id: csat, metric: csat, target: {atLeast: 80%}, minimumSample: 1}
              - {id: fcr, metric: fcr, target: {atLeast: 80%}, minimumSample: 1}
            """
        )
        // Week 10: three solved, two answered (5 and 2); week 11: one solved, answered 4, and one open answered 5
        // (an answer on an open contact counts at its creation).
        func solved(_ id: String, _ day: String, csat: Double?) -> Contact {
            var contact = Self.contact(
                id,
                "email",
                created: "2026-03-\(day)T09:00:00Z",
                resolved: "2026-03-\(day)T10:00:00Z"
            )
            contact.csat = csat
            contact.agentReplies = 1
            return contact
        }
        var open = Self.contact("O", "email", created: "2026-03-10T09:00:00Z")
        open.csat = 5
        let contacts = [
            solved("A", "03", csat: 5), solved("B", "03", csat: 2), solved("C", "04", csat: nil),
            solved("D", "10", csat: 4), open,
        ]
        let report = CheckEngine(charter: charter, options: .init(to: Self.time("2026-03-12T00:00:00Z")))
            .evaluate(contacts)
        let csat = try #require(report.promises.first)
        // W10: 2 answers, C solved without one: 2 / 3. W11: D and O answered, nothing unanswered: 2 / 2.
        #expect(csat.periods.map(\.label) == ["2026-W10", "2026-W11"])
        #expect(csat.periods.map(\.responseRate) == [2.0 / 3.0, 1])
        #expect(csat.periods.map(\.value) == [0.5, 1])  // W10: 5 ✓ 2 ✗; W11: 4 ✓ 5 ✓
        // FCR: the week-10 contacts have matured 7 days by the 12th: 3 samples, and no response rate.
        let fcr = try #require(report.promises[1].periods.first)
        #expect(fcr.n == 3 && fcr.responseRate == nil)
        let markdown = CheckMarkdownRenderer().render(report)
        #expect(markdown.contains("response rate 66.7%"))
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"responseRate\":1"))
    }
}

@Suite("Explaining a number")
struct ExplainTests {
    @Test("every contact of the population is listed: misses first, kept, and excluded with the reason")
    func explain() throws {
        let charter = try CheckEngineTests.charter(
            "  - {id: chat, metric: first-response, where: {channel: chat}, target: {within: 30s, share: 90%}}"
        )
        let contacts = [
            CheckEngineTests.contact("fast", "chat", created: "2026-03-04T10:00:00Z", response: "2026-03-04T10:00:05Z"),
            CheckEngineTests.contact("slow", "chat", created: "2026-03-04T10:00:00Z", response: "2026-03-04T10:02:00Z"),
            CheckEngineTests.contact(
                "silent",
                "chat",
                created: "2026-03-04T10:00:00Z",
                resolved: "2026-03-04T10:30:00Z"
            ),
            CheckEngineTests.contact(
                "mail",
                "email",
                created: "2026-03-04T10:00:00Z",
                response: "2026-03-04T11:00:00Z"
            ),
        ]
        let engine = CheckEngine(charter: charter, options: .init(to: CheckEngineTests.time("2026-03-05T00:00:00Z")))
        let rows = try #require(engine.explain("chat", contacts: contacts, periodLabel: "2026-W10"))
        #expect(rows.map(\.id) == ["slow", "fast", "silent"])  // the email is outside the population
        #expect(rows[0].met == false && rows[0].value == 120 && rows[0].counted)
        #expect(rows[1].met == true && rows[1].value == 5)
        #expect(rows[2].counted == false && rows[2].note == "solved without a public reply")
        #expect(engine.explain("nope", contacts: contacts, periodLabel: nil) == nil)
    }
}
