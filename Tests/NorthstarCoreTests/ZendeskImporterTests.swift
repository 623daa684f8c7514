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

/// Writes each text to its own file and imports them all as one Zendesk run.
private func runZendesk(_ texts: [String]) throws -> (contacts: [Contact], reports: [ImportReport]) {
    let paths = try texts.map { try ImportTesting.write($0) }
    var contacts: [Contact] = []
    let reports = try ZendeskImporter().importContacts(from: paths) { contacts.append($0) }
    return (contacts, reports)
}

/// Page 1 of an incremental export, pretty-printed: a record a line, from line 3.
private let ticketsPage1 = """
    {
      "tickets": [
        {"id": 101, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "email", "source": {"rel": null}}, "status": "solved", "priority": "high", "group_id": 7, "assignee_id": 70, "type": "question", "tags": ["vip"], "custom_fields": [{"id": 1, "value": "x"}]},
        {"id": 102, "created_at": "2026-03-02T10:00:00Z", "via": {"channel": 29}, "status": "open", "priority": null, "group_id": null, "assignee_id": null},
        {"id": 103, "created_at": "2026-03-02T11:00:00Z", "via": {"channel": 99}, "status": "closed", "priority": "low"}
      ],
      "end_of_stream": false
    }
    """

/// Page 2, minified on one line, overlapping page 1 on ticket 103.
private let ticketsPage2 =
    #"{"tickets":[{"id":103,"created_at":"2026-03-02T11:00:00Z","via":{"channel":"mail"},"status":"closed","priority":"urgent"},"#
    + #"{"id":104,"created_at":"2026-03-03T08:00:00Z","via":{"channel":"web"},"status":"solved"}],"end_of_stream":true}"#

/// Ticket metrics, a record a line from line 2.
private let metrics = """
    {"ticket_metrics": [
     {"ticket_id": 101, "reply_time_in_minutes": {"calendar": 30, "business": 30}, "solved_at": "2026-03-02T12:00:00Z", "reopens": 0, "replies": 1},
     {"ticket_id": 102, "reply_time_in_minutes": {"calendar": null, "business": null}, "solved_at": "2026-03-02T11:00:00Z", "reopens": 1, "replies": 0},
     {"ticket_id": 103, "reply_time_in_minutes": {"calendar": 90, "business": 0}, "solved_at": "2026-03-02T10:00:00Z", "reopens": 0, "replies": 2},
     {"ticket_id": 104, "reply_time_in_minutes": {"calendar": 5, "business": 5}, "solved_at": "2026-03-03T09:00:00Z", "reopens": 0, "replies": 3},
     {"ticket_id": 999, "reply_time_in_minutes": {"calendar": 1}, "replies": 1}
    ]}
    """

/// Satisfaction ratings, a record a line from line 2.
private let ratings = """
    {"satisfaction_ratings": [
     {"ticket_id": 101, "score": "bad", "created_at": "2026-03-02T12:10:00Z", "updated_at": "2026-03-02T12:10:00Z"},
     {"ticket_id": 101, "score": "good", "created_at": "2026-03-02T12:10:00Z", "updated_at": "2026-03-02T13:00:00Z"},
     {"ticket_id": 104, "score": "offered", "created_at": "2026-03-03T09:00:00Z"},
     {"ticket_id": 102, "score": "excellent"}
    ]}
    """

/// Ticket metric events for ticket 104.
private let events = """
    {"ticket_metric_events": [
     {"id": 1, "ticket_id": 104, "metric": "reply_time", "instance_id": 1, "type": "activate", "time": "2026-03-03T08:00:00Z"},
     {"id": 2, "ticket_id": 104, "metric": "reply_time", "instance_id": 1, "type": "fulfill", "time": "2026-03-03T08:04:30Z"},
     {"id": 3, "ticket_id": 104, "metric": "reply_time", "instance_id": 2, "type": "fulfill", "time": "2026-03-03T08:30:00Z"}
    ]}
    """

@Suite("Zendesk API JSON: tickets, metrics, events and ratings joined by ticket id")
struct ZendeskJSONTests {
    let contacts: [Contact]
    let reports: [ImportReport]

    init() throws {
        (contacts, reports) = try runZendesk([ticketsPage1, ticketsPage2, metrics, ratings, events])
    }

