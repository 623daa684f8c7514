import Foundation
import Testing

@testable import NorthstarCore

/// A hand-typed page of the Intercom list endpoint, one conversation a line so that lines are known.
/// 1772442900 is 2026-03-02T09:15:00Z (python3: datetime(2026,3,2,9,15,tzinfo=timezone.utc).timestamp()).
private let page = """
    {"type": "conversation.list", "total_count": 8, "conversations": [
    {"type": "conversation", "id": "101", "created_at": 1772442900, "state": "closed", "priority": "priority", "admin_assignee_id": 4711, "team_assignee_id": "12", "source": {"type": "conversation", "delivered_as": "customer_initiated"}, "statistics": {"type": "conversation_statistics", "first_contact_reply_at": 1772442900, "first_admin_reply_at": 1772443500, "last_close_at": 1772450100, "count_reopens": 1}, "conversation_rating": {"rating": 4, "remark": "quick"}, "sla_applied": {"sla_name": "VIP", "sla_status": "hit"}},
    {"type": "conversation", "id": "102", "created_at": 1772446500, "state": "open", "priority": "not_priority", "admin_assignee_id": 0, "team_assignee_id": null, "source": {"type": "email", "delivered_as": "customer_initiated"}, "statistics": {"first_contact_reply_at": 1772446500, "first_admin_reply_at": null, "last_close_at": 1772449200, "count_reopens": 1}, "conversation_rating": null, "sla_applied": {"sla_status": "missed"}},
    {"type": "conversation", "id": "103", "created_at": 1772449800, "state": "snoozed", "source": {"type": "phone_call"}, "statistics": {"first_admin_reply_at": 1772449860, "last_close_at": 1772449900}},
    {"type": "conversation", "id": "104", "created_at": 1772431200, "state": "closed", "source": {"type": "whatsapp", "delivered_as": "admin_initiated"}, "statistics": {"first_contact_reply_at": 1772434800, "first_admin_reply_at": 1772435100, "last_close_at": 1772438400, "count_reopens": 0}},
    {"type": "conversation", "id": "105", "created_at": 1772431200, "state": "open", "source": {"type": "email", "delivered_as": "automated"}, "statistics": {"first_contact_reply_at": null}},
    {"type": "conversation", "id": "106", "created_at": 1772442900, "state": "open", "source": {"type": "conversation"}, "statistics": {"first_admin_reply_at": 1772442000}},
    {"type": "conversation", "id": "107", "created_at": 1772442900, "state": "closed", "source": {"type": "conversation"}, "statistics": {"last_close_at": 1772443000}, "conversation_rating": {"rating": 7}},
    {"type": "conversation", "id": "101", "created_at": 1772442900, "state": "closed", "priority": "priority", "admin_assignee_id": "4711", "team_assignee_id": "12", "source": {"type": "conversation", "delivered_as": "customer_initiated"}, "statistics": {"first_contact_reply_at": 1772442900, "first_admin_reply_at": 1772443500, "last_close_at": 1772450100, "count_reopens": 1}, "conversation_rating": {"rating": 5}, "sla_applied": {"sla_status": "hit"}}
    ], "pages": {"type": "pages", "page": 1, "per_page": 20, "total_pages": 1}}
    """

private func importIntercom(_ text: String, bom: Bool = false) throws -> (contacts: [Contact], report: ImportReport) {
    try ImportTesting.run(IntercomImporter(), text: text, bom: bom)
}

@Suite("Intercom conversations")
struct IntercomImporterTests {
    @Test("a list page: each conversation once, the last copy of a repeated id winning, every refusal counted")
    func counts() throws {
        let (contacts, report) = try importIntercom(page)
        #expect(report.format == "intercom")
        // 8 conversations on lines 2–9: 105, 106 and 107 refused; 101 appears twice (lines 2 and 9).
        #expect(report.rowsRead == 8)
        #expect(report.accepted == 5)
        #expect(report.rejected == 3)
        #expect(report.duplicates == 1)
        #expect(report.contacts == 4)
        #expect(contacts.map(\.id) == ["101", "102", "103", "104"])
        #expect(report.rowsRead == report.accepted + report.rejected)
    }

    @Test("statistics become the canonical times; assignees, priority, rating and SLA status are kept")
    func mapping() throws {
        let (contacts, _) = try importIntercom(page)
        let first = try #require(contacts.first { $0.id == "101" })
        #expect(first.channel == "chat")  // source.type conversation: the Messenger
        #expect(first.createdAt.description == "2026-03-02T09:15:00Z")
        #expect(first.firstResponseAt?.description == "2026-03-02T09:25:00Z")  // +600 s
        #expect(first.resolvedAt?.description == "2026-03-02T11:15:00Z")  // +7,200 s
        #expect(first.reopens == 1)
        #expect(first.csat == 5)  // the later copy (line 9) rated 5, the earlier 4
        #expect(first.agent == "4711")  // a number in one copy, a string in the other: the same id
        #expect(first.team == "12")
        #expect(first.priority == "priority")
        #expect(first.vendorSLAMet == true)
    }

