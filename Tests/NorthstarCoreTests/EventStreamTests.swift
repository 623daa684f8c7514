import Foundation
import Testing

@testable import NorthstarCore

/// Hand-typed event streams; every expected value is worked out in the comment beside it. 2026-03-02 is a
/// Monday; in March 2026 Amsterdam is UTC+1, so the `office` calendar (Mon–Fri 08:00–18:00 local) is open
/// 07:00–17:00Z.
@Suite("EventStream")
struct EventStreamTests {
    static func charter(
        _ promises: String = "  - {id: any, metric: resolution, target: {within: 1h, share: 90%}}"
    )
        throws -> Charter
    {
        let text = """
            northstar: 1
            organization: Acme Support
            timezone: Europe/Amsterdam
            vision: Every customer feels cared for after every conversation with our team.
            mission: We answer every message within the hour.
            calendars:
              office: {hours: {mon-fri: ["08:00-18:00"]}}
            promises:
            \(promises)
            """
        return try CharterLoader.load(bytes: Array(text.utf8), file: "test.yaml", today: nil).charter
    }

    static func office() throws -> BusinessClock {
        let calendar = try #require(try charter().calendar(named: "office"))
        return try #require(BusinessClock(calendar: calendar))
    }

    static func time(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    static func read(_ text: String, crlf: Bool = false) throws -> (contacts: [Contact], report: ImportReport) {
        try ImportTesting.run(EventStreamImporter(), text: text, crlf: crlf)
    }

    static func only(_ text: String) throws -> Contact {
        let (contacts, report) = try read(text)
        #expect(report.rejected == 0, "\(report.rejects)")
        return try #require(contacts.first)
    }

    static func sample(_ contact: Contact, _ metric: Metric, clock: BusinessClock? = nil) -> MetricSample {
        MetricDefinitions().sample(of: contact, for: metric, clock: clock, asOf: time("2026-03-09T00:00:00Z"))
    }

    static func seconds(_ sample: MetricSample) -> Double? {
        if case .duration(let seconds, _, _) = sample { return seconds }
        return nil
    }

    // MARK: First response

    @Test("a bot handoff moves the first-response start; bot messages, notes and later handoffs do not")
    func botHandoff() throws {
        let contact = try Self.only(
            """
            {"contact": "B1", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "Chat", "team": "tier1"}
            {"contact": "B1", "type": "bot_message", "at": "2026-03-02T09:00:05Z"}
            {"contact": "B1", "type": "customer_message", "at": "2026-03-02T09:01:00Z"}
            {"contact": "B1", "type": "bot_handoff", "at": "2026-03-02T09:02:00Z"}
            {"contact": "B1", "type": "bot_handoff", "at": "2026-03-02T09:05:00Z"}
            {"contact": "B1", "type": "private_note", "at": "2026-03-02T09:05:30Z", "agent": "ann"}
            {"contact": "B1", "type": "agent_reply", "at": "2026-03-02T09:06:00Z", "agent": "ann"}
            {"contact": "B1", "type": "bot_handoff", "at": "2026-03-02T09:30:00Z"}
            """
        )
        #expect(contact.channel == "chat")  // read in lower case
        #expect(contact.team == "tier1")
        // The last handoff before the reply is 09:05; the one at 09:30 comes after the first response.
        #expect(contact.botHandoffAt == Self.time("2026-03-02T09:05:00Z"))
        // The bot message (09:00:05) and the private note (09:05:30) are not responses.
        #expect(contact.firstResponseAt == Self.time("2026-03-02T09:06:00Z"))
        #expect(contact.agentReplies == 1)
        #expect(contact.agent == "ann")  // no assignment: the author of the last public reply
        // max(09:00 created, 09:05 handoff) → 09:06 reply = 60 s (not 360 s from creation).
        #expect(Self.seconds(Self.sample(contact, .firstResponse)) == 60)
    }

    @Test("an unanswered contact after a handoff is pending since the handoff")
    func pendingSinceHandoff() throws {
        let contact = try Self.only(
            """
            {"contact": "B2", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "chat"}
            {"contact": "B2", "type": "bot_handoff", "at": "2026-03-02T09:10:00Z"}
            {"contact": "B2", "type": "customer_message", "at": "2026-03-02T09:11:00Z"}
            """
        )
        #expect(contact.firstResponseAt == nil)
        guard case .pending(let since, let pauses) = Self.sample(contact, .firstResponse) else {
            Issue.record("expected a pending first response")
            return
        }
        #expect(since == Self.time("2026-03-02T09:10:00Z"))
        #expect(pauses.isEmpty)
        // No customer message after a first response: no next-reply block.
        #expect(contact.nextReplyWaits == [])
    }

    // MARK: Next reply

    @Test("two answered customer blocks give two next-reply samples; an unanswered last block is pending")
    func nextReplyBlocks() throws {
        let contact = try Self.only(
            """
            {"contact": "N1", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
            {"contact": "N1", "type": "customer_message", "at": "2026-03-02T09:00:00Z"}
            {"contact": "N1", "type": "agent_reply", "at": "2026-03-02T09:10:00Z", "agent": "bo"}
            {"contact": "N1", "type": "customer_message", "at": "2026-03-02T09:20:00Z"}
            {"contact": "N1", "type": "customer_message", "at": "2026-03-02T09:25:00Z"}
            {"contact": "N1", "type": "agent_reply", "at": "2026-03-02T09:40:00Z", "agent": "bo"}
            {"contact": "N1", "type": "agent_reply", "at": "2026-03-02T09:45:00Z", "agent": "bo"}
            {"contact": "N1", "type": "customer_message", "at": "2026-03-02T10:00:00Z"}
            {"contact": "N1", "type": "bot_message", "at": "2026-03-02T10:05:00Z"}
            {"contact": "N1", "type": "private_note", "at": "2026-03-02T10:10:00Z"}
            {"contact": "N1", "type": "agent_reply", "at": "2026-03-02T10:30:00Z", "agent": "bo"}
            {"contact": "N1", "type": "customer_message", "at": "2026-03-02T11:00:00Z"}
            """
        )
        // The 09:00 message waits for the first response (09:10), not for a next reply.
        // Block 1: 09:20 and 09:25, answered at 09:40 → from the oldest, 09:20: 1,200 s.
        // The 09:45 reply answers no block. Block 2: 10:00, answered at 10:30 (the bot message and the note do not
        // answer) → 1,800 s. Block 3: 11:00, unanswered and the contact is open → pending.
        #expect(
            contact.nextReplyWaits == [
                ReplyWait(customerAt: Self.time("2026-03-02T09:20:00Z"), replyAt: Self.time("2026-03-02T09:40:00Z")),
                ReplyWait(customerAt: Self.time("2026-03-02T10:00:00Z"), replyAt: Self.time("2026-03-02T10:30:00Z")),
                ReplyWait(customerAt: Self.time("2026-03-02T11:00:00Z"), replyAt: nil),
            ]
        )
        #expect(contact.agentReplies == 4)
        guard case .several(let parts) = Self.sample(contact, .nextReply) else {
            Issue.record("expected several samples")
            return
        }
        #expect(parts.count == 3)
        #expect(parts.prefix(2).map(Self.seconds) == [1_200, 1_800])
        if case .duration(_, let at, _) = parts[0] { #expect(at == Self.time("2026-03-02T09:40:00Z")) }
        if case .pending(let since, _) = parts[2] { #expect(since == Self.time("2026-03-02T11:00:00Z")) }
    }

    @Test("a block still unanswered at the solve is dropped; so is one written to a contact that stays solved")
    func solveEndsBlock() throws {
        let contact = try Self.only(
            """
            {"contact": "N2", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
            {"contact": "N2", "type": "agent_reply", "at": "2026-03-02T09:10:00Z"}
            {"contact": "N2", "type": "customer_message", "at": "2026-03-02T09:20:00Z"}
            {"contact": "N2", "type": "solved", "at": "2026-03-02T09:30:00Z"}
            {"contact": "N2", "type": "customer_message", "at": "2026-03-02T09:35:00Z"}
            """
        )
        // 09:20 is ended by the solve at 09:30 ("thanks!" needs no reply); 09:35 arrives while solved and the
        // contact is still solved at the end. No sample.
        #expect(contact.nextReplyWaits == [])
        #expect(contact.resolvedAt == Self.time("2026-03-02T09:30:00Z"))
        guard case .excluded = Self.sample(contact, .nextReply) else {
            Issue.record("expected no next-reply sample")
            return
        }
        // A contact from the contacts CSV cannot say: next reply is excluded, not zero samples.
        let row = Contact(id: "X", channel: "email", createdAt: Self.time("2026-03-02T09:00:00Z"))
        #expect(row.nextReplyWaits == nil)
    }

    // MARK: Pauses

    @Test("a pause during business hours is removed from resolution, on the office clock and the calendar")
    func pauseInBusinessHours() throws {
        let contact = try Self.only(
            """
            {"contact": "P1", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "P1", "type": "agent_reply", "at": "2026-03-02T09:00:00Z"}
            {"contact": "P1", "type": "status", "at": "2026-03-02T10:00:00Z", "status": "pending"}
            {"contact": "P1", "type": "status", "at": "2026-03-02T12:00:00Z", "status": "open"}
            {"contact": "P1", "type": "solved", "at": "2026-03-02T15:00:00Z"}
            """
        )
        #expect(
            contact.pauses == [
                PauseInterval(start: Self.time("2026-03-02T10:00:00Z"), end: Self.time("2026-03-02T12:00:00Z"))
            ]
        )
        // Office: 08:00Z–15:00Z is all open (07:00–17:00Z): 7 h = 25,200 s; the pause 10:00–12:00Z is open too:
        // 7,200 s. 25,200 − 7,200 = 18,000 s (5 h).
        #expect(Self.seconds(Self.sample(contact, .resolution, clock: try Self.office())) == 18_000)
        // Calendar: 7 h − 2 h = 5 h.
        #expect(Self.seconds(Self.sample(contact, .resolution)) == 18_000)
    }

    @Test("an overnight pause outside business hours removes nothing the mask had not already removed")
    func pauseOvernight() throws {
        let contact = try Self.only(
            """
            {"contact": "P2", "type": "created", "at": "2026-03-02T15:00:00Z", "channel": "email"}
            {"contact": "P2", "type": "agent_reply", "at": "2026-03-02T16:00:00Z"}
            {"contact": "P2", "type": "status", "at": "2026-03-02T17:30:00Z", "status": "On Hold"}
            {"contact": "P2", "type": "status", "at": "2026-03-03T06:30:00Z", "status": "open"}
            {"contact": "P2", "type": "solved", "at": "2026-03-03T08:00:00Z"}
            """
        )
        #expect(
            contact.pauses == [
                PauseInterval(start: Self.time("2026-03-02T17:30:00Z"), end: Self.time("2026-03-03T06:30:00Z"))
            ]
        )
        // Office: Mon 15:00–17:00Z (2 h) + Tue 07:00–08:00Z (1 h) = 10,800 s. The pause, Mon 18:30 to Tue 07:30
        // local, is all closed: it removes 0 → 10,800 s. (Subtracting its 13 calendar hours would give 0.)
        #expect(Self.seconds(Self.sample(contact, .resolution, clock: try Self.office())) == 10_800)
        // Calendar: 17 h − 13 h = 4 h = 14,400 s.
        #expect(Self.seconds(Self.sample(contact, .resolution)) == 14_400)
    }

