import Foundation
import Testing

@testable import NorthstarCore

/// Hand-checked SLA attainment: every expected number is worked out in the comment beside it. 2026-03-02 is a
/// Monday; in March 2026 Amsterdam is UTC+1, so the `office` calendar (Mon–Fri 08:00–18:00 local) is open
/// 07:00–17:00Z.
@Suite("Service levels")
struct SLATests {
    /// First match wins: urgent contacts, then chats, then emails.
    static let policies = [
        "      - {where: {priority: urgent}, firstResponse: 1h, resolution: 4h}",
        "      - {where: {channel: chat}, firstResponse: 5m}",
        "      - {where: {channel: email}, firstResponse: 8h, resolution: 2d}",
    ]

    static func charter(_ definition: String = "", clock: String = "calendar") throws -> Charter {
        let promise = [
            "  - id: sla",
            "    metric: sla",
            "    clock: \(clock)",
            "    minimumSample: 1",
            "    target: {atLeast: 90%}",
            "    definition: {\(definition)}",
            "    policies:",
        ]
        return try CheckEngineTests.charter((promise + policies).joined(separator: "\n"))
    }

    static func time(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    static func contact(
        _ id: String,
        _ channel: String,
        priority: String? = nil,
        created: String,
        response: String? = nil,
        resolved: String? = nil
    ) -> Contact {
        var contact = CheckEngineTests.contact(id, channel, created: created, response: response, resolved: resolved)
        contact.priority = priority
        return contact
    }

    /// As of 2026-03-04 12:00Z.
    static let contacts = [
        // Urgent (policy 1): answered in 30 min ✓ (≤ 1 h), solved in 3 h ✓ (≤ 4 h).
        contact(
            "U1",
            "email",
            priority: "urgent",
            created: "2026-03-02T09:00:00Z",
            response: "2026-03-02T09:30:00Z",
            resolved: "2026-03-02T12:00:00Z"
        ),
        // An urgent chat: policy 1 comes first. Answered in 1.5 h ✗ (at 10:30), solved in 2 h ✓.
        contact(
            "U2",
            "chat",
            priority: "urgent",
            created: "2026-03-02T09:00:00Z",
            response: "2026-03-02T10:30:00Z",
            resolved: "2026-03-02T11:00:00Z"
        ),
        // A chat (policy 2, first response only): answered in 3 min ✓.
        contact("C1", "chat", created: "2026-03-02T09:00:00Z", response: "2026-03-02T09:03:00Z"),
        // Email (policy 3), open and unanswered: first response late at 17:00 ✗; resolution late on the 4th at
        // 09:00 ✗.
        contact("E1", "email", created: "2026-03-02T09:00:00Z"),
        // Email answered in 1 h ✓; open, its 2 days run until the 6th: resolution still running.
        contact("E2", "email", created: "2026-03-04T08:00:00Z", response: "2026-03-04T09:00:00Z"),
        // Email solved in 1 h without a reply: no first-response target applies; resolution ✓.
        contact("E3", "email", created: "2026-03-02T09:00:00Z", resolved: "2026-03-02T10:00:00Z"),
        // A call matches no policy.
        contact("P1", "phone", created: "2026-03-02T09:00:00Z", response: "2026-03-02T09:00:20Z"),
    ]

    static func period(_ charter: Charter, to: String = "2026-03-04T12:00:00Z") throws -> CheckReport.PeriodResult {
        let options = CheckEngine.Options(total: true, to: time(to))
        let result = try #require(
            CheckEngine(charter: charter, options: options).evaluate(Self.contacts).promises.first
        )
        return try #require(result.periods.first)
    }

    @Test("per target: achieved over achieved plus breached, open targets late once past their deadline")
    func perTarget() throws {
        // Achieved: U1 2, U2 1, C1 1, E2 1 (first response), E3 1 (resolution) = 6. Breached: U2 1, E1 2 = 3.
        // 6 / 9; E2's resolution is still running and P1 has no policy.
        let period = try Self.period(try Self.charter())
        #expect(period.n == 9)
        #expect(period.value == 6.0 / 9.0)
        #expect(period.breaches == ["U2", "E1"])
    }

    @Test("per ticket: any miss breaches the ticket; a ticket with a target still running waits")
    func perTicket() throws {
        // U1 ✓, U2 ✗, C1 ✓, E1 ✗, E3 ✓; E2 waits (its resolution runs). 3 / 5.
        let period = try Self.period(try Self.charter("slaMode: per-ticket"))
        #expect(period.n == 5)
        #expect(period.value == 0.6)
        #expect(period.breaches == ["U2", "E1"])
    }

    @Test("Chatwoot counts a target still running and not late as achieved")
    func chatwootPending() throws {
        // Per target: E2's running resolution is a hit: 7 / 10. Per ticket: E2 is a hit: 4 / 6.
        let perTarget = try Self.period(try Self.charter("slaPending: achieved"))
        #expect(perTarget.n == 10 && perTarget.value == 0.7)
        let perTicket = try Self.period(try Self.charter("slaMode: per-ticket, slaPending: achieved"))
        #expect(perTicket.n == 6 && perTicket.value == 4.0 / 6.0)
        #expect(MetricOptions.preset("chatwoot")?.slaPendingAchieved == true)
    }

