import Foundation

/// Freshdesk API v2 exports as JSON: tickets listed with `include=stats`, their conversations and their
/// satisfaction ratings, joined by ticket id across all the files of one run.
///
/// Each file holds a top-level array (a page of `GET /api/v2/tickets?include=stats`, of
/// `/tickets/[id]/conversations` or of `/surveys/satisfaction_ratings`), a single ticket (`GET
/// /api/v2/tickets/[id]?include=conversations,stats`, conversations embedded), a search response
/// (`{"results": [...]}`), or newline-delimited records. Files are read as streams.
///
/// Mapping (`docs/importers.md`): `id` → id, `source` → channel (``FreshdeskCodes``), `created_at` → created,
/// `priority` → priority, `group_id` → team, `responder_id` → agent, `type` → category; the first response is the
/// first conversation with `incoming: false, private: false` (an agent reply or a public note) when the ticket's
/// conversations are given, otherwise `stats.first_responded_at`; the number of such conversations → agent
/// replies; `stats.resolved_at` (or `stats.closed_at`) → resolved while the status is resolved or closed;
/// `stats.reopened_at` → reopens ≥ 1; the latest satisfaction rating's `default_question` → CSAT (happy 5,
/// neutral 3, unhappy 1).
public struct FreshdeskImporter: ContactImporter {
    /// `freshdesk-json`.
    public let formatName = "freshdesk-json"

    /// The members of a top-level object whose arrays hold records: `results`, as the search API answers. (A
    /// ticket's own `conversations` are part of the ticket.)
    public static let recordArrays: Set<String> = ["results"]

    /// Creates the importer.
    public init() {}

    /// What a record is.
    enum Kind: String {
        case ticket = "ticket"
        case conversation = "conversation"
        case rating = "satisfaction rating"
    }

    /// The kind of a record, from its members.
    static func classify(_ record: JSONValue) -> Kind? {
        guard case .object(let members) = record else { return nil }
        if members["incoming"] != nil, members["private"] != nil { return .conversation }
        if members["ratings"] != nil, members["ticket_id"] != nil { return .rating }
        if members["id"] != nil, members["via"] == nil,
            ["fr_due_by", "responder_id", "requester_id", "stats", "source"].contains(where: { members[$0] != nil })
        {
            return .ticket
        }
        return nil
    }

    /// Whether a JSON document looks like a Freshdesk export, from its first record.
    static func matches(topLevelKeys: [String], firstRecord: JSONValue?) -> Bool {
        guard let firstRecord else { return false }
        return classify(firstRecord) != nil
    }

    /// Reads one file.
    public func importContacts(from path: String, into sink: (Contact) -> Void) throws(ImportError) -> ImportReport {
        try importContacts(from: [path], into: sink)[0]
    }

    /// Reads the files of one run and joins their records by ticket id.
    public func importContacts(
        from paths: [String],
        into sink: (Contact) -> Void
    ) throws(ImportError) -> [ImportReport] {
        let run = FreshdeskRun(paths: paths, format: formatName)
        for index in paths.indices { try run.read(fileIndex: index) }
        run.join(into: sink)
        return run.reports
    }
}

/// The state of one Freshdesk import run until the join.
private final class FreshdeskRun {
    struct Ticket {
        var contact: Contact
        var status: String?
        var statsFirstResponse: Timestamp?
        var statsResolved: Timestamp?
        var hasStats: Bool
        /// Whether the ticket embeds its conversations (so none means no replies).
        var embedsConversations: Bool
        var origin: RecordOrigin
        var fields: [String]
    }

    /// What the conversations of one ticket add up to.
    struct Conversations {
        var firstPublicAgent: Timestamp?
        var publicAgentCount = 0
    }

    /// A conversation or rating as read, kept to report it if its ticket never comes.
    struct Seen {
        var kind: FreshdeskImporter.Kind
        var origin: RecordOrigin
        var fields: [String]
        /// Whether it was counted as a duplicate (a repeated conversation, a ticket's second rating).
        var duplicate: Bool
    }