    func contact(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Contact {
        try #require(contacts.first { $0.id == id }, "no contact \(id)", sourceLocation: sourceLocation)
    }

    @Test("three contacts, in the order their tickets first appear; 103 is refused")
    func contactsAndOrder() {
        // 101, 102, 103 on page 1, 103 again and 104 on page 2; 103's final record is solved before it was created.
        #expect(contacts.map(\.id) == ["101", "102", "104"])
    }

    @Test("a ticket with metrics and ratings: every field, by hand")
    func fullTicket() throws {
        let ticket = try contact("101")
        #expect(ticket.channel == "email")
        #expect(ticket.createdAt == at("2026-03-02T09:00:00Z"))
        // created 09:00 + reply_time_in_minutes.calendar 30 = 09:30.
        #expect(ticket.firstResponseAt == at("2026-03-02T09:30:00Z"))
        #expect(ticket.resolvedAt == at("2026-03-02T12:00:00Z"))
        #expect(ticket.reopens == 0)
        #expect(ticket.agentReplies == 1)
        #expect(ticket.priority == "high")
        #expect(ticket.team == "7")
        #expect(ticket.agent == "70")
        #expect(ticket.category == "question")
        // Two ratings: bad updated 12:10, good updated 13:00; the later answer wins, and good is stored as 5.
        #expect(ticket.csat == 5)
    }

    @Test("a reopened ticket keeps no resolution; an old integer via code becomes its word")
    func reopenedTicket() throws {
        let ticket = try contact("102")
        // via 29 is `chat` in the via types reference.
        #expect(ticket.channel == "chat")
        // status open although the metrics hold a solved_at: it is unresolved now.
        #expect(ticket.resolvedAt == nil)
        // reply_time_in_minutes.calendar is null: no first reply yet.
        #expect(ticket.firstResponseAt == nil)
        #expect(ticket.reopens == 1)
        #expect(ticket.agentReplies == 0)
        #expect(ticket.priority == nil)
        #expect(ticket.team == nil)
        // Its only rating, "excellent", was refused.
        #expect(ticket.csat == nil)
    }

    @Test("a metric event gives the exact first reply, to the second")
    func metricEvent() throws {
        let ticket = try contact("104")
        // reply_time fulfil of instance 1 at 08:04:30, not created 08:00 + 5 minutes = 08:05; instance 2 (a next
        // reply) is not the first reply.
        #expect(ticket.firstResponseAt == at("2026-03-03T08:04:30Z"))
        #expect(ticket.channel == "web")
        #expect(ticket.agentReplies == 3)
        // Offered is not an answer.
        #expect(ticket.csat == nil)
    }

    @Test("every record is counted in its own file's report")
    func counts() {
        let (page1, page2, metrics, ratings, events) = (reports[0], reports[1], reports[2], reports[3], reports[4])
        // Page 1: three tickets read and accepted; 101 and 102 become contacts, its 103 is replaced by page 2's.
        #expect((page1.rowsRead, page1.accepted, page1.rejected, page1.duplicates, page1.contacts) == (3, 3, 0, 0, 2))
        // Page 2: 103 (a duplicate, then refused at the join) and 104.
        #expect((page2.rowsRead, page2.accepted, page2.rejected, page2.duplicates, page2.contacts) == (2, 1, 1, 1, 1))
        // Metrics: 999 has no ticket in the run.
        #expect((metrics.rowsRead, metrics.accepted, metrics.rejected) == (5, 4, 1))
        // Ratings: the bad rating of 101 is replaced (a duplicate); "excellent" is refused.
        #expect((ratings.rowsRead, ratings.accepted, ratings.rejected, ratings.duplicates) == (4, 3, 1, 1))
        #expect((events.rowsRead, events.accepted, events.rejected) == (3, 3, 0))
        for report in reports { #expect(report.rowsRead == report.accepted + report.rejected, "\(report.file)") }
    }

    @Test("refused records carry the reason, the line and the record's place in its array")
    func rejections() throws {
        let refused = try #require(reports[1].rejects.first)
        #expect(refused.reason == "resolution before creation")
        // Page 2 is one line: the record number says which.
        #expect((refused.line, refused.record) == (1, 1))
        #expect(refused.fields.contains("id=103"))
        let orphan = try #require(reports[2].rejects.first)
        #expect(orphan.reason == "ticket_metrics record for a ticket no tickets file of this run holds")
        #expect((orphan.line, orphan.record) == (6, 5))
        let score = try #require(reports[3].rejects.first)
        #expect(score.reason == "score is not offered, unoffered, good or bad")
        #expect((score.line, score.record) == (5, 4))
    }

    @Test("the notes say where each number came from")
    func notes() {
        let notes = reports[0].notes.joined(separator: "\n")
        #expect(notes.contains("1 first replies are created_at + reply_time_in_minutes.calendar"))
        #expect(notes.contains("1 first replies are the exact time of the reply_time fulfil event"))
        #expect(notes.contains("2 of 3 ticket metric events are not first-reply fulfilments"))
        #expect(notes.contains("1 tickets have a solved_at but are open again"))
        #expect(notes.contains("good / (good + bad)"))
        #expect(notes.contains("1 satisfaction ratings are offered or unoffered"))
        // Page 2 says end_of_stream: true, so nothing is said about missing pages.
        #expect(!notes.contains("end_of_stream"))
    }
}

@Suite("Zendesk definitions through the importer")
struct ZendeskDefinitionTests {
    /// Three solved tickets, created 2026-03-02, with 0, 1 and 2 agent replies and no reopens.
    static let touches = [
        """
        {"tickets": [
         {"id": 1, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "email"}, "status": "solved"},
         {"id": 2, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "email"}, "status": "solved"},
         {"id": 3, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "email"}, "status": "closed"}
        ]}
        """,
        """
        {"ticket_metrics": [
         {"ticket_id": 1, "solved_at": "2026-03-02T10:00:00Z", "reopens": 0, "replies": 0},
         {"ticket_id": 2, "solved_at": "2026-03-02T10:00:00Z", "reopens": 0, "replies": 1},
         {"ticket_id": 3, "solved_at": "2026-03-02T10:00:00Z", "reopens": 0, "replies": 2}
        ]}
        """,
    ]

    @Test("one-touch: fewer than two agent replies makes a solved ticket first-contact resolved")
    func oneTouch() throws {
        let (contacts, _) = try runZendesk(Self.touches)
        let asOf = at("2026-04-01T00:00:00Z")
        let outcomes = contacts.map { contact -> Bool? in
            if case .outcome(let yes, _) = MetricDefinitions().sample(of: contact, for: .fcr, clock: nil, asOf: asOf) {
                return yes
            }
            return nil
        }
        // Zendesk's one-touch ticket: solved with fewer than two agent replies. 0 → yes, 1 → yes, 2 → no.
        #expect(outcomes == [true, true, false])
    }

    @Test("CSAT: Northstar's positive share equals Zendesk's good / (good + bad)")
    func satisfactionShare() throws {
        let tickets = """
            {"tickets": [
             {"id": 1, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "web"}, "satisfaction_rating": {"score": "good"}},
             {"id": 2, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "web"}, "satisfaction_rating": {"score": "good"}},
             {"id": 3, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "web"}, "satisfaction_rating": {"score": "bad"}},
             {"id": 4, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "web"}, "satisfaction_rating": {"score": "offered"}},
             {"id": 5, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "web"}, "satisfaction_rating": {"score": "unoffered"}}
            ]}
            """
        let (contacts, _) = try runZendesk([tickets])
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
        // good 2, bad 1: Zendesk shows 2 / (2 + 1); offered and unoffered are not answers.
        #expect(answers.count == 3)
        #expect(Double(answers.filter { $0 }.count) / Double(answers.count) == 2.0 / 3.0)
    }
}

@Suite("Zendesk API JSON: shapes, channels and bad input")
struct ZendeskJSONShapeTests {
    @Test("newline-delimited full export: wrapped and bare tickets, one a line")
    func newlineDelimited() throws {
        let text = """
            {"ticket":{"id":1,"created_at":"2026-03-02T09:00:00Z","via":{"channel":"voice"}}}
            {"id":2,"created_at":"2026-03-02T09:05:00Z","via":{"channel":"native_messaging"}}

            {"ticket":{"id":1,"created_at":"2026-03-02T09:00:00Z","via":{"channel":"voice"},"priority":"normal"}}
            """
        let (contacts, reports) = try runZendesk([text])
        #expect(contacts.map(\.id) == ["1", "2"])
        #expect(contacts.map(\.channel) == ["voice", "native_messaging"])
        // The later line of ticket 1 wins.
        #expect(contacts[0].priority == "normal")
        #expect((reports[0].rowsRead, reports[0].accepted, reports[0].duplicates) == (3, 3, 1))
    }

    /// The via as written and the channel it gives: the ids and types are from the via types reference.
    static let viaCases: [(String, String)] = [
        (#""email""#, "email"), (#""mail""#, "email"), (#""web_form""#, "web"), ("4", "email"), (#""4""#, "email"),
        ("0", "web"), ("34", "voice"), ("33", "voice"), ("5", "api"), ("17", "web"), ("8", "rule"),
        ("56", "unknown"), ("null", "unknown"),
    ]

    @Test("via channels: words, via types, ids in numbers or digits, and unknown ids", arguments: viaCases)
    func viaChannels(written: String, channel: String) throws {
        let text = #"{"tickets":[{"id":1,"created_at":"2026-03-02T09:00:00Z","via":{"channel":"# + written + "}}]}"
        let (contacts, _) = try runZendesk([text])
        #expect(contacts.first?.channel == channel)
    }

    @Test("deleted tickets are left out and said so; a page without end_of_stream true is flagged")
    func deletedAndIncomplete() throws {
        let text = """
            {"tickets": [
             {"id": 1, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "web"}, "status": "open"},
             {"id": 1, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "web"}, "status": "deleted"},
             {"id": 2, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "web"}, "status": "new"}
            ], "end_of_stream": false}
            """
        let (contacts, reports) = try runZendesk([text])
        #expect(contacts.map(\.id) == ["2"])
        let notes = reports[0].notes.joined(separator: "\n")
        #expect(notes.contains("1 tickets are deleted in Zendesk"))
        #expect(notes.contains("end_of_stream: true"))
    }

    @Test(
        "unusable records are refused with the reason",
        arguments: [
            (#"{"created_at":"2026-03-02T09:00:00Z","via":{"channel":"web"}}"#, "id is missing"),
            (#"{"id":1,"via":{"channel":"web"}}"#, "created_at is missing"),
            (
                #"{"id":1,"created_at":"2026-03-02 09:00","via":{"channel":"web"}}"#,
                "created_at is not an RFC 3339 time with a zone"
            ),
            (#"{"id":true,"created_at":"2026-03-02T09:00:00Z","via":{"channel":"web"}}"#, "id is not a number or text"),
            ("42", "not a JSON object"),
        ]
    )
    func refusedTickets(record: String, reason: String) throws {
        let (contacts, reports) = try runZendesk([#"{"tickets":["# + record + "]}"])
        #expect(contacts.isEmpty)
        #expect(reports[0].rejectedByReason == [reason: 1])
    }

    @Test("a first reply before creation is refused at the ticket's line, naming its source")
    func replyBeforeCreation() throws {
        let tickets = """
            {"tickets": [
             {"id": 1, "created_at": "2026-03-02T09:00:00Z", "via": {"channel": "web"}}
            ]}
            """
        let events = """
            {"ticket_metric_events": [{"ticket_id": 1, "metric": "reply_time", "instance_id": 1, "type": "fulfill", "time": "2026-03-02T08:59:59Z"}]}
            """
        let (contacts, reports) = try runZendesk([tickets, events])
        #expect(contacts.isEmpty)
        let refused = try #require(reports[0].rejects.first)
        #expect(refused.reason == "first response before creation (from the reply_time fulfil event)")
        #expect(refused.line == 2)
        #expect((reports[0].accepted, reports[0].rejected, reports[0].contacts) == (0, 1, 0))
    }

    @Test("broken JSON stops the import with the line and column; UTF-16 is refused")
    func brokenJSON() throws {
        let broken = try ImportTesting.write("{\"tickets\": [\n  {\"id\": 1,, \"created_at\": \"x\"}\n]}")
        #expect {
            try ZendeskImporter().importContacts(from: broken) { _ in }
        } throws: { error in
            let error = error as? ImportError
            return error?.code == .malformed && error?.location?.line == 2 && error?.location?.column == 12
        }
        let utf16 = ImportTesting.folder.appendingPathComponent("\(UUID().uuidString).json")
        try Data([0xFF, 0xFE, 0x7B, 0x00]).write(to: utf16)
        #expect {
            try ZendeskImporter().importContacts(from: utf16.path) { _ in }
        } throws: { error in
            (error as? ImportError)?.code == .encoding
        }
    }

    @Test("a string that is not UTF-8 refuses its record only")
    func invalidUTF8() throws {
        var bytes = Array(#"[{"id":1,"created_at":"2026-03-02T09:00:00Z","via":{"channel":"web"},"type":""#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""},{"id":2,"created_at":"2026-03-02T09:00:00Z","via":{"channel":"web"}}]"#.utf8)
        let url = ImportTesting.folder.appendingPathComponent("\(UUID().uuidString).json")
        try Data(bytes).write(to: url)
        var contacts: [Contact] = []
        let report = try ZendeskImporter().importContacts(from: url.path) { contacts.append($0) }
        #expect(contacts.map(\.id) == ["2"])
        #expect(report.rejectedByReason == ["not UTF-8 text": 1])
    }

    @Test("a large export streams: 40,000 tickets over two overlapping pages, counted once each")
    func largeExport() throws {
        func page(_ ids: ClosedRange<Int>, endOfStream: Bool) -> String {
            let records = ids.map { id in
                #"{"id":\#(id),"created_at":"2026-03-02T09:00:00Z","via":{"channel":"email"},"status":"solved","#
                    + #""description":"A customer wrote in with a question that takes a line or two to describe.","#
                    + #""tags":["one","two"],"custom_fields":[{"id":1,"value":null}]}"#
            }
            return #"{"tickets":["# + records.joined(separator: ",") + #"],"end_of_stream":\#(endOfStream)}"#
        }
        // 1…25,000 and 20,001…40,000: 5,000 tickets on both pages.
        let (contacts, reports) = try runZendesk([
            page(1...25_000, endOfStream: false), page(20_001...40_000, endOfStream: true),
        ])
        #expect(contacts.count == 40_000)
        #expect(reports.map(\.rowsRead) == [25_000, 20_000])
        #expect(reports.map(\.duplicates) == [0, 5_000])
        #expect(reports.map(\.contacts).reduce(0, +) == 40_000)
    }
}

@Suite("Zendesk legacy CSV export")
struct ZendeskCSVTests {
    static let header =
        "Summation column,Id,Requester,Assignee,Group,Status,Priority,Via,Ticket type,Created at,Solved at,"
        + "Satisfaction Score,Reopens,Replies,First reply time in minutes,"
        + "First reply time in minutes within business hours,Product [list]"

    /// Lines 2–9 of the export; read in Europe/Amsterdam (CET +01:00, CEST +02:00 from 29 March 2026 02:00).
    static let rows = """
        1,201,Ann,Bo Agent,Tier 1,Solved,Normal,Mail,Question,2026-03-02 10:00:00,2026-03-02 12:30:00,Offered,0,1,45,45,x
        2,202,Cy,,Tier 2,Open,High,Web form,,2026-03-29 01:30:00,2026-03-29 04:00:00,Bad,1,2,,,
        3,203,Di,,,Solved,Low,Phone call (incoming),,2026-03-02 10:00:00,,Offered,0,0,-5,,
        4,201,Ann,Bo Agent,Tier 1,Solved,Normal,Mail,Question,2026-03-02 10:00:00,2026-03-02 12:30:00,Good,0,1,45,45,x
        5,204,Ed,,,Solved,Low,Chat,,2026-03-02 10:00:00,2026-03-02 09:00:00,,0,1,5,,
        6,205,Fa,,,Closed,Urgent,Voicemail,,2026-03-02 10:00:00 +0000,2026-03-02T12:00:00Z,Great,0,1,0.5,,
        7,206,Gi,,,Solved,Low,Chat,,02/03/2026 10:00,,,0,1,5,,
        8,207,Ha,,,Solved
        """

    static func run() throws -> (contacts: [Contact], report: ImportReport) {
        try ImportTesting.run(
            ZendeskCSVImporter(timeZoneIdentifier: "Europe/Amsterdam"),
            text: header + "\n" + rows + "\n"
        )
    }

    @Test("contacts by hand: last row wins, times in the account's zone, DST included")
    func contacts() throws {
        let (contacts, _) = try Self.run()
        #expect(contacts.map(\.id) == ["201", "202", "205"])
        let first = contacts[0]
        // Line 5 replaced line 2: Good now. 10:00 CET = 09:00Z; + 45 minutes = 09:45Z; solved 12:30 CET = 11:30Z.
        #expect(first.channel == "email")
        #expect(first.createdAt == at("2026-03-02T09:00:00Z"))
        #expect(first.firstResponseAt == at("2026-03-02T09:45:00Z"))
        #expect(first.resolvedAt == at("2026-03-02T11:30:00Z"))
        #expect((first.agentReplies, first.reopens, first.csat) == (1, 0, 5))
        #expect(
            (first.priority, first.team, first.agent, first.category) == ("normal", "Tier 1", "Bo Agent", "question")
        )
        let second = contacts[1]
        // 01:30 CET on the change day = 00:30Z; Status Open, so the Solved at (04:00 CEST) is not a resolution.
        #expect(second.channel == "web")
        #expect(second.createdAt == at("2026-03-29T00:30:00Z"))
        #expect(second.resolvedAt == nil)
        #expect(second.firstResponseAt == nil)
        #expect((second.csat, second.reopens, second.agentReplies) == (1, 1, 2))
        let third = contacts[2]
        // A time with an offset is read as written; 0.5 minutes is 30 seconds.
        #expect(third.channel == "voice")
        #expect(third.createdAt == at("2026-03-02T10:00:00Z"))
        #expect(third.firstResponseAt == at("2026-03-02T10:00:30Z"))
        #expect(third.resolvedAt == at("2026-03-02T12:00:00Z"))
        #expect(third.csat == nil)
    }

    @Test("counts, refusals with their lines, and the value set aside")
    func counts() throws {
        let (_, report) = try Self.run()
        #expect(
            (report.rowsRead, report.accepted, report.rejected, report.duplicates, report.contacts) == (8, 4, 4, 1, 3)
        )
        let refused = report.rejects.map { "\($0.line): \($0.reason)" }
        #expect(
            refused == [
                "4: first response before creation", "6: resolution before creation",
                "8: Created at is not a yyyy-MM-dd HH:mm:ss time", "9: has 6 fields, the header has 17",
            ]
        )
        #expect(report.droppedValues.map(\.value) == ["Great"])
        #expect(report.droppedValues.first?.contactID == "205")
        #expect(
            report.ignoredColumns == [
                "summation column", "requester", "first reply time in minutes within business hours", "product [list]",
            ]
        )
        #expect(report.notes.contains { $0.contains("1 tickets have a Solved at but a Status other than Solved") })
    }
}

@Suite("Zendesk format detection")
struct ZendeskDetectionTests {
    @Test(
        "JSON by its shape, CSV by its header",
        arguments: [
            (#"{"tickets":[]}"#, ImportFormat.zendeskJSON),
            (#"{"ticket_metrics":[{"ticket_id":1}]}"#, .zendeskJSON),
            (#"{"count":1,"satisfaction_ratings":[]}"#, .zendeskJSON),
            (#"{"ticket":{"id":1,"via":{"channel":"web"}},"users":[]}"#, .zendeskJSON),
            (#"{"id":1,"created_at":"2026-03-02T09:00:00Z","via":{"channel":"web"}}"#, .zendeskJSON),
            (ZendeskCSVTests.header + "\n", .zendeskCSV),
        ]
    )
    func detects(text: String, format: ImportFormat) throws {
        #expect(try ImportFormat.detect(path: ImportTesting.write(text)) == format)
    }

    @Test("a JSON file that is neither vendor's is refused with what it holds")
    func unknownJSON() throws {
        let path = try ImportTesting.write(#"[{"name":"x"}]"#)
        #expect {
            try ImportFormat.detect(path: path)
        } throws: { error in
            let error = error as? ImportError
            return error?.code == .unknownFormat && error?.message.contains("its first record has name") == true
        }
    }
}

@Suite("Reading a run's exports")
struct ImportRunTests {
    @Test("the JSON files of one run are detected, grouped and joined; a CSV beside them is read on its own")
    func groupsFiles() throws {
        let tickets = try ImportTesting.write(
            #"{"tickets":[{"id":1,"created_at":"2026-03-02T09:00:00Z","via":{"channel":"web"},"status":"solved"}]}"#
        )
        let canonical = try ImportTesting.write("id,channel,created_at\nC1,phone,2026-03-02T09:00:00Z\n")
        let metrics = try ImportTesting.write(
            #"{"ticket_metrics":[{"ticket_id":1,"reply_time_in_minutes":{"calendar":10},"replies":1}]}"#
        )
        let (contacts, reports) = try ImportRun().read([tickets, canonical, metrics])
        // The metrics file comes after the CSV on the command line but is joined with the tickets; the reports
        // keep the order the files were given in.
        #expect(reports.map(\.format) == ["zendesk-json", "canonical-csv", "zendesk-json"])
        #expect(reports.map(\.file) == [tickets, canonical, metrics])
        #expect(contacts.map(\.id) == ["1", "C1"])
        #expect(contacts[0].firstResponseAt == at("2026-03-02T09:10:00Z"))
    }
}