    @Test("--explain lists the contact without a policy and each target of a ticket")
    func explained() throws {
        let options = CheckEngine.Options(total: true, to: Self.time("2026-03-04T12:00:00Z"))
        let rows = try #require(
            CheckEngine(charter: try Self.charter(), options: options).explain(
                "sla",
                contacts: Self.contacts,
                periodLabel: nil
            )
        )
        #expect(rows.filter { $0.id == "U1" }.map(\.value) == [1, 1])
        #expect(rows.first { $0.id == "P1" }?.note == "no SLA policy matches")
        #expect(rows.first { $0.id == "E3" && !$0.counted }?.note == "first response: solved without a public reply")
    }

    @Test("on a business clock the deadline runs in open hours only: over the weekend, a breach moves to Monday")
    func businessClock() throws {
        // Created Friday 2026-03-06 16:00Z (17:00 local), unanswered, 8 h first response. Office: Friday 16:00–17:00Z
        // (1 h), Monday 07:00–14:00Z (7 h): late at Monday 14:00Z, in week 11. On the calendar clock it is late
        // at Saturday 00:00Z, in week 10.
        let late = Self.contact("W1", "email", created: "2026-03-06T16:00:00Z")
        func labels(_ clock: String, to: String) throws -> [String] {
            let options = CheckEngine.Options(to: Self.time(to))
            let charter = try Self.charter(clock: clock)
            let result = try #require(CheckEngine(charter: charter, options: options).evaluate([late]).promises.first)
            return result.periods.filter { $0.n > 0 }.map(\.label)
        }
        #expect(try labels("office", to: "2026-03-09T13:59:00Z") == [])  // 7 h 59 min of office time so far
        #expect(try labels("office", to: "2026-03-09T15:00:00Z") == ["2026-W11"])
        #expect(try labels("calendar", to: "2026-03-09T15:00:00Z") == ["2026-W10"])
    }

    @Test("policies are checked: needed by `sla`, ignored elsewhere, each with a target that is a duration")
    func validation() {
        let diagnostics = CharterTesting.problems(
            """
            northstar: 1
            organization: Acme Support
            timezone: UTC
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            calendars: {office: {hours: 24/7}}
            promises:
              - {id: a, metric: sla, target: {atLeast: 90%}}
              - {id: b, metric: resolution, target: {median: 1h}, policies: [{firstResponse: 1h}]}
              - {id: c, metric: sla, clock: office, target: {atLeast: 90%}, policies: [{where: {priority: high}}]}
              - {id: d, metric: sla, target: {atLeast: 90%}, policies: [{firstResponse: 0s, resolve: 1d}], definition: {slaMode: per-tickets}}
              - {id: e, metric: sla, target: {atLeast: 90%}, policies: [{where: {priorty: high}, resolution: 1h}, {resolution: 1}]}
            """
        )
        expectDiagnostic(
            in: diagnostics,
            "missing-key",
            keyPath: "promises[0].policies",
            at: "8:5",
            mentioning: ["first match"]
        )
        expectDiagnostic(
            in: diagnostics,
            "policies-unused",
            keyPath: "promises[1].policies",
            at: "9:65",
            severity: .warning
        )
        expectDiagnostic(in: diagnostics, "missing-key", keyPath: "promises[2].policies[0]", at: "10:76")
        // A clock matters to an SLA: no `clock-unused` warning for c.
        #expect(!diagnostics.contains { $0.code == "clock-unused" })
        expectDiagnostic(in: diagnostics, "out-of-range", keyPath: "promises[3].policies[0].firstResponse", at: "11:77")
        expectDiagnostic(
            in: diagnostics,
            "unknown-key",
            keyPath: "promises[3].policies[0].resolve",
            at: "11:81",
            mentioning: ["where, firstResponse, resolution"]
        )
        expectDiagnostic(
            in: diagnostics,
            "invalid-option",
            keyPath: "promises[3].definition.slaMode",
            at: "11:118",
            mentioning: ["`per-ticket`"]
        )
        expectDiagnostic(
            in: diagnostics,
            "unknown-key",
            keyPath: "promises[4].policies[0].where.priorty",
            at: "12:70",
            mentioning: ["`priority`"]
        )
        expectDiagnostic(
            in: diagnostics,
            "invalid-duration",
            keyPath: "promises[4].policies[1].resolution",
            at: "12:116"
        )
        #expect(diagnostics.count == 8, "\(diagnostics)")
    }

    @Test("the SLA example in docs/metrics.md loads with its three policies, first match first")
    func documentedExample() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/metrics.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n- id: sla"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let example = text[text.index(start.lowerBound, offsetBy: 8)..<end.lowerBound]
        let promises = example.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        let charter = try CheckEngineTests.charter(promises)
        let promise = try #require(charter.promises.first)
        #expect(promise.metric == .sla && promise.clock == .business(calendar: "office"))
        #expect(promise.options.slaPolicies.count == 3)
        #expect(promise.options.slaPolicies.first?.population.filters == [.priority: ["urgent"]])
        #expect(promise.options.slaPolicies.first?.resolution == CharterDuration(seconds: 8 * 3_600))
        #expect(promise.options.slaPolicies.last?.population.isEveryone == true)
    }
}