    struct Rating {
        var score: Double
        var at: Timestamp?
        var origin: RecordOrigin
    }

    let paths: [String]
    var reports: [ImportReport]
    var tickets: [String: Ticket] = [:]
    var ticketOrder: [String] = []
    var conversations: [String: Conversations] = [:]
    var conversationIDs: Set<String> = []
    var ratings: [String: Rating] = [:]
    var seen: [String: [Seen]] = [:]
    var unknownSource = 0
    var firstTicketFile: Int?

    static let ticketFields = ["id", "created_at", "status", "priority", "source", "responder_id", "group_id"]
    static let conversationFields = ["id", "ticket_id", "incoming", "private", "created_at"]
    static let ratingFields = ["id", "ticket_id", "ratings", "created_at", "updated_at"]

    init(paths: [String], format: String) {
        self.paths = paths
        self.reports = paths.map { ImportReport(file: $0, format: format) }
    }

    func read(fileIndex: Int) throws(ImportError) {
        let reader = try JSONStreamReader(path: paths[fileIndex])
        try reader.read(
            streaming: FreshdeskImporter.recordArrays.contains,
            record: { record in
                self.take(record, fileIndex: fileIndex)
                return true
            }
        )
    }

    private func take(_ record: JSONStreamReader.Record, fileIndex: Int) {
        reports[fileIndex].rowsRead += 1
        let origin = RecordOrigin(file: fileIndex, line: record.line, record: record.index)
        func reject(_ reason: String, _ fields: [String]) {
            reports[fileIndex].reject(line: record.line, record: record.index, reason: reason, fields: fields)
        }
        guard let kind = FreshdeskImporter.classify(record.value) else {
            if case .object = record.value {
                reject("not a Freshdesk ticket, conversation or satisfaction rating", [])
            } else {
                reject("not a JSON object", [record.value.shortText])
            }
            return
        }
        let keys =
            switch kind {
            case .ticket: Self.ticketFields
            case .conversation: Self.conversationFields
            case .rating: Self.ratingFields
            }
        if record.invalidUTF8 {
            reject("not UTF-8 text", record.value.summary(keys))
            return
        }
        do throws(JSONRecordProblem) {
            switch kind {
            case .ticket: try takeTicket(record.value, origin)
            case .conversation:
                let ticketID = try record.value.requiredID("ticket_id")
                let duplicate = try takeConversation(record.value, ticketID: ticketID)
                if duplicate { reports[fileIndex].duplicates += 1 }
                let seenRecord = Seen(
                    kind: .conversation,
                    origin: origin,
                    fields: record.value.summary(keys),
                    duplicate: duplicate
                )
                seen[ticketID, default: []].append(seenRecord)
            case .rating: try takeRating(record.value, origin)
            }
            reports[fileIndex].accepted += 1
        } catch {
            reject(error.text, record.value.summary(keys))
        }
    }