    @Test("on hold then pending is one pause, ended by the solve; a pause with nothing after it is open")
    func pauseBoundaries() throws {
        let (contacts, report) = try Self.read(
            """
            {"contact": "P3", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "P3", "type": "status", "at": "2026-03-02T10:00:00Z", "status": "on_hold"}
            {"contact": "P3", "type": "status", "at": "2026-03-02T11:00:00Z", "status": "pending"}
            {"contact": "P3", "type": "solved", "at": "2026-03-02T12:00:00Z"}
            {"contact": "P4", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "P4", "type": "status", "at": "2026-03-02T09:00:00Z", "status": "pending"}
            """
        )
        #expect(report.rejected == 0)
        #expect(contacts.map(\.id) == ["P3", "P4"])
        #expect(
            contacts[0].pauses == [
                PauseInterval(start: Self.time("2026-03-02T10:00:00Z"), end: Self.time("2026-03-02T12:00:00Z"))
            ]
        )
        // 4 h − 2 h paused = 2 h.
        #expect(Self.seconds(Self.sample(contacts[0], .resolution)) == 7_200)
        #expect(contacts[1].pauses == [PauseInterval(start: Self.time("2026-03-02T09:00:00Z"), end: nil)])
        guard case .pending(_, let pauses) = Self.sample(contacts[1], .resolution) else {
            Issue.record("expected a pending resolution")
            return
        }
        #expect(pauses.count == 1)
    }

    // MARK: Reopens, answers, order

    @Test("reopens count the times a contact left the solved state; resolution is the last solve; latest answers")
    func reopens() throws {
        let (contacts, report) = try Self.read(
            """
            {"contact": "R1", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
            {"contact": "R1", "type": "assignment", "at": "2026-03-02T09:01:00Z", "agent": "ann"}
            {"contact": "R1", "type": "agent_reply", "at": "2026-03-02T09:30:00Z", "agent": "ann"}
            {"contact": "R1", "type": "solved", "at": "2026-03-02T10:00:00Z"}
            {"contact": "R1", "type": "csat", "at": "2026-03-02T10:30:00Z", "score": 2}
            {"contact": "R1", "type": "reopened", "at": "2026-03-02T11:00:00Z"}
            {"contact": "R1", "type": "assignment", "at": "2026-03-02T11:01:00Z", "agent": 42}
            {"contact": "R1", "type": "agent_reply", "at": "2026-03-02T11:30:00Z", "agent": 42}
            {"contact": "R1", "type": "solved", "at": "2026-03-02T12:00:00Z"}
            {"contact": "R1", "type": "status", "at": "2026-03-02T13:00:00Z", "status": "open"}
            {"contact": "R1", "type": "status", "at": "2026-03-02T14:00:00Z", "status": "solved"}
            {"contact": "R1", "type": "status", "at": "2026-03-02T14:10:00Z", "status": "closed"}
            {"contact": "R1", "type": "csat", "at": "2026-03-02T14:30:00Z", "score": 5}
            {"contact": "R1", "type": "nps", "at": "2026-03-02T14:31:00Z", "score": 9}
            {"contact": "R2", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
            {"contact": "R2", "type": "solved", "at": "2026-03-02T10:00:00Z"}
            {"contact": "R2", "type": "reopened", "at": "2026-03-02T11:00:00Z"}
            """
        )
        #expect(report.rejected == 0)
        let first = try #require(contacts.first { $0.id == "R1" })
        // Solved 10:00 → reopened 11:00 (1) → solved 12:00 → status open 13:00 (2) → status solved 14:00; closed at
        // 14:10 while solved changes nothing.
        #expect(first.reopens == 2)
        #expect(first.resolvedAt == Self.time("2026-03-02T14:00:00Z"))
        #expect(first.agentReplies == 2)
        #expect(first.agent == "42")  // the assignee at the last solve
        #expect(first.csat == 5)  // the latest answer
        #expect(first.nps == 9)
        let second = try #require(contacts.first { $0.id == "R2" })
        #expect(second.reopens == 1)
        #expect(second.resolvedAt == nil)  // reopened and not solved again: open
    }

    @Test("events out of order, across contacts and within one, give the same contacts as in order")
    func outOfOrder() throws {
        let lines = [
            #"{"contact": "O1", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}"#,
            #"{"contact": "O2", "type": "created", "at": "2026-03-02T09:05:00Z", "channel": "chat"}"#,
            #"{"contact": "O1", "type": "agent_reply", "at": "2026-03-02T09:10:00Z"}"#,
            #"{"contact": "O2", "type": "bot_handoff", "at": "2026-03-02T09:06:00Z"}"#,
            #"{"contact": "O1", "type": "customer_message", "at": "2026-03-02T09:20:00Z"}"#,
            #"{"contact": "O2", "type": "agent_reply", "at": "2026-03-02T09:07:00Z"}"#,
            #"{"contact": "O1", "type": "agent_reply", "at": "2026-03-02T09:50:00Z"}"#,
            #"{"contact": "O1", "type": "solved", "at": "2026-03-02T10:00:00Z"}"#,
        ]
        let inOrder = try Self.read(lines.joined(separator: "\n")).contacts
        // Reversed: the solve comes first, the creation of O1 last.
        let (reversed, report) = try Self.read(lines.reversed().joined(separator: "\n"))
        #expect(report.rejected == 0)
        #expect(report.accepted == 8)
        #expect(reversed.map(\.id) == ["O1", "O2"])  // the order ids first appear in
        #expect(Set(reversed) == Set(inOrder))
        let first = try #require(reversed.first { $0.id == "O1" })
        #expect(first.firstResponseAt == Self.time("2026-03-02T09:10:00Z"))
        // 09:20 → 09:50: 1,800 s.
        #expect(
            first.nextReplyWaits == [
                ReplyWait(customerAt: Self.time("2026-03-02T09:20:00Z"), replyAt: Self.time("2026-03-02T09:50:00Z"))
            ]
        )
        #expect(first.resolvedAt == Self.time("2026-03-02T10:00:00Z"))
        // O2: handoff 09:06 → reply 09:07 = 60 s.
        let second = try #require(reversed.first { $0.id == "O2" })
        #expect(Self.seconds(Self.sample(second, .firstResponse)) == 60)
    }

    @Test("a contact's events spread over two files of one run are joined")
    func acrossFiles() throws {
        let one = try ImportTesting.write(
            #"{"contact": "F1", "type": "agent_reply", "at": "2026-03-02T09:30:00Z"}"#
        )
        let two = try ImportTesting.write(
            #"{"contact": "F1", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "web"}"#
        )
        var contacts: [Contact] = []
        let reports = try EventStreamImporter().importContacts(from: [one, two]) { contacts.append($0) }
        #expect(reports.map(\.accepted) == [1, 1])
        #expect(contacts.count == 1)
        #expect(contacts.first?.firstResponseAt == Self.time("2026-03-02T09:30:00Z"))
        #expect(try ImportFormat.detect(path: one) == .eventStream)
    }

    @Test("the example in docs/importers.md gives the contact described there")
    func documentedExample() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/importers.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```jsonl\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let (contacts, report) = try Self.read(String(text[start.upperBound..<end.lowerBound]))
        #expect(report.rejected == 0)
        #expect(contacts.map(\.id) == ["T1", "T2"])
        let contact = contacts[0]
        #expect(contact.tier == "gold" && contact.category == "refund")
        #expect(Self.seconds(Self.sample(contact, .firstResponse)) == 120)  // handoff 09:02 → reply 09:04
        #expect(
            contact.pauses == [
                PauseInterval(start: Self.time("2026-03-02T09:04:00Z"), end: Self.time("2026-03-02T10:00:00Z"))
            ]
        )
        #expect(
            contact.nextReplyWaits == [
                ReplyWait(customerAt: Self.time("2026-03-02T10:00:00Z"), replyAt: Self.time("2026-03-02T10:20:00Z"))
            ]
        )
        #expect(contact.resolvedAt == Self.time("2026-03-03T08:15:00Z"))
        #expect(contact.reopens == 1)
        #expect(contact.agentReplies == 3)
        #expect(contact.agent == "ann")
        #expect(contact.csat == 4 && contact.nps == 9)
        // The first customer message (09:01), the first assignment (09:02:30), two customer messages after the first
        // reply (10:00, 10:05), and two solve cycles: 09:00 → reply 09:04 → solved 10:30; reopened 08:00 → reply
        // 08:10 → solved 08:15.
        #expect(contact.firstCustomerMessageAt == Self.time("2026-03-02T09:01:00Z"))
        #expect(contact.firstAssignmentAt == Self.time("2026-03-02T09:02:30Z"))
        #expect(contact.customerFollowUps == 2)
        #expect(
            contact.solveCycles == [
                SolveCycle(
                    start: Self.time("2026-03-02T09:00:00Z"),
                    firstReplyAt: Self.time("2026-03-02T09:04:00Z"),
                    solvedAt: Self.time("2026-03-02T10:30:00Z")
                ),
                SolveCycle(
                    start: Self.time("2026-03-03T08:00:00Z"),
                    firstReplyAt: Self.time("2026-03-03T08:10:00Z"),
                    solvedAt: Self.time("2026-03-03T08:15:00Z")
                ),
            ]
        )
        // 09:00 → 08:15 next day = 83,700 s, minus the 56-minute pause (3,360 s) = 80,340 s.
        #expect(Self.seconds(Self.sample(contact, .resolution)) == 80_340)
        #expect(contacts[1].firstResponseAt == nil && contacts[1].resolvedAt == nil)
        #expect(contacts[1].solveCycles == [SolveCycle(start: Self.time("2026-03-02T09:30:00Z"))])
        #expect(contacts[1].customerFollowUps == 0 && contacts[1].firstCustomerMessageAt == nil)
    }

    @Test("solve cycles: a reply written while solved answers no cycle; a change to pending after a solve reopens")
    func solveCycles() throws {
        let contact = try Self.only(
            """
            {"contact": "S1", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
            {"contact": "S1", "type": "solved", "at": "2026-03-02T09:10:00Z"}
            {"contact": "S1", "type": "agent_reply", "at": "2026-03-02T09:20:00Z"}
            {"contact": "S1", "type": "status", "at": "2026-03-02T10:00:00Z", "status": "pending"}
            {"contact": "S1", "type": "agent_reply", "at": "2026-03-02T10:30:00Z"}
            {"contact": "S1", "type": "solved", "at": "2026-03-02T11:00:00Z"}
            """
        )
        // Solved at 09:10 without a reply; the 09:20 reply comes while solved (it is still the first response of the
        // ticket). Pending at 10:00 leaves the solved state: cycle 2, answered 10:30, solved 11:00.
        #expect(contact.firstResponseAt == Self.time("2026-03-02T09:20:00Z"))
        #expect(contact.reopens == 1)
        #expect(
            contact.solveCycles == [
                SolveCycle(start: Self.time("2026-03-02T09:00:00Z"), solvedAt: Self.time("2026-03-02T09:10:00Z")),
                SolveCycle(
                    start: Self.time("2026-03-02T10:00:00Z"),
                    firstReplyAt: Self.time("2026-03-02T10:30:00Z"),
                    solvedAt: Self.time("2026-03-02T11:00:00Z")
                ),
            ]
        )
        // Resolution per cycle: 09:00 → 09:10 = 600 s; 10:00 → 11:00 = 3,600 s less the pause 10:00–11:00 (pending
        // until the solve) = 0 s.
        var options = MetricOptions()
        options.resolutionEnd = .perCycle
        let sample = MetricDefinitions(options: options)
            .sample(of: contact, for: .resolution, clock: nil, asOf: Self.time("2026-03-09T00:00:00Z"))
        guard case .several(let parts) = sample else {
            Issue.record("expected one sample per cycle")
            return
        }
        #expect(parts.map(Self.seconds) == [600, 0])
    }

    // MARK: Bad input

    @Test("malformed lines are rejected with their line and reason; nothing else is lost", arguments: [false, true])
    func malformed(crlf: Bool) throws {
        let text = """
            {"contact": "M1", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
            not json
            {"contact": "M1", "type": "agent_rply", "at": "2026-03-02T09:10:00Z"}
            {"contact": "M1", "type": "status", "at": "2026-03-02T09:11:00Z", "status": "pendng"}
            {"contact": "M1", "type": "customer_message", "at": "2026-03-02 09:12"}

            {"contact": "M1", "type": "agent_reply", "at": "2026-03-02T08:00:00Z"}
            {"contact": "M2", "type": "agent_reply", "at": "2026-03-02T09:00:00Z"}
            {"type": "solved", "at": "2026-03-02T09:00:00Z"}
            {"contact": "M1", "type": "csat", "at": "2026-03-02T09:20:00Z", "score": "great"}
            {"contact": "M1", "type": "solved", "at": "2026-03-02T09:30:00Z"
            {"contact": "M1", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
            {"contact": "M1", "type": "created", "at": "2026-03-02T09:40:00Z", "channel": "chat"}
            {"contact": "M1", "type": "nps", "at": "2026-03-02T09:50:00Z", "score": 11}
            """
        let (contacts, report) = try Self.read(text, crlf: crlf)
        // 14 lines, one blank: 13 events. Lines 1 and 12 (an exact repeat of line 1) are accepted; the rest refused.
        #expect(report.rowsRead == 13)
        #expect(report.accepted == 2)
        #expect(report.duplicates == 1)
        #expect(report.rejected == 11)
        #expect(report.contacts == 1)
        #expect(contacts.map(\.id) == ["M1"])
        let byLine = Dictionary(report.rejects.map { ($0.line, $0.reason) }, uniquingKeysWith: { first, _ in first })
        #expect(
            byLine == [
                2: "not a JSON object",
                3: "type `agent_rply` is not an event type. Did you mean `agent_reply`?",
                4: "status `pendng` is not a known status. Did you mean `pending`?",
                5: "at is not an RFC 3339 time with a zone",
                7: "before the contact's created event",
                8: "the contact has no created event",
                9: "contact is missing",
                10: "score is not a number ≥ 0",
                11: "not valid JSON",
                13: "a second created event for the contact",
                14: "score is not a whole number in 0…10",
            ]
        )
        #expect(report.rejects.first { $0.line == 2 }?.fields == ["not json"])
        #expect(report.rejects.first { $0.line == 8 }?.fields.contains("contact=M2") == true)
    }

    @Test("an unknown type far from every name lists them all")
    func unknownType() throws {
        let (_, report) = try Self.read(#"{"contact": "U1", "type": "zzz", "at": "2026-03-02T09:00:00Z"}"#)
        let reason = try #require(report.rejects.first?.reason)
        #expect(reason.hasPrefix("type `zzz` is not an event type. Use one of created, customer_message"))
    }

    // MARK: With the engine

    @Test("next-reply promise: 4 of 6 blocks within 1 h, one of the misses still open and late")
    func nextReplyPromise() throws {
        let charter = try Self.charter(
            "  - {id: replies, metric: next-reply, target: {within: 1h, share: 80%}, minimumSample: 1}"
        )
        let (contacts, report) = try Self.read(
            """
            {"contact": "A", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "A", "type": "agent_reply", "at": "2026-03-02T08:05:00Z"}
            {"contact": "A", "type": "customer_message", "at": "2026-03-02T08:10:00Z"}
            {"contact": "A", "type": "agent_reply", "at": "2026-03-02T08:30:00Z"}
            {"contact": "A", "type": "customer_message", "at": "2026-03-02T09:00:00Z"}
            {"contact": "A", "type": "agent_reply", "at": "2026-03-02T10:30:00Z"}
            {"contact": "B", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "B", "type": "agent_reply", "at": "2026-03-02T08:01:00Z"}
            {"contact": "B", "type": "customer_message", "at": "2026-03-02T08:10:00Z"}
            {"contact": "B", "type": "agent_reply", "at": "2026-03-02T08:20:00Z"}
            {"contact": "B", "type": "customer_message", "at": "2026-03-02T08:30:00Z"}
            {"contact": "B", "type": "agent_reply", "at": "2026-03-02T09:00:00Z"}
            {"contact": "B", "type": "customer_message", "at": "2026-03-02T09:15:00Z"}
            {"contact": "B", "type": "agent_reply", "at": "2026-03-02T10:00:00Z"}
            {"contact": "C", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
            {"contact": "C", "type": "agent_reply", "at": "2026-03-02T09:05:00Z"}
            {"contact": "C", "type": "customer_message", "at": "2026-03-02T10:00:00Z"}
            {"contact": "D", "type": "created", "at": "2026-03-02T09:00:00Z", "channel": "email"}
            {"contact": "D", "type": "agent_reply", "at": "2026-03-02T09:05:00Z"}
            {"contact": "D", "type": "customer_message", "at": "2026-03-02T09:10:00Z"}
            {"contact": "D", "type": "solved", "at": "2026-03-02T09:15:00Z"}
            {"contact": "E", "type": "created", "at": "2026-03-02T11:30:00Z", "channel": "email"}
            {"contact": "E", "type": "agent_reply", "at": "2026-03-02T11:35:00Z"}
            {"contact": "E", "type": "customer_message", "at": "2026-03-02T11:40:00Z"}
            """
        )
        #expect(report.rejected == 0)
        // A: 08:10→08:30 = 20 min (kept), 09:00→10:30 = 90 min (missed).
        // B: 10, 30 and 45 min (all kept).
        // C: 10:00 unanswered; its hour ran out at 11:00, before the as-of 12:00 → a late miss.
        // D: the 09:10 message is ended by the solve → no sample. E: 11:40 unanswered, 20 min old → not yet late.
        // A row from the contacts CSV (F) is excluded: it cannot say.
        var row = Contact(id: "F", channel: "email", createdAt: Self.time("2026-03-02T09:00:00Z"))
        row.firstResponseAt = Self.time("2026-03-02T09:10:00Z")
        let options = CheckEngine.Options(to: Self.time("2026-03-02T12:00:00Z"))
        let result = try #require(
            CheckEngine(charter: charter, options: options).evaluate(contacts + [row]).promises.first
        )
        let period = try #require(result.periods.first)
        #expect(result.periods.count == 1)
        #expect(period.label == "2026-W10")
        // 6 samples (A 2, B 3, C 1), 4 within the hour: 4 / 6.
        #expect(period.n == 6)
        #expect(period.value == 4.0 / 6.0)
        #expect(period.lateOpen == 1)
        #expect(period.breaches == ["A", "C"])
        // Samples sorted: 600, 1200, 1800, 2700, 5400, and C's late 7,200 (10:00 → 12:00): median (1800+2700)/2.
        #expect(period.median == 2_250)
    }

    @Test("an open contact waiting on the customer is not late while paused; an unpaused one is")
    func pausedPendingResolution() throws {
        let charter = try Self.charter(
            "  - {id: solve, metric: resolution, target: {within: 1h, share: 80%}, minimumSample: 1}"
        )
        let (contacts, _) = try Self.read(
            """
            {"contact": "W1", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "W1", "type": "status", "at": "2026-03-02T08:30:00Z", "status": "pending"}
            {"contact": "W2", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "W3", "type": "created", "at": "2026-03-02T08:00:00Z", "channel": "email"}
            {"contact": "W3", "type": "status", "at": "2026-03-02T08:30:00Z", "status": "pending"}
            {"contact": "W3", "type": "status", "at": "2026-03-02T09:00:00Z", "status": "open"}
            """
        )
        let options = CheckEngine.Options(to: Self.time("2026-03-02T12:00:00Z"))
        let result = try #require(CheckEngine(charter: charter, options: options).evaluate(contacts).promises.first)
        let period = try #require(result.periods.first)
        // W1 ran 30 min, then paused until the as-of: not late. W2 ran 4 h: late since 09:00.
        // W3 ran 08:00–08:30 and 09:00–12:00: its hour ran out at 09:30; it has run 3.5 h = 12,600 s.
        #expect(period.n == 2)
        #expect(period.lateOpen == 2)
        #expect(Set(period.breaches) == ["W2", "W3"])
        #expect(period.median == 13_500)  // (14,400 + 12,600) / 2
    }
}
