import Foundation
import Testing

@testable import NorthstarCore

/// An RFC 3339 time typed in a test.
private func at(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Timestamp {
    guard let time = Timestamp(rfc3339: text) else {
        Issue.record("`\(text)` is not RFC 3339", sourceLocation: sourceLocation)
        return Timestamp(seconds: 0)
    }
    return time
}

/// Writes each text to its own file and imports them all as one Freshdesk run.
private func runFreshdesk(_ texts: [String]) throws -> (contacts: [Contact], reports: [ImportReport]) {
    let paths = try texts.map { try ImportTesting.write($0) }
    var contacts: [Contact] = []
    let reports = try FreshdeskImporter().importContacts(from: paths) { contacts.append($0) }
    return (contacts, reports)
}

/// A page of `GET /api/v2/tickets?include=stats`, a ticket a line from line 2.
private let tickets = """
    [
     {"id": 1, "created_at": "2026-03-02T09:00:00Z", "status": 4, "priority": 2, "source": 1, "responder_id": 11, "group_id": 5, "type": "Question", "tags": ["a"], "custom_fields": {"cf_x": 1}, "stats": {"first_responded_at": "2026-03-02T09:20:00Z", "resolved_at": "2026-03-02T10:00:00Z", "closed_at": null, "reopened_at": null}},
     {"id": 2, "created_at": "2026-03-02T09:00:00Z", "status": 2, "priority": 4, "source": 7, "responder_id": null, "stats": {"first_responded_at": "2026-03-02T09:01:00Z", "resolved_at": "2026-03-02T09:30:00Z", "reopened_at": "2026-03-02T09:45:00Z"}},
     {"id": 3, "created_at": "2026-03-02T09:00:00Z", "status": 5, "priority": 1, "source": 99, "stats": {"first_responded_at": null, "resolved_at": null, "closed_at": "2026-03-02T15:00:00Z"}},
     {"id": 4, "created_at": "2026-03-02T12:00:00Z", "status": 4, "source": 3, "stats": {"first_responded_at": "2026-03-02T11:00:00Z", "resolved_at": "2026-03-02T13:00:00Z"}}
    ]
    """

/// Conversations of ticket 1 (`/tickets/1/conversations`), with a repeat of 101 and one for an unknown ticket.
private let conversations = """
    [
     {"id": 100, "ticket_id": 1, "incoming": false, "private": true, "source": 2, "created_at": "2026-03-02T09:05:00Z"},
     {"id": 101, "ticket_id": 1, "incoming": false, "private": false, "source": 2, "created_at": "2026-03-02T09:10:00Z"},
     {"id": 102, "ticket_id": 1, "incoming": false, "private": false, "source": 0, "created_at": "2026-03-02T09:30:00Z"},
     {"id": 103, "ticket_id": 1, "incoming": true, "private": false, "source": 0, "created_at": "2026-03-02T09:40:00Z"},
     {"id": 101, "ticket_id": 1, "incoming": false, "private": false, "source": 2, "created_at": "2026-03-02T09:10:00Z"},
     {"id": 200, "ticket_id": 77, "incoming": false, "private": false, "created_at": "2026-03-02T09:10:00Z"}
    ]
    """

/// Satisfaction ratings (`/surveys/satisfaction_ratings`).
private let ratings = """
    [
     {"id": 9, "survey_id": 1, "ticket_id": 1, "ratings": {"default_question": 103}, "created_at": "2026-03-02T11:00:00Z", "updated_at": "2026-03-02T11:00:00Z"},
     {"id": 10, "survey_id": 1, "ticket_id": 2, "ratings": {"default_question": -102}, "created_at": "2026-03-02T11:00:00Z"},
     {"id": 11, "survey_id": 1, "ticket_id": 3, "ratings": {"default_question": 100}, "created_at": "2026-03-02T16:00:00Z"},
     {"id": 12, "survey_id": 1, "ticket_id": 3, "ratings": {"default_question": 7}, "created_at": "2026-03-02T17:00:00Z"}
    ]
    """

@Suite("Freshdesk API JSON: tickets with stats, conversations and ratings joined by ticket id")
struct FreshdeskJSONTests {
    let contacts: [Contact]
    let reports: [ImportReport]

    init() throws {
        (contacts, reports) = try runFreshdesk([tickets, conversations, ratings])
    }

    func contact(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Contact {
        try #require(contacts.first { $0.id == id }, "no contact \(id)", sourceLocation: sourceLocation)
    }

    @Test("tickets 1–3 become contacts; 4 answered an hour before it was created is refused")
    func contactsAndOrder() throws {
        #expect(contacts.map(\.id) == ["1", "2", "3"])
        let refused = try #require(reports[0].rejects.first)
        #expect(refused.reason == "first response before creation (from stats.first_responded_at)")
        #expect((refused.line, refused.record) == (5, 4))
    }

    @Test("public notes count as responses; private notes and the customer's messages do not")
    func publicNotes() throws {
        let ticket = try contact("1")
        // 09:05 private note (not a response), 09:10 public note (the first response, as Freshdesk counts it),
        // 09:30 agent reply, 09:40 the customer. stats.first_responded_at (09:20) is not used when the
        // conversations are given.
        #expect(ticket.firstResponseAt == at("2026-03-02T09:10:00Z"))
        // Public note and reply; 101 came twice and counts once.
        #expect(ticket.agentReplies == 2)
    }

    @Test("codes become words, ids become teams and agents, stats give resolution and reopens")
    func mapping() throws {
        let first = try contact("1")
        #expect((first.channel, first.priority, first.team, first.agent) == ("email", "medium", "5", "11"))
        #expect(first.category == "question")
        #expect(first.resolvedAt == at("2026-03-02T10:00:00Z"))
        #expect(first.reopens == 0)
        // Happy (103) is stored as 5.
        #expect(first.csat == 5)
        let second = try contact("2")
        // Status 2 (open) after a reopen: the stale resolved_at is not a resolution; no conversations, so the
        // first response is stats.first_responded_at and the reply count is unknown.
        #expect((second.channel, second.priority) == ("chat", "urgent"))
        #expect(second.resolvedAt == nil)
        #expect(second.reopens == 1)
        #expect(second.firstResponseAt == at("2026-03-02T09:01:00Z"))
        #expect(second.agentReplies == nil)
        #expect(second.csat == 1)
        let third = try contact("3")
        // An unknown source code is kept; a closed ticket without resolved_at resolves at closed_at.
        #expect(third.channel == "source-99")
        #expect(third.priority == "low")
        #expect(third.resolvedAt == at("2026-03-02T15:00:00Z"))
        #expect(third.firstResponseAt == nil)
        // Neutral (100) is stored as 3; the later rating (7) is not a survey answer and was refused.
        #expect(third.csat == 3)
    }

    @Test("every record is counted in its own file's report")
    func counts() {
        let (tickets, conversations, ratings) = (reports[0], reports[1], reports[2])
        #expect((tickets.rowsRead, tickets.accepted, tickets.rejected, tickets.contacts) == (4, 3, 1, 3))
        // Six conversations: 101 repeated (a duplicate), 200 for ticket 77, which no file holds.
        #expect((conversations.rowsRead, conversations.accepted, conversations.rejected) == (6, 5, 1))
        #expect(conversations.duplicates == 1)
        #expect(conversations.rejects.first?.reason == "conversation for a ticket no tickets file of this run holds")
        #expect(conversations.rejects.first?.line == 7)
        #expect((ratings.rowsRead, ratings.accepted, ratings.rejected) == (4, 3, 1))
        #expect(
            ratings.rejects.first?.reason == "ratings.default_question is not a survey answer (−103…−101, 100, 101…103)"
        )
        for report in reports { #expect(report.rowsRead == report.accepted + report.rejected, "\(report.file)") }
    }

    @Test("CSAT: the positive share equals Freshdesk's share of positive answers")
    func satisfactionShare() {
        let answers = contacts.compactMap { contact -> Bool? in
            let sample = MetricDefinitions().sample(
                of: contact,
                for: .csat,
                clock: nil,
                asOf: at("2026-04-01T00:00:00Z")
            )
            if case .outcome(let positive, _) = sample { return positive }
            return nil
        }
        // Happy, very unhappy, neutral: one positive answer of three.
        #expect(answers == [true, false, false])
    }

    @Test("the notes say which source decided and what is missing")
    func notes() {
        let notes = reports[0].notes.joined(separator: "\n")
        #expect(notes.contains("1 tickets take their first response and agent replies from their conversations"))
        #expect(
            notes.contains("1 tickets' first public reply in the conversations differs from stats.first_responded_at")
        )
        #expect(notes.contains("2 tickets come without conversations"))
        #expect(notes.contains("1 tickets have a resolved_at but a status other than resolved or closed"))
    }
}

@Suite("Freshdesk API JSON: shapes and first-contact resolution")
struct FreshdeskJSONShapeTests {
    @Test("a single ticket with embedded conversations; a first response in a public note makes it one-touch")
    func embeddedConversations() throws {
        // GET /api/v2/tickets/5?include=conversations,stats: one object, conversations inside.
        let ticket = """
            {"id": 5, "created_at": "2026-03-02T09:00:00Z", "status": 5, "priority": 3, "source": 2,
             "stats": {"first_responded_at": "2026-03-02T09:15:00Z", "resolved_at": "2026-03-02T09:20:00Z", "reopened_at": null},
             "conversations": [
              {"id": 1, "incoming": false, "private": true, "created_at": "2026-03-02T09:02:00Z", "body_text": "internal"},
              {"id": 2, "incoming": false, "private": false, "created_at": "2026-03-02T09:15:00Z", "body_text": "fixed"}
             ]}
            """
        let empty = """
            {"id": 6, "created_at": "2026-03-02T09:00:00Z", "status": 4, "source": 9, "stats": {"resolved_at": "2026-03-02T10:00:00Z"}, "conversations": []}
            """
        let (contacts, reports) = try runFreshdesk([ticket, empty])
        #expect(contacts.map(\.id) == ["5", "6"])
        #expect(contacts[0].channel == "portal")
        #expect(contacts[0].firstResponseAt == at("2026-03-02T09:15:00Z"))
        #expect(contacts[0].agentReplies == 1)
        // Embedded conversations are the ticket's, all of them: none means no reply.
        #expect(contacts[1].channel == "feedback widget")
        #expect(contacts[1].agentReplies == 0)
        #expect(contacts[1].firstResponseAt == nil)
        #expect(reports.map(\.rowsRead) == [1, 1])
        // Solved with one public response and never reopened: first-contact resolved. Solved with none: also.
        let outcomes = contacts.map { contact -> Bool? in
            let sample = MetricDefinitions().sample(
                of: contact,
                for: .fcr,
                clock: nil,
                asOf: at("2026-04-01T00:00:00Z")
            )
            if case .outcome(let yes, _) = sample { return yes }
            return nil
        }
        #expect(outcomes == [true, true])
    }

    @Test("overlapping pages and a search response: the last record of a ticket wins")
    func overlappingPages() throws {
        let page1 =
            #"[{"id":1,"created_at":"2026-03-02T09:00:00Z","status":2,"source":1},{"id":2,"created_at":"2026-03-02T09:00:00Z","status":2,"source":1}]"#
        let search =
            #"{"results":[{"id":2,"created_at":"2026-03-02T09:00:00Z","status":2,"source":3,"priority":3}],"total":1}"#
        let (contacts, reports) = try runFreshdesk([page1, search])
        #expect(contacts.map(\.id) == ["1", "2"])
        #expect(contacts[1].channel == "phone")
        #expect(contacts[1].priority == "high")
        #expect(reports.map(\.duplicates) == [0, 1])
        #expect(reports.map(\.contacts) == [1, 1])
    }

    @Test(
        "unusable records are refused with the reason",
        arguments: [
            (
                #"{"created_at":"2026-03-02T09:00:00Z","source":1}"#,
                "not a Freshdesk ticket, conversation or satisfaction rating"
            ),
            (#"{"id":1,"source":1}"#, "created_at is missing"),
            (#"{"id":1,"created_at":"2026-03-02T09:00:00Z","source":"email"}"#, "source is not a whole number"),
            (
                #"{"id":1,"created_at":"2026-03-02T09:00:00Z","source":1,"stats":{"resolved_at":"yesterday"}}"#,
                "stats.resolved_at is not an RFC 3339 time with a zone"
            ),
            (
                #"{"id":1,"created_at":"2026-03-02T09:00:00Z","source":1,"stats":{"resolved_at":"2026-03-02T08:00:00Z"}}"#,
                "resolution before creation"
            ),
            (
                #"{"ticket_id":1,"incoming":"no","private":false,"created_at":"2026-03-02T09:00:00Z"}"#,
                "incoming is not true or false"
            ),
        ]
    )
    func refused(record: String, reason: String) throws {
        let (contacts, reports) = try runFreshdesk(["[" + record + "]"])
        #expect(contacts.isEmpty)
        #expect(reports[0].rejectedByReason == [reason: 1])
    }
}

@Suite("Freshdesk ticket CSV export")
struct FreshdeskCSVTests {
    static let header =
        "Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Due by Time,Resolved time,"
        + "Closed time,Last update time,Initial response time,First response time (in hrs),"
        + "Resolution time (in hrs),Agent interactions,Customer interactions,First response status,Tags,Survey results"

    /// Lines 2–5, read in America/New_York (EST −05:00; EDT −04:00 from 8 March 2026 02:00).
    static let rows = """
        11,"Login, again",Resolved,Medium,Email,Question,Dee,Billing,2026-03-07 23:30:00,2026-03-09 23:30:00,2026-03-08 03:30:00,,2026-03-08 03:30:00,2026-03-08 00:15:00,00:45:00,04:00:00,1,1,Within SLA,,Extremely Happy
        12,Refund,Pending,High,Phone,,,,2026-03-02 09:00:00,,2026-03-02 10:00:00,,,,,,0,1,,,Not Good
        13,Bug,Closed,Urgent,Feedback Widget,,,,2026-03-02 09:00:00,,,2026-03-02 18:00:00,,2026-03-02 08:00:00,,,2,0,,,
        14,Q,Resolved,Low,Chat,,,,2026-03-02 09:00:00,,,2026-03-02 09:30:00,,2026-03-02 09:05:00,,,1,1,,,Meh
        """

    static func run() throws -> (contacts: [Contact], report: ImportReport) {
        try ImportTesting.run(
            FreshdeskCSVImporter(timeZoneIdentifier: "America/New_York"),
            text: header + "\n" + rows + "\n",
            crlf: true
        )
    }

    @Test("durations come from the timestamps, across the spring-forward night")
    func acrossDST() throws {
        let (contacts, _) = try Self.run()
        let ticket = try #require(contacts.first)
        // Created 23:30 EST = 04:30Z; first response 00:15 EST = 05:15Z (45 minutes); resolved 03:30 EDT = 07:30Z:
        // 3 hours, though the wall clock moved 4 (the "(in hrs)" columns say 04:00:00 and are not read).
        #expect(ticket.createdAt == at("2026-03-08T04:30:00Z"))
        #expect(ticket.createdAt.seconds(until: ticket.firstResponseAt!) == 45 * 60)
        #expect(ticket.createdAt.seconds(until: ticket.resolvedAt!) == 3 * 3_600)
        #expect((ticket.channel, ticket.priority, ticket.agent, ticket.team) == ("email", "medium", "Dee", "Billing"))
        #expect((ticket.agentReplies, ticket.csat, ticket.category) == (1, 5, "question"))
    }

    @Test("status, closed time, survey answers and refusals, by hand")
    func rows() throws {
        let (contacts, report) = try Self.run()
        #expect(contacts.map(\.id) == ["11", "12", "14"])
        // 12 is pending: its resolved time is not a resolution. Not Good is stored as 1.
        #expect(contacts[1].resolvedAt == nil)
        #expect((contacts[1].channel, contacts[1].csat, contacts[1].agentReplies) == ("phone", 1, 0))
        // 14 has no resolved time: the closed time stands in. "Meh" is not a survey answer: set aside.
        #expect(contacts[2].resolvedAt == at("2026-03-02T14:30:00Z"))
        #expect(contacts[2].csat == nil)
        #expect(report.droppedValues.map { "\($0.contactID) \($0.value)" } == ["14 Meh"])
        // 13 was answered an hour before it was created.
        #expect(report.rejects.map { "\($0.line): \($0.reason)" } == ["4: first response before creation"])
        #expect((report.rowsRead, report.accepted, report.rejected, report.contacts) == (4, 3, 1, 3))
        #expect(report.ignoredColumns.contains("first response time (in hrs)"))
        #expect(report.notes.contains { $0.contains("1 tickets have a Resolved time but a Status other than") })
    }

    @Test(
        "survey answers map to 5, 3 and 1 by polarity",
        arguments: [
            ("Extremely Happy", 5.0), ("Very Happy", 5), ("Happy", 5), ("Awesome", 5), ("Neutral", 3),
            ("Just Okay", 3), ("Unhappy", 1), ("Very Unhappy", 1), ("Extremely Unhappy", 1), ("Not Good", 1),
            ("103", 5), ("-101", 1),
        ]
    )
    func surveyAnswers(text: String, score: Double) {
        #expect(FreshdeskCodes.surveyScore(text: text) == score)
    }
}

@Suite("Freshdesk format detection")
struct FreshdeskDetectionTests {
    @Test(
        "JSON by its first record, CSV by its header",
        arguments: [
            (#"[{"id":1,"created_at":"2026-03-02T09:00:00Z","source":1,"stats":{}}]"#, ImportFormat.freshdeskJSON),
            (#"[{"id":1,"ticket_id":2,"incoming":true,"private":false}]"#, .freshdeskJSON),
            (#"[{"id":1,"ticket_id":2,"ratings":{"default_question":103}}]"#, .freshdeskJSON),
            (#"{"id":1,"created_at":"2026-03-02T09:00:00Z","fr_due_by":null,"conversations":[]}"#, .freshdeskJSON),
            (#"{"results":[{"id":1,"responder_id":null}],"total":1}"#, .freshdeskJSON),
            (FreshdeskCSVTests.header + "\n", .freshdeskCSV),
        ]
    )
    func detects(text: String, format: ImportFormat) throws {
        #expect(try ImportFormat.detect(path: ImportTesting.write(text)) == format)
    }

    @Test("an empty array could be anything: the format must be named")
    func emptyArray() throws {
        let path = try ImportTesting.write("[]")
        #expect(throws: ImportError.self) { try ImportFormat.detect(path: path) }
    }
}