    private func takeTicket(_ value: JSONValue, _ origin: RecordOrigin) throws(JSONRecordProblem) {
        let id = try value.requiredID("id")
        let created = try value.requiredTime("created_at")
        func code(_ key: String) throws(JSONRecordProblem) -> Int64? {
            guard let member = value[key], !member.isNull else { return nil }
            guard let number = member.integerValue else { throw JSONRecordProblem("\(key) is not a whole number") }
            return number
        }
        let channel: String
        if let source = try code("source") {
            channel = FreshdeskCodes.source(source)
        } else {
            channel = "unknown"
            unknownSource += 1
        }
        var contact = Contact(id: id, channel: channel, createdAt: created)
        contact.priority = try code("priority").map(FreshdeskCodes.priority)
        contact.team = try value.optionalID("group_id")
        contact.agent = try value.optionalID("responder_id")
        contact.category = value.optionalText("type")?.lowercased()
        let status = try code("status").map(FreshdeskCodes.status)
        var statsFirstResponse: Timestamp?
        var statsResolved: Timestamp?
        let stats = value["stats"]
        let hasStats = stats.map { !$0.isNull } ?? false
        if let stats, hasStats {
            do throws(JSONRecordProblem) {
                statsFirstResponse = try stats.optionalTime("first_responded_at")
                statsResolved = try stats.optionalTime("resolved_at")
                if statsResolved == nil { statsResolved = try stats.optionalTime("closed_at") }
                contact.reopens = try stats.optionalTime("reopened_at") == nil ? 0 : 1
            } catch {
                throw JSONRecordProblem("stats.\(error.text)")
            }
        }
        // Conversations embedded in the ticket (`include=conversations`) are its conversations, all of them.
        var embedsConversations = false
        if let embedded = value["conversations"]?.arrayValue {
            embedsConversations = true
            conversations[id] = conversations[id] ?? Conversations()
            for conversation in embedded {
                do throws(JSONRecordProblem) {
                    _ = try takeConversation(conversation, ticketID: id)
                } catch {
                    throw JSONRecordProblem("conversations: \(error.text)")
                }
            }
        }
        firstTicketFile = firstTicketFile ?? origin.file
        let ticket = Ticket(
            contact: contact,
            status: status,
            statsFirstResponse: statsFirstResponse,
            statsResolved: statsResolved,
            hasStats: hasStats,
            embedsConversations: embedsConversations,
            origin: origin,
            fields: value.summary(Self.ticketFields)
        )
        if tickets.updateValue(ticket, forKey: id) != nil {
            reports[origin.file].duplicates += 1
        } else {
            ticketOrder.append(id)
        }
    }

    /// Adds one conversation to its ticket's; returns `true` when the same conversation was seen before.
    private func takeConversation(_ value: JSONValue, ticketID: String) throws(JSONRecordProblem) -> Bool {
        guard let incoming = value["incoming"]?.boolValue else {
            throw JSONRecordProblem("incoming is not true or false")
        }
        guard let isPrivate = value["private"]?.boolValue else {
            throw JSONRecordProblem("private is not true or false")
        }
        let created = try value.requiredTime("created_at")
        if let id = try value.optionalID("id") {
            guard conversationIDs.insert(id).inserted else { return true }
        }
        var summary = conversations[ticketID] ?? Conversations()
        if !incoming, !isPrivate {
            summary.publicAgentCount += 1
            // Agent replies and public notes alike: Freshdesk counts a public note as a response.
            if summary.firstPublicAgent.map({ created < $0 }) ?? true { summary.firstPublicAgent = created }
        }
        conversations[ticketID] = summary
        return false
    }

    private func takeRating(_ value: JSONValue, _ origin: RecordOrigin) throws(JSONRecordProblem) {
        let ticketID = try value.requiredID("ticket_id")
        guard let answer = value["ratings"]?["default_question"], let rating = answer.integerValue else {
            throw JSONRecordProblem("ratings.default_question is missing")
        }
        guard let score = FreshdeskCodes.surveyScore(rating: rating) else {
            throw JSONRecordProblem("ratings.default_question is not a survey answer (−103…−101, 100, 101…103)")
        }
        var at = try value.optionalTime("updated_at")
        if at == nil { at = try value.optionalTime("created_at") }
        let previous = ratings[ticketID]
        if previous != nil { reports[origin.file].duplicates += 1 }
        seen[ticketID, default: []].append(
            Seen(kind: .rating, origin: origin, fields: value.summary(Self.ratingFields), duplicate: previous != nil)
        )
        // The latest answer wins: by its time, then by reading order.
        let earliest = Timestamp(seconds: .min)
        if let previous, (previous.at ?? earliest) > (at ?? earliest) { return }
        ratings[ticketID] = Rating(score: score, at: at, origin: origin)
    }

    // MARK: Join