    @Test("open and snoozed conversations are unresolved, even when they were closed before")
    func openAndSnoozed() throws {
        let (contacts, _) = try importIntercom(page)
        let open = try #require(contacts.first { $0.id == "102" })
        #expect(open.channel == "email")
        #expect(open.resolvedAt == nil)  // last_close_at is 11:00, but the conversation is open again
        #expect(open.firstResponseAt == nil)
        #expect(open.agent == nil)  // admin_assignee_id 0: unassigned
        #expect(open.team == nil)
        #expect(open.vendorSLAMet == false)
        let snoozed = try #require(contacts.first { $0.id == "103" })
        #expect(snoozed.channel == "phone")
        #expect(snoozed.resolvedAt == nil)
        #expect(snoozed.firstResponseAt?.description == "2026-03-02T11:11:00Z")
    }

    @Test("a conversation the team started runs from the customer's first reply")
    func teamStarted() throws {
        let (contacts, report) = try importIntercom(page)
        let outbound = try #require(contacts.first { $0.id == "104" })
        // created_at 06:00Z is the team's message; the customer answered at 07:00Z (1772434800) and the team
        // replied at 07:05Z: a first response of 5 minutes, not 65.
        #expect(outbound.createdAt.description == "2026-03-02T07:00:00Z")
        #expect(outbound.firstResponseAt.map { outbound.createdAt.seconds(until: $0) } == 300)
        #expect(outbound.channel == "messaging")
        #expect(report.notes.contains { $0.contains("1 conversation was started by the team") })
    }

    @Test("refusals carry their line and reason")
    func rejections() throws {
        let (_, report) = try importIntercom(page)
        let byLine = Dictionary(uniqueKeysWithValues: report.rejects.map { ($0.line, $0.reason) })
        #expect(byLine[6] == "started by the team and never answered by the customer")
        #expect(byLine[7] == "first response before creation")
        #expect(byLine[8] == "conversation_rating.rating is not a whole number in 1…5")
        #expect(report.rejects.allSatisfy { $0.fields.first?.hasPrefix("{") == true })
    }

    @Test("a bare list, JSON Lines of pages and of conversations, and a byte order mark all read the same")
    func shapes() throws {
        let one = #"{"type": "conversation", "id": "1", "created_at": 1772442900, "source": {"type": "email"}}"#
        let two = #"{"type": "conversation", "id": "2", "created_at": 1772442960, "source": {"type": "sms"}}"#
        let list = try importIntercom("[\n\(one),\n\(two)\n]\n", bom: true)
        #expect(list.contacts.map(\.id) == ["1", "2"])
        #expect(list.contacts.map(\.channel) == ["email", "messaging"])
        let lines = try importIntercom("\(one)\n\(two)\n")
        #expect(lines.contacts.map(\.id) == ["1", "2"])
        let pages = try importIntercom(
            "{\"type\": \"conversation.list\", \"conversations\": [\(one)]}\n"
                + "{\"type\": \"conversation.list\", \"conversations\": [\(two), \(one)]}\n"
        )
        #expect(pages.contacts.map(\.id) == ["1", "2"])
        #expect(pages.report.duplicates == 1)  // overlapping pages count once
        #expect(pages.report.rejects.isEmpty)
    }

    @Test("broken JSON stops the import with the line; an unusable record is refused alone")
    func brokenJSON() throws {
        let unclosed = "{\"type\": \"conversation.list\", \"conversations\": [\n{\"id\": \"1\", \"created_at\": 1}\n"
        #expect {
            try importIntercom(unclosed)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.code == .malformed && error.location?.line == 1
        }
        let bad = try importIntercom(
            "[\n{\"id\": \"1\", \"created_at\": tru},\n{\"id\": \"2\"},\n{\"id\": \"3\", \"created_at\": \"yesterday\"}\n]"
        )
        #expect(bad.report.rejects.map(\.line) == [2, 3, 4])
        #expect(
            bad.report.rejects.map(\.reason) == [
                "not valid JSON", "created_at is missing", "created_at is not a Unix time in seconds",
            ]
        )
    }

    @Test(
        "source types map to canonical channels",
        arguments: [
            ("conversation", "chat"), ("push", "chat"), ("email", "email"), ("phone_call", "phone"),
            ("phone_switch", "phone"), ("sms", "messaging"), ("whatsapp", "messaging"), ("facebook", "social"),
            ("instagram", "social"), ("twitter", "social"), ("Zapier", "zapier"),
        ]
    )
    func channels(type: String, channel: String) {
        #expect(IntercomImporter.channel(forSourceType: type) == channel)
    }

    @Test("Intercom JSON is detected by its shape; other JSON with conversations is not taken for it")
    func detection() throws {
        let path = try ImportTesting.write(page)
        #expect(try ImportFormat.detect(path: path) == .intercom)
        // A Freshdesk ticket with include=conversations has a `conversations` key but no Intercom type.
        let freshdesk = try ImportTesting.write(
            #"{"id": 1, "type": "Question", "conversations": [{"incoming": true}]}"#
        )
        #expect(!IntercomImporter.matches(path: freshdesk))
    }
}
