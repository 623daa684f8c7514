import Foundation
import Testing

@testable import NorthstarCore

@Suite("Definition options and vendor presets")
struct MetricOptionsTests {
    static func charter(_ promises: String, top: String = "") throws -> Charter {
        let text = """
            northstar: 1
            organization: Acme Support
            timezone: UTC
            vision: Every customer feels cared for after every conversation with our team.
            mission: We answer chats within 30 seconds.
            \(top)
            promises:
            \(promises)
            """
        return try CharterLoader.load(bytes: Array(text.utf8), file: "test.yaml", today: nil).charter
    }

    static func time(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    /// A chat a bot held for 10 minutes before handing over; a human replied 30 s after the handoff, two agent
    /// replies in all, reopened once, solved after an hour of which 20 minutes were pending.
    static var contact: Contact {
        var contact = Contact(id: "T1", channel: "chat", createdAt: time("2026-03-02T09:00:00Z"))
        contact.botHandoffAt = time("2026-03-02T09:10:00Z")
        contact.firstResponseAt = time("2026-03-02T09:10:30Z")
        contact.resolvedAt = time("2026-03-02T10:00:00Z")
        contact.pauses = [PauseInterval(start: time("2026-03-02T09:20:00Z"), end: time("2026-03-02T09:40:00Z"))]
        contact.agentReplies = 2
        contact.reopens = 1
        return contact
    }

    static func value(_ promise: String, top: String = "") throws -> Double? {
        let charter = try charter(promise, top: top)
        let options = CheckEngine.Options(total: true, to: time("2026-03-20T00:00:00Z"))
        return CheckEngine(charter: charter, options: options).evaluate([contact]).promises.first?.periods.first?.value
    }

    @Test("first response starts at the bot handoff by default, at creation for Zendesk")
    func firstResponseStart() throws {
        let promise = "  - {id: p, metric: first-response, target: {median: 1h}, minimumSample: 1"
        #expect(try Self.value(promise + "}") == 30)  // 09:10:00 → 09:10:30
        #expect(try Self.value(promise + ", preset: zendesk}") == 630)  // 09:00:00 → 09:10:30
        #expect(try Self.value(promise + ", definition: {firstResponseStart: created}}") == 630)
    }

    @Test("resolution removes pauses by default; Chatwoot and `pauses: ignore` do not")
    func pauses() throws {
        let promise = "  - {id: p, metric: resolution, target: {median: 2h}, minimumSample: 1"
        #expect(try Self.value(promise + "}") == 2_400)  // 60 minutes less 20 pending
        #expect(try Self.value(promise + ", preset: chatwoot}") == 3_600)
        #expect(try Self.value(promise + ", definition: {pauses: ignore}}") == 3_600)
    }

    @Test("FCR: two replies and a reopen fail by default; allowing two replies and ignoring reopens passes")
    func fcr() throws {
        let promise = "  - {id: p, metric: fcr, target: {atLeast: 50%}, minimumSample: 1"
        #expect(try Self.value(promise + "}") == 0)
        #expect(try Self.value(promise + ", preset: zendesk}") == 0)  // one-touch: fewer than two replies
        #expect(try Self.value(promise + ", definition: {fcrMaxReplies: 2, fcrReopens: ignore}}") == 1)
        // A charter-wide definition is the default every promise starts from.
        #expect(try Self.value(promise + "}", top: "definition: {fcrMaxReplies: 2, fcrReopens: ignore}") == 1)
    }

    @Test("an unknown preset or option is reported with a suggestion, at its place")
    func validation() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: UTC
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - {id: a, metric: fcr, target: {atLeast: 70%}, preset: zendsk, definition: {fcrReopen: ignore, pauses: skip}}
            """
        )
        expectDiagnostic(
            in: errors,
            "unknown-preset",
            keyPath: "promises[0].preset",
            at: "7:58",
            mentioning: ["`zendesk`"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-key",
            keyPath: "promises[0].definition.fcrReopen",
            at: "7:79",
            mentioning: ["`fcrReopens`"]
        )
        expectDiagnostic(in: errors, "invalid-option", keyPath: "promises[0].definition.pauses", at: "7:106")
    }

    @Test("the report says which definition each promise used")
    func reported() throws {
        let charter = try Self.charter("  - {id: p, metric: fcr, target: {atLeast: 50%}, preset: zendesk}")
        let report = CheckEngine(charter: charter).evaluate([Self.contact])
        #expect(
            report.promises.first?.definition
                == "preset zendesk; first response from created; pauses not removed from resolution; FCR ignores reopens"
        )
    }

    // MARK: The options an event stream makes possible

    /// The period result of `promise` (one promise, judged over the whole range up to `to`) over `contacts`.
    static func period(
        _ promise: String,
        _ contacts: [Contact],
        to: String = "2026-03-02T13:00:00Z",
        top: String = ""
    ) throws -> CheckReport.PeriodResult {
        let charter = try charter(promise, top: top)
        let options = CheckEngine.Options(total: true, to: time(to))
        let result = try #require(CheckEngine(charter: charter, options: options).evaluate(contacts).promises.first)
        return try #require(result.periods.first)
    }

    static func events(_ text: String) throws -> [Contact] {
        let (contacts, report) = try ImportTesting.run(EventStreamImporter(), text: text)
        #expect(report.rejected == 0, "\(report.rejects)")
        return contacts
    }

    /// C1: created 09:00, first customer message 09:02, an unassignment at 09:03 (not an assignment), bot handoff
    /// 09:05, assigned to ann 09:06, first reply 09:10, solved 09:20; reopened 10:00 and answered 10:30, solved
    /// 11:00; reopened (status open) 12:00 and solved 12:30 without a reply. C2: answered 09:01, solved 09:02,
    /// reopened 09:30 and not answered since.
    static let cycles = """
        {"contact": "C1", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "chat"}
        {"contact": "C1", "type": "bot_message", "at": "2026-03-02T09:00:05Z"}
        {"contact": "C1", "type": "customer_message", "at": "2026-03-02T09:02:00Z"}
        {"contact": "C1", "type": "assignment", "at": "2026-03-02T09:03:00Z", "agent": null}
        {"contact": "C1", "type": "bot_handoff", "at": "2026-03-02T09:05:00Z"}
        {"contact": "C1", "type": "assignment", "at": "2026-03-02T09:06:00Z", "agent": "ann"}
        {"contact": "C1", "type": "agent_reply", "at": "2026-03-02T09:10:00Z", "agent": "ann"}
        {"contact": "C1", "type": "solved", "at": "2026-03-02T09:20:00Z"}
        {"contact": "C1", "type": "reopened", "at": "2026-03-02T10:00:00Z"}
        {"contact": "C1", "type": "customer_message", "at": "2026-03-02T10:00:00Z"}
        {"contact": "C1", "type": "agent_reply", "at": "2026-03-02T10:30:00Z", "agent": "ann"}
        {"contact": "C1", "type": "solved", "at": "2026-03-02T11:00:00Z"}
        {"contact": "C1", "type": "status", "at": "2026-03-02T12:00:00Z", "status": "open"}
        {"contact": "C1", "type": "solved", "at": "2026-03-02T12:30:00Z"}
        {"contact": "C2", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "chat"}
        {"contact": "C2", "type": "agent_reply", "at": "2026-03-02T09:01:00Z"}
        {"contact": "C2", "type": "solved", "at": "2026-03-02T09:02:00Z"}
        {"contact": "C2", "type": "reopened", "at": "2026-03-02T09:30:00Z"}
        """

    @Test(
        "first response starts where the definition says: creation, first customer message, handoff, assignment",
        arguments: [
            ("created", 600.0),  // 09:00 → 09:10
            ("first-customer-message", 480),  // 09:02 → 09:10
            ("handoff", 300),  // 09:05 → 09:10
            ("assignment", 240),  // 09:06 → 09:10; the unassignment at 09:03 is no assignment
        ]
    )
    func firstResponseStarts(start: String, seconds: Double) throws {
        let contacts = try Self.events(Self.cycles).filter { $0.id == "C1" }
        let promise = "  - {id: p, metric: first-response, target: {median: 1h}, minimumSample: 1"
        let period = try Self.period(promise + ", definition: {firstResponseStart: \(start)}}", contacts)
        #expect(period.n == 1)
        #expect(period.value == seconds)
    }

    @Test("a start after the reply, or none recorded, falls back to creation")
    func firstResponseStartFallback() throws {
        // O1: the agent wrote first (09:20), the customer answered at 09:40, nobody was assigned: from creation,
        // 1,200 s, whichever start is chosen.
        let outbound = try Self.events(
            """
            {"contact": "O1", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
            {"contact": "O1", "type": "agent_reply", "at": "2026-03-02T09:20:00Z"}
            {"contact": "O1", "type": "customer_message", "at": "2026-03-02T09:40:00Z"}
            {"contact": "O1", "type": "assignment", "at": "2026-03-02T09:45:00Z", "agent": "bo"}
            """
        )
        // R1 is a row of the contacts CSV: no timeline, so from creation: 09:00 → 09:30, 1,800 s.
        var row = Contact(id: "R1", channel: "email", createdAt: Self.time("2026-03-02T09:00:00Z"))
        row.firstResponseAt = Self.time("2026-03-02T09:30:00Z")
        for start in [MetricOptions.FirstResponseStart.firstCustomerMessage, .assignment] {
            var options = MetricOptions()
            options.firstResponseStart = start
            let definitions = MetricDefinitions(options: options)
            let asOf = Self.time("2026-03-03T00:00:00Z")
            let sampled = [outbound[0], row].map {
                definitions.sample(of: $0, for: .firstResponse, clock: nil, asOf: asOf)
            }
            #expect(sampled.map(Self.seconds) == [1_200, 1_800], "\(start)")
        }
    }

    static func seconds(_ sample: MetricSample) -> Double? {
        if case .duration(let seconds, _, _) = sample { return seconds }
        return nil
    }

    @Test("per reopen cycle: the clock restarts at each reopen; an unanswered open cycle is late once its hour ran out")
    func firstResponsePerCycle() throws {
        let contacts = try Self.events(Self.cycles)
        let promise = "  - {id: p, metric: first-response, target: {within: 1h, share: 50%}, minimumSample: 1"
        // Per ticket: C1 300 s (handoff 09:05 → 09:10), C2 60 s: both within the hour.
        let once = try Self.period(promise + "}", contacts)
        #expect(once.n == 2 && once.value == 1)
        // Per cycle: C1 300 s, then 10:00 → 10:30 = 1,800 s; its third cycle was solved without a reply: no
        // sample. C2 60 s, then reopened 09:30 and unanswered: late at 10:30, before the as-of 13:00, 3.5 h =
        // 12,600 s. Within the hour: 3 of 4.
        let perCycle = try Self.period(promise + ", definition: {firstResponse: per-cycle}}", contacts)
        #expect(perCycle.n == 4)
        #expect(perCycle.value == 0.75)
        #expect(perCycle.lateOpen == 1)
        #expect(perCycle.breaches == ["C2"])
        // Samples 60, 300, 1,800, 12,600: median (300 + 1,800) / 2.
        #expect(perCycle.median == 1_050)
        // Chatwoot restarts the clock at a reopen too.
        #expect(try Self.period(promise + ", preset: chatwoot}", contacts).n == 4)
    }

    /// N: blocks answered after 1,200 s (09:20 → 09:40), 3,900 s (10:00 → 11:05; 10:05 joins the block) and 900 s
    /// (11:30 → 11:45), solved 12:00. M: one block answered after 600 s, then 10:00 unanswered. O: one block
    /// answered after 1,200 s, still open.
    static let replies = """
        {"contact": "N", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
        {"contact": "N", "type": "agent_reply", "at": "2026-03-02T09:10:00Z"}
        {"contact": "N", "type": "customer_message", "at": "2026-03-02T09:20:00Z"}
        {"contact": "N", "type": "agent_reply", "at": "2026-03-02T09:40:00Z"}
        {"contact": "N", "type": "customer_message", "at": "2026-03-02T10:00:00Z"}
        {"contact": "N", "type": "customer_message", "at": "2026-03-02T10:05:00Z"}
        {"contact": "N", "type": "agent_reply", "at": "2026-03-02T11:05:00Z"}
        {"contact": "N", "type": "customer_message", "at": "2026-03-02T11:30:00Z"}
        {"contact": "N", "type": "agent_reply", "at": "2026-03-02T11:45:00Z"}
        {"contact": "N", "type": "solved", "at": "2026-03-02T12:00:00Z"}
        {"contact": "M", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
        {"contact": "M", "type": "agent_reply", "at": "2026-03-02T09:05:00Z"}
        {"contact": "M", "type": "customer_message", "at": "2026-03-02T09:10:00Z"}
        {"contact": "M", "type": "agent_reply", "at": "2026-03-02T09:20:00Z"}
        {"contact": "M", "type": "customer_message", "at": "2026-03-02T10:00:00Z"}
        {"contact": "O", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
        {"contact": "O", "type": "agent_reply", "at": "2026-03-02T09:05:00Z"}
        {"contact": "O", "type": "customer_message", "at": "2026-03-02T09:10:00Z"}
        {"contact": "O", "type": "agent_reply", "at": "2026-03-02T09:30:00Z"}
        """

    @Test("next reply per ticket: each block, the ticket's longest wait, or its mean wait, taken at the solve")
    func nextReplyPerTicket() throws {
        let contacts = try Self.events(Self.replies)
        let promise = "  - {id: p, metric: next-reply, target: {within: 1h, share: 50%}, minimumSample: 1"
        // Each: N 1,200 ✓, 3,900 ✗, 900 ✓; M 600 ✓ and 10:00 unanswered, late at 11:00 (3 h = 10,800 s at 13:00) ✗;
        // O 1,200 ✓. 4 of 6.
        let each = try Self.period(promise + "}", contacts)
        #expect(each.n == 6)
        #expect(each.value == 4.0 / 6.0)
        #expect(each.lateOpen == 1)
        // Max: N 3,900 ✗ (at its 12:00 solve); M pending since 10:00, late ✗; O open with nothing unanswered: no
        // sample until its solve. 0 of 2; median (3,900 + 10,800) / 2.
        let longest = try Self.period(promise + ", definition: {nextReply: max}}", contacts)
        #expect(longest.n == 2)
        #expect(longest.value == 0)
        #expect(longest.breaches == ["N", "M"])
        #expect(longest.median == 7_350)
        // Mean: N (1,200 + 3,900 + 900) / 3 = 2,000 ✓; M late ✗. 1 of 2; median (2,000 + 10,800) / 2.
        let mean = try Self.period(promise + ", definition: {nextReply: mean}}", contacts)
        #expect(mean.n == 2)
        #expect(mean.value == 0.5)
        #expect(mean.median == 6_400)
    }

    /// R1: created 08:00, answered 08:30, pending 09:00–09:30, solved 10:00, reopened 11:00, answered 11:10, solved
    /// 12:00. R2: solved 09:00, reopened 09:30, still open.
    static let solves = """
        {"contact": "R1", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
        {"contact": "R1", "type": "agent_reply", "at": "2026-03-02T08:30:00Z"}
        {"contact": "R1", "type": "status", "at": "2026-03-02T09:00:00Z", "status": "pending"}
        {"contact": "R1", "type": "status", "at": "2026-03-02T09:30:00Z", "status": "open"}
        {"contact": "R1", "type": "solved", "at": "2026-03-02T10:00:00Z"}
        {"contact": "R1", "type": "reopened", "at": "2026-03-02T11:00:00Z"}
        {"contact": "R1", "type": "agent_reply", "at": "2026-03-02T11:10:00Z"}
        {"contact": "R1", "type": "solved", "at": "2026-03-02T12:00:00Z"}
        {"contact": "R2", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
        {"contact": "R2", "type": "solved", "at": "2026-03-02T09:00:00Z"}
        {"contact": "R2", "type": "reopened", "at": "2026-03-02T09:30:00Z"}
        """

    @Test("resolution to the last solve, to the first solve, or per reopen cycle")
    func resolutionEnds() throws {
        let contacts = try Self.events(Self.solves)
        let promise = "  - {id: p, metric: resolution, target: {within: 2h, share: 50%}, minimumSample: 1"
        // Full: R1 08:00 → 12:00 less the 30-minute pause = 12,600 s ✗; R2 open since 08:00, late at 10:00 (5 h =
        // 18,000 s at 13:00) ✗.
        let full = try Self.period(promise + "}", contacts)
        #expect(full.n == 2 && full.value == 0 && full.lateOpen == 1)
        #expect(full.median == 15_300)  // (12,600 + 18,000) / 2
        // First solve: R1 08:00 → 10:00 less the pause = 5,400 s ✓; R2 08:00 → 09:00 = 3,600 s ✓.
        let first = try Self.period(promise + ", definition: {resolution: first-solve}}", contacts)
        #expect(first.n == 2 && first.value == 1 && first.lateOpen == 0)
        #expect(first.median == 4_500)
        // Per cycle: R1 5,400 ✓ and 11:00 → 12:00 = 3,600 ✓; R2 3,600 ✓ and reopened 09:30, late at 11:30 (3.5 h =
        // 12,600 s at 13:00) ✗. 3 of 4.
        let cycles = try Self.period(promise + ", definition: {resolution: per-cycle}}", contacts)
        #expect(cycles.n == 4 && cycles.value == 0.75 && cycles.lateOpen == 1)
        #expect(cycles.breaches == ["R2"])
        // Zendesk's full resolution: the last solve, pauses counted: R1 4 h = 14,400 s.
        let zendesk = try Self.period(promise + ", preset: zendesk}", contacts)
        #expect(zendesk.median == 16_200)  // (14,400 + 18,000) / 2
    }

    @Test("without an event stream, first solve is the solve of a contact never reopened, and unknown otherwise")
    func firstSolveFromRows() {
        var options = MetricOptions()
        options.resolutionEnd = .firstSolve
        let definitions = MetricDefinitions(options: options)
        func row(reopens: Int?) -> Contact {
            var contact = Contact(id: "X", channel: "email", createdAt: Self.time("2026-03-02T08:00:00Z"))
            contact.resolvedAt = Self.time("2026-03-02T09:00:00Z")
            contact.reopens = reopens
            return contact
        }
        let asOf = Self.time("2026-03-03T00:00:00Z")
        #expect(
            Self.seconds(definitions.sample(of: row(reopens: 0), for: .resolution, clock: nil, asOf: asOf)) == 3_600
        )
        for reopens in [2, nil] {
            guard
                case .excluded = definitions.sample(of: row(reopens: reopens), for: .resolution, clock: nil, asOf: asOf)
            else {
                Issue.record("a contact reopened \(String(describing: reopens)) times has no known first solve")
                continue
            }
        }
    }

    @Test("FCR by one touch, by no customer follow-up, or by the customer's survey answer")
    func fcrMethods() throws {
        // F1 answered once, no follow-up. F2 answered once, then the customer wrote "thanks" (a follow-up). F3 two
        // replies around a follow-up. F4 solved without a reply. All solved on 2026-03-02, matured by the 20th.
        var contacts = try Self.events(
            """
            {"contact": "F1", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "F1", "type": "customer_message", "at": "2026-03-02T08:00:00Z"}
            {"contact": "F1", "type": "agent_reply", "at": "2026-03-02T08:30:00Z"}
            {"contact": "F1", "type": "solved", "at": "2026-03-02T09:00:00Z"}
            {"contact": "F2", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "F2", "type": "agent_reply", "at": "2026-03-02T08:30:00Z"}
            {"contact": "F2", "type": "customer_message", "at": "2026-03-02T08:45:00Z"}
            {"contact": "F2", "type": "solved", "at": "2026-03-02T09:00:00Z"}
            {"contact": "F3", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "F3", "type": "agent_reply", "at": "2026-03-02T08:30:00Z"}
            {"contact": "F3", "type": "customer_message", "at": "2026-03-02T08:40:00Z"}
            {"contact": "F3", "type": "agent_reply", "at": "2026-03-02T08:50:00Z"}
            {"contact": "F3", "type": "solved", "at": "2026-03-02T09:00:00Z"}
            {"contact": "F4", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "F4", "type": "solved", "at": "2026-03-02T08:10:00Z"}
            """
        )
        #expect(contacts.map(\.customerFollowUps) == [0, 1, 1, 0])
        // Rows of the contacts CSV: F5 solved with one reply; S1–S3 carry a survey answer (S3 is open).
        let (rows, report) = try ImportTesting.run(
            CanonicalCSVImporter(),
            text: """
                id,channel,created_at,resolved_at,agent_replies,fcr_answer
                F5,email,2026-03-02T08:00:00Z,2026-03-02T09:00:00Z,1,
                S1,email,2026-03-02T08:00:00Z,2026-03-02T09:00:00Z,3,yes
                S2,email,2026-03-02T08:00:00Z,2026-03-02T09:00:00Z,1,false
                S3,email,2026-03-19T08:00:00Z,,,true
                """
        )
        #expect(report.rejected == 0)
        #expect(rows.map(\.fcrAnswer) == [nil, true, false, true])
        contacts += rows
        let promise = "  - {id: p, metric: fcr, target: {atLeast: 50%}, minimumSample: 1"
        let to = "2026-03-20T00:00:00Z"
        // One-touch (≤ 1 reply): F1 ✓ F2 ✓ F3 ✗ F4 ✓ F5 ✓ S1 ✗ (3 replies) S2 ✓; S3 open. 5 of 7.
        let oneTouch = try Self.period(promise + "}", contacts, to: to)
        #expect(oneTouch.n == 7 && oneTouch.value == 5.0 / 7.0)
        // No follow-up: F1 ✓ F2 ✗ F3 ✗ F4 ✓; the CSV rows cannot say. 2 of 4.
        let followUps = try Self.period(promise + ", definition: {fcr: no-follow-up}}", contacts, to: to)
        #expect(followUps.n == 4 && followUps.value == 0.5)
        // Survey: S1 yes, S2 no, S3 yes (an answer needs no maturing). 2 of 3.
        let survey = try Self.period(promise + ", definition: {fcr: survey}}", contacts, to: to)
        #expect(survey.n == 3 && survey.value == 2.0 / 3.0)
    }

    /// Six solved answers and two contacts without one (U1 solved, U2 open).
    static var answers: [Contact] {
        let scores: [(String, Double?, Bool)] = [
            ("A1", 10, true), ("A2", 9, true), ("A3", 8, true), ("A4", 3, true), ("A5", 11, true), ("A6", 1, true),
            ("U1", nil, true), ("U2", nil, false),
        ]
        return scores.map { id, score, solved in
            var contact = Contact(id: id, channel: "email", createdAt: time("2026-03-02T08:00:00Z"))
            contact.csat = score
            contact.resolvedAt = solved ? time("2026-03-02T09:00:00Z") : nil
            return contact
        }
    }

    @Test("CSAT on another scale: top-2-box of the scale by default, a threshold, off-scale answers left out")
    func csatScales() throws {
        let promise = "  - {id: p, metric: csat, target: {atLeast: 50%}, minimumSample: 1"
        // 1–5: 10, 9, 8 and 11 are off the scale; 3 ✗ and 1 ✗: 0 of 2. Response rate: 2 answers, 1 solved without:
        // 2 / 3.
        let fivePoint = try Self.period(promise + "}", Self.answers)
        #expect(fivePoint.n == 2 && fivePoint.value == 0)
        #expect(fivePoint.responseRate == 2.0 / 3.0)
        // 0–10, top two (9–10): 10 ✓ 9 ✓ 8 ✗ 3 ✗ 1 ✗; 11 off the scale. 2 of 5; response rate 5 / 6.
        let tenPoint = try Self.period(promise + ", definition: {csatScale: 0-10}}", Self.answers)
        #expect(tenPoint.n == 5 && tenPoint.value == 0.4)
        #expect(tenPoint.responseRate == 5.0 / 6.0)
        // From 8: 3 of 5.
        let fromEight = try Self.period(promise + ", definition: {csatScale: 0-10, csatPositive: 8}}", Self.answers)
        #expect(fromEight.value == 0.6)
        // Good/bad: only 0 and 1 are answers: A6 (1) is good. 1 of 1.
        let goodBad = try Self.period(promise + ", definition: {csatScale: good-bad}}", Self.answers)
        #expect(goodBad.n == 1 && goodBad.value == 1)
    }

    @Test("CSAT mean score: the mean answer with Student's t interval, against a bound on the scale")
    func csatMeanScore() throws {
        let charter = try Self.charter(
            "  - {id: p, metric: csat, definition: {csatScale: 0-10, csatStatistic: mean-score}, target: {atLeast: 7}, minimumSample: 1}"
        )
        let options = CheckEngine.Options(total: true, to: Self.time("2026-03-03T00:00:00Z"))
        let contacts = Self.answers.filter { ["A1", "A2", "A3", "A4", "U1"].contains($0.id) }
        let result = try #require(CheckEngine(charter: charter, options: options).evaluate(contacts).promises.first)
        let period = try #require(result.periods.first)
        // Answers 10, 9, 8, 3: mean 7.5. SciPy: t.ppf(0.975, 3) · stdev / √4 = 4.94731… → 2.55269…–12.44731….
        #expect(period.n == 4)
        #expect(period.value == 7.5)
        let interval = try #require(period.interval)
        #expect(abs(interval.low - 2.5526861657528084) < 1e-9)
        #expect(abs(interval.high - 12.447313834247192) < 1e-9)
        #expect(period.verdict == .atRisk)  // the interval straddles 7
        #expect(period.breaches == ["A4"])  // the one answer below 7
        #expect(period.responseRate == 0.8)  // 4 answers, U1 solved without one
        #expect(result.target.summary == "mean ≥ 7 on 0–10")
        #expect(result.target.scale == "0-10" && result.target.statistic == "mean")
        #expect(ReportUnit(result) == .score)
        #expect(ReportUnit.score.format(period.value) == "7.50")
        // --explain lists U1 as not counted, and each answer with whether it meets 7.
        let rows = try #require(
            CheckEngine(charter: charter, options: options).explain("p", contacts: contacts, periodLabel: nil)
        )
        #expect(rows.first?.id == "A4" && rows.first?.met == false && rows.first?.value == 3)
        let unanswered = try #require(rows.first { $0.id == "U1" })
        #expect(!unanswered.counted && unanswered.note?.contains("response rate") == true)
    }

    @Test("abandonment leaves out short abandons: ended − created under the threshold; no end time counts")
    func shortAbandons() throws {
        func call(_ id: String, abandoned: Bool?, ended: String?, answered: Bool = false) -> Contact {
            var contact = Contact(id: id, channel: "phone", createdAt: Self.time("2026-03-02T09:00:00Z"))
            contact.abandoned = abandoned
            contact.endedAt = ended.map(Self.time)
            contact.firstResponseAt = answered ? Self.time("2026-03-02T09:00:30Z") : nil
            return contact
        }
        let calls = [
            call("A1", abandoned: true, ended: "2026-03-02T09:00:04Z"),  // waited 4 s
            call("A2", abandoned: true, ended: "2026-03-02T09:00:05Z"),  // waited 5 s
            call("A3", abandoned: true, ended: nil),  // wait unknown
            call("A4", abandoned: false, ended: "2026-03-02T09:05:00Z", answered: true),
            call("A5", abandoned: nil, ended: nil, answered: true),
        ]
        let promise = "  - {id: p, metric: abandonment, target: {atMost: 10%}, minimumSample: 1"
        // All: 3 abandoned of 5.
        #expect(try Self.period(promise + "}", calls).value == 0.6)
        // Under 5 s: A1 (4 s) left out; A2 waited exactly 5 s and counts. 2 of 4.
        let five = try Self.period(promise + ", definition: {shortAbandon: 5s}}", calls)
        #expect(five.n == 4 && five.value == 0.5)
        // Under 10 s: A1 and A2 left out; A3 has no end time and counts. 1 of 3.
        let ten = try Self.period(promise + ", definition: {shortAbandon: 10s}}", calls)
        #expect(ten.n == 3 && ten.value == 1.0 / 3.0)
    }

    @Test("speed of answer with censored abandons: a caller who hung up after the limit is a miss, sooner is left out")
    func censoredAbandons() throws {
        func call(_ id: String, answeredAfter: Int? = nil, abandonedAfter: Int? = nil) -> Contact {
            let created = Self.time("2026-03-02T09:00:00Z")
            var contact = Contact(id: id, channel: "phone", createdAt: created)
            if let answeredAfter {
                contact.firstResponseAt = Timestamp(seconds: created.seconds + Int64(answeredAfter))
                contact.endedAt = Timestamp(seconds: created.seconds + 300)
                contact.abandoned = false
            }
            if let abandonedAfter {
                contact.endedAt = Timestamp(seconds: created.seconds + Int64(abandonedAfter))
                contact.abandoned = true
            }
            return contact
        }
        var calls = (0..<6).map { call("A\($0)", answeredAfter: 10) }  // answered in 10 s: met
        calls += [call("L1", answeredAfter: 40), call("L2", answeredAfter: 40)]  // answered in 40 s: missed
        calls.append(call("H1", abandonedAfter: 30))  // hung up after 30 s, past the 20 s limit
        calls.append(call("H2", abandonedAfter: 5))  // hung up after 5 s, before the limit
        calls.append(call("H3", abandonedAfter: nil))  // abandoned with no end time
        calls[calls.count - 1].abandoned = true
        let promise = "  - {id: p, metric: speed-of-answer, target: {within: 20s, share: 80%}, minimumSample: 1"
        // Answered calls only: 6 of 8 within 20 s.
        let answered = try Self.period(promise + "}", calls)
        #expect(answered.n == 8 && answered.value == 0.75)
        // Censored: H1 waited 30 s > 20 s and is a miss; H2 and H3 are left out. 6 of 9.
        let censored = try Self.period(promise + ", definition: {abandonedCalls: censored}}", calls)
        #expect(censored.n == 9 && censored.value == 6.0 / 9.0)
        #expect(censored.breaches.contains("H1") && !censored.breaches.contains("H2"))
    }

    @Test("new options are refused with their place, a suggestion and a fix")
    func newOptionValidation() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: UTC
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            definition: {csatPositive: 4}
            promises:
              - {id: a, metric: first-response, target: {median: 1h}, definition: {firstResponseStart: assigment}}
              - {id: b, metric: next-reply, target: {median: 1h}, definition: {nextReply: maxx, firstResponse: once}}
              - {id: c, metric: resolution, target: {median: 1h}, definition: {resolution: first_solve}}
              - {id: d, metric: fcr, target: {atLeast: 70%}, definition: {fcr: surveys, csatScales: 1-5}}
              - {id: e, metric: csat, target: {atLeast: 70%}, definition: {csatScale: 1-7, csatPositive: 6}}
              - {id: f, metric: csat, target: {atLeast: 70%}, definition: {csatScale: good-bad}}
              - {id: g, metric: abandonment, target: {atMost: 5%}, definition: {shortAbandon: 10}}
              - {id: h, metric: csat, target: {atLeast: 70%}, definition: {csatPositive: high}}
            """
        )
        expectDiagnostic(
            in: errors,
            "invalid-option",
            keyPath: "promises[0].definition.firstResponseStart",
            at: "8:92",
            mentioning: ["`assignment`", "created, first-customer-message, handoff or assignment"]
        )
        expectDiagnostic(
            in: errors,
            "invalid-option",
            keyPath: "promises[1].definition.nextReply",
            at: "9:79",
            mentioning: ["`max`", "each, max or mean"]
        )
        expectDiagnostic(
            in: errors,
            "invalid-option",
            keyPath: "promises[1].definition.firstResponse",
            at: "9:100",
            mentioning: ["per-ticket or per-cycle"]
        )
        expectDiagnostic(
            in: errors,
            "invalid-option",
            keyPath: "promises[2].definition.resolution",
            at: "10:80",
            mentioning: ["`first-solve`"]
        )
        expectDiagnostic(
            in: errors,
            "invalid-option",
            keyPath: "promises[3].definition.fcr",
            at: "11:68",
            mentioning: ["`survey`"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-key",
            keyPath: "promises[3].definition.csatScales",
            at: "11:77",
            mentioning: ["`csatScale`"]
        )
        // 1–7 is not a scale; the threshold 6 is then checked against the 1–5 scale the promise keeps.
        expectDiagnostic(
            in: errors,
            "invalid-option",
            keyPath: "promises[4].definition.csatScale",
            at: "12:75",
            mentioning: ["1-5, 1-10, 0-10 or good-bad"]
        )
        expectDiagnostic(
            in: errors,
            "out-of-range",
            keyPath: "promises[4].definition.csatPositive",
            at: "12:94",
            mentioning: ["1–5", "from 1 to 5", "`csatPositive: 4`"]
        )
        // The charter-wide threshold 4 does not fit good/bad: reported at the scale that made it wrong.
        expectDiagnostic(
            in: errors,
            "out-of-range",
            keyPath: "promises[5].definition.csatScale",
            at: "13:75",
            mentioning: ["good/bad", "`csatPositive: 1`"]
        )
        expectDiagnostic(
            in: errors,
            "invalid-duration",
            keyPath: "promises[6].definition.shortAbandon",
            at: "14:83",
            mentioning: ["`10s`"]
        )
        expectDiagnostic(
            in: errors,
            "invalid-number",
            keyPath: "promises[7].definition.csatPositive",
            at: "15:78",
            mentioning: ["`high`"]
        )
    }

    @Test("a mean-score CSAT target is an answer on the scale: percentages and impossible answers are refused")
    func meanScoreTargets() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: UTC
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            definition: {csatStatistic: mean-score}
            promises:
              - {id: a, metric: csat, target: {atLeast: 88%}}
              - {id: b, metric: csat, target: {atLeast: 6}}
              - {id: c, metric: csat, target: {atLeast: 1}}
              - {id: d, metric: csat, target: {atLeast: 4.2}}
              - {id: e, metric: fcr, target: {atLeast: 75%}}
            """
        )
        expectDiagnostic(
            in: errors,
            "invalid-score",
            keyPath: "promises[0].target.atLeast",
            at: "8:45",
            mentioning: ["not a percentage", "`atLeast: 4.2`"]
        )
        expectDiagnostic(
            in: errors,
            "out-of-range",
            keyPath: "promises[1].target.atLeast",
            at: "9:45",
            mentioning: ["from 1 to 5"]
        )
        expectDiagnostic(
            in: errors,
            "out-of-range",
            keyPath: "promises[2].target.atLeast",
            at: "10:45",
            mentioning: ["kept whatever happens"]
        )
        // d (4.2 on 1–5) and e (FCR keeps its share) are fine.
        #expect(errors.count == 3, "\(errors)")
    }

    @Test("the report names every new choice; the presets set what their vendor notes say")
    func newSummaryAndPresets() throws {
        var options = MetricOptions()
        options.firstResponseStart = .firstCustomerMessage
        options.firstResponsePerCycle = true
        options.nextReplyPerTicket = .max
        options.resolutionEnd = .firstSolve
        options.fcrMethod = .noFollowUp
        options.csatScale = .zeroToTen
        options.csatPositiveAtLeast = 8
        options.csatStatistic = .meanScore
        options.shortAbandonSeconds = 90
        #expect(
            options.summary
                == "first response from first customer message; first response per reopen cycle; next reply: the max "
                + "per ticket; resolution to the first solve; FCR: no customer follow-up; CSAT on 0–10; CSAT positive "
                + "from 8; CSAT mean score; abandons under 1m30s left out"
        )
        // The scale's own top two is no change worth naming.
        var topTwo = MetricOptions()
        topTwo.csatScale = .oneToTen
        topTwo.csatPositiveAtLeast = 9
        #expect(topTwo.summary == "CSAT on 1–10")
        #expect(MetricOptions.preset("intercom")?.firstResponseStart == .firstCustomerMessage)
        #expect(MetricOptions.preset("chatwoot")?.firstResponsePerCycle == true)
        #expect(MetricOptions.preset("zendesk")?.resolutionEnd == .full)
        #expect(MetricOptions.preset("zammad")?.firstResponsePerCycle == false)
    }

    @Test("the example in docs/metrics.md is a valid charter with the definitions it describes")
    func documentedExample() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/metrics.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\npreset: zendesk"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let example = String(text[text.index(start.lowerBound, offsetBy: 8)..<end.lowerBound])
        let header = """
            northstar: 1
            organization: Acme Support
            vision: Every customer feels cared for after every conversation with our team.
            mission: We answer chats within 30 seconds.

            """
        let charter = try CharterLoader.load(bytes: Array((header + example).utf8), file: "test.yaml", today: nil)
            .charter
        let byID = Dictionary(uniqueKeysWithValues: charter.promises.map { ($0.id, $0) })
        let csat = try #require(byID["csat-mean"])
        #expect(csat.options.preset == "zendesk")
        #expect(csat.options.csatScale == .zeroToTen && csat.options.csatStatistic == .meanScore)
        #expect(csat.target == .atLeast(8))
        #expect(byID["abandonment"]?.options.shortAbandonSeconds == 5)
        #expect(byID["fcr"]?.options.reopenWindowDays == 14)
    }
}