    func join(into sink: (Contact) -> Void) {
        var fromConversations = 0
        var fromStats = 0
        var disagreements = 0
        var withoutConversations = 0
        var withoutStats = 0
        var reopenedSinceSolve = 0
        var rated = 0
        for id in ticketOrder {
            guard let ticket = tickets[id] else { continue }
            var contact = ticket.contact
            let created = contact.createdAt
            let summary = conversations[id]
            if let summary {
                contact.firstResponseAt = summary.firstPublicAgent
                contact.agentReplies = summary.publicAgentCount
            } else {
                contact.firstResponseAt = ticket.statsFirstResponse
            }
            var reopened = false
            if let resolved = ticket.statsResolved {
                if ticket.status.map(FreshdeskCodes.isResolved(status:)) ?? true {
                    contact.resolvedAt = resolved
                } else {
                    reopened = true
                }
            }
            if let rating = ratings[id] { contact.csat = rating.score }
            var problem: String?
            if let first = contact.firstResponseAt, first < created {
                let source = summary == nil ? "stats.first_responded_at" : "the conversations"
                problem = "first response before creation (from \(source))"
            } else if let resolved = contact.resolvedAt, resolved < created {
                problem = "resolution before creation"
            }
            let file = ticket.origin.file
            if let problem {
                reports[file].accepted -= 1
                reports[file].reject(
                    line: ticket.origin.line,
                    record: ticket.origin.record,
                    reason: problem,
                    fields: ticket.fields
                )
                continue
            }
            if let summary {
                fromConversations += 1
                if ticket.hasStats, ticket.statsFirstResponse != summary.firstPublicAgent { disagreements += 1 }
            } else {
                withoutConversations += 1
                if ticket.statsFirstResponse != nil { fromStats += 1 }
            }
            if !ticket.hasStats { withoutStats += 1 }
            if reopened { reopenedSinceSolve += 1 }
            if contact.csat != nil { rated += 1 }
            reports[file].contacts += 1
            sink(contact)
        }
        for (ticketID, records) in seen where tickets[ticketID] == nil {
            for record in records {
                reports[record.origin.file].accepted -= 1
                if record.duplicate { reports[record.origin.file].duplicates -= 1 }
                reports[record.origin.file].reject(
                    line: record.origin.line,
                    record: record.origin.record,
                    reason: "\(record.kind.rawValue) for a ticket no tickets file of this run holds",
                    fields: record.fields
                )
            }
        }
        for index in reports.indices {
            reports[index].rejects.sort { ($0.line, $0.record ?? 0) < ($1.line, $1.record ?? 0) }
        }

        var notes: [String] = []
        if fromConversations > 0 {
            notes.append(
                "\(fromConversations) tickets take their first response and agent replies from their conversations: "
                    + "the first with incoming false and private false (an agent reply or a public note)."
            )
        }
        if disagreements > 0 {
            notes.append(
                "\(disagreements) tickets' first public reply in the conversations differs from "
                    + "stats.first_responded_at; the conversations are used."
            )
        }
        if withoutConversations > 0, !ticketOrder.isEmpty {
            notes.append(
                "\(withoutConversations) tickets come without conversations: the first response is "
                    + "stats.first_responded_at (\(fromStats) have one) and the reply count is unknown, so "
                    + "first-contact resolution leaves them out."
            )
        }
        if withoutStats > 0 {
            notes.append(
                "\(withoutStats) tickets have no stats (list them with include=stats): no resolution time or "
                    + "reopens."
            )
        }
        if reopenedSinceSolve > 0 {
            notes.append(
                "\(reopenedSinceSolve) tickets have a resolved_at but a status other than resolved or closed: "
                    + "they count as unresolved."
            )
        }
        if tickets.values.contains(where: { $0.hasStats }) {
            notes.append(
                "Reopens come from stats.reopened_at, which records the last reopen only: a ticket reopened twice "
                    + "counts 1."
            )
        }
        if unknownSource > 0 {
            notes.append("\(unknownSource) tickets have no source: their channel is `unknown`.")
        }
        if rated > 0 {
            notes.append(
                "Satisfaction: happy answers are stored as 5, neutral as 3 and unhappy as 1, so the CSAT share (4–5) "
                    + "equals Freshdesk's share of positive answers."
            )
        }
        let target = firstTicketFile ?? 0
        if !reports.isEmpty { reports[target].notes.append(contentsOf: notes) }
    }
}
