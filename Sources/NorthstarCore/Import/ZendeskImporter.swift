import Foundation

/// Zendesk Support API exports as JSON: tickets, with their ticket metrics, ticket metric events and satisfaction
/// ratings, joined by ticket id across all the files of one run.
///
/// Each file holds any of: a list response or an incremental export page (`{"tickets": [...], "end_of_stream":
/// true}`, `{"ticket_metrics": [...]}`, `{"satisfaction_ratings": [...]}`, `{"ticket_metric_events": [...]}`), a
/// single-record response (`{"ticket": {...}}`), a top-level array of records, or newline-delimited records as the
/// full JSON export writes them (`{"ticket": {...}}` or bare tickets, one a line). Files are read as streams, so
/// memory grows with tickets, not with bytes; contacts are handed out once every file has been read.
///
/// Mapping (`docs/importers.md`): `id` → id, `via.channel` → channel (``ZendeskVia``), `created_at` → created,
/// `priority` → priority, `group_id` → team, `assignee_id` → agent, `type` → category; from the ticket's metrics
/// record: the first reply (the `reply_time` fulfil event of instance 1 when metric events are given, otherwise
/// created + `reply_time_in_minutes.calendar`), `solved_at` → resolved (only while the ticket is solved or
/// closed), `reopens`, `replies` → agent replies; from the latest answered satisfaction rating (or the ticket's
/// own `satisfaction_rating`): good → 5, bad → 1, so that Northstar's positive share equals Zendesk's
/// good / (good + bad). Tags and custom fields are not read.
public struct ZendeskImporter: ContactImporter {
    /// `zendesk-json`.
    public let formatName = "zendesk-json"

    /// The members of a top-level object whose arrays hold records.
    public static let recordArrays: Set<String> = [
        "tickets", "ticket_metrics", "satisfaction_ratings", "ticket_metric_events",
    ]

    /// The CSAT answer stored for a good rating.
    public static let goodScore = 5.0
    /// The CSAT answer stored for a bad rating.
    public static let badScore = 1.0

    /// Creates the importer.
    public init() {}

    /// What a record is.
    enum Kind: String {
        case ticket = "tickets"
        case metrics = "ticket_metrics"
        case rating = "satisfaction_ratings"
        case event = "ticket_metric_events"
    }

    private static let wrappers: [String: Kind] = [
        "ticket": .ticket, "ticket_metric": .metrics, "satisfaction_rating": .rating, "ticket_metric_event": .event,
    ]

    /// The kind of `record`, found in the array named `key` (or, without one, from its members), and the record
    /// itself with any `{"ticket": …}` wrapper taken off; `nil` when it is not an object or not recognisably one of
    /// the four.
    static func classify(_ record: JSONValue, in key: String?) -> (Kind, JSONValue)? {
        guard case .object(let members) = record else { return nil }
        // A single-record response (`{"ticket": {…}}`, perhaps with side-loads) wraps the record.
        if members["id"] == nil {
            for (name, kind) in wrappers {
                if let inner = members[name], case .object = inner { return (kind, inner) }
            }
        }
        if let key, let kind = Kind(rawValue: key) { return (kind, record) }
        if members["reply_time_in_minutes"] != nil || members["full_resolution_time_in_minutes"] != nil {
            return (.metrics, record)
        }
        if members["metric"] != nil, members["instance_id"] != nil, members["ticket_id"] != nil {
            return (.event, record)
        }
        if members["score"] != nil, members["ticket_id"] != nil { return (.rating, record) }
        if members["via"] != nil, members["id"] != nil { return (.ticket, record) }
        return nil
    }

    /// Whether a JSON document looks like a Zendesk export, from its top-level member names (when it is an
    /// object) and its first record.
    static func matches(topLevelKeys: [String], firstRecord: JSONValue?) -> Bool {
        if topLevelKeys.contains(where: recordArrays.contains) { return true }
        guard let firstRecord else { return false }
        return classify(firstRecord, in: nil) != nil
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
        let run = ZendeskRun(paths: paths, format: formatName)
        for index in paths.indices { try run.read(fileIndex: index) }
        run.join(into: sink)
        return run.reports
    }
}

/// Where a record was read: file, line and position in its array.
struct RecordOrigin: Equatable {
    var file: Int
    var line: Int
    var record: Int
}

/// The state of one Zendesk import run: what each file held, keyed by ticket id, until the join.
private final class ZendeskRun {
    struct Ticket {
        var contact: Contact
        var status: String?
        var embeddedScore: String?
        var origin: RecordOrigin
        var fields: [String]
    }

    struct Metrics {
        var replyMinutes: Double?
        var solvedAt: Timestamp?
        var reopens: Int?
        var replies: Int?
        var origin: RecordOrigin
        var fields: [String]
    }

    struct Rating {
        var good: Bool
        var at: Timestamp?
        var order: Int
        var origin: RecordOrigin
        var fields: [String]
    }

    /// A metrics record, rating or event as read, kept to report it if its ticket never comes and to count the
    /// records a later one replaces.
    struct Seen {
        var kind: ZendeskImporter.Kind
        var origin: RecordOrigin
        var fields: [String]
        /// Whether it competes to be the ticket's record (an answered rating, any metrics record).
        var counts: Bool
    }

    let paths: [String]
    var reports: [ImportReport]

    var tickets: [String: Ticket] = [:]
    var ticketOrder: [String] = []
    var metrics: [String: Metrics] = [:]
    var ratings: [String: Rating] = [:]
    /// Every metrics record, rating and event by ticket id, to count replaced records and to report those whose
    /// ticket no file holds.
    var seen: [String: [Seen]] = [:]
    var firstReplyEvents: [String: Timestamp] = [:]
    var ratingCount = 0
    var unansweredRatings = 0
    var eventsRead = 0
    var firstReplyEventsUsed = 0
    var unknownVia: [String: Int] = [:]
    var sawEndOfStream = false
    var reachedEndOfStream = false
    var firstTicketFile: Int?

    static let ticketFields = ["id", "created_at", "status", "priority", "group_id", "assignee_id", "type"]
    static let metricFields = ["ticket_id", "solved_at", "reopens", "replies"]
    static let ratingFields = ["ticket_id", "score", "created_at", "updated_at"]
    static let eventFields = ["ticket_id", "metric", "instance_id", "type", "time"]

    init(paths: [String], format: String) {
        self.paths = paths
        self.reports = paths.map { ImportReport(file: $0, format: format) }
    }

    func read(fileIndex: Int) throws(ImportError) {
        let reader = try JSONStreamReader(path: paths[fileIndex])
        try reader.read(
            streaming: ZendeskImporter.recordArrays.contains,
            record: { record in
                self.take(record, fileIndex: fileIndex)
                return true
            },
            member: { key, value in
                if key == "end_of_stream" {
                    self.sawEndOfStream = true
                    if value.boolValue == true { self.reachedEndOfStream = true }
                }
            }
        )
    }

    private func take(_ record: JSONStreamReader.Record, fileIndex: Int) {
        reports[fileIndex].rowsRead += 1
        let origin = RecordOrigin(file: fileIndex, line: record.line, record: record.index)
        func reject(_ reason: String, _ fields: [String]) {
            reports[fileIndex].reject(line: record.line, record: record.index, reason: reason, fields: fields)
        }
        guard let (kind, value) = ZendeskImporter.classify(record.value, in: record.key) else {
            if case .object = record.value {
                reject("not a Zendesk ticket, ticket metric, metric event or satisfaction rating", [])
            } else {
                reject("not a JSON object", [record.value.shortText])
            }
            return
        }
        if record.invalidUTF8 {
            reject("not UTF-8 text", value.summary(Self.ticketFields))
            return
        }
        do throws(JSONRecordProblem) {
            switch kind {
            case .ticket: try takeTicket(value, origin)
            case .metrics: try takeMetrics(value, origin)
            case .rating: try takeRating(value, origin)
            case .event: try takeEvent(value, origin)
            }
            reports[fileIndex].accepted += 1
        } catch {
            let keys =
                switch kind {
                case .ticket: Self.ticketFields
                case .metrics: Self.metricFields
                case .rating: Self.ratingFields
                case .event: Self.eventFields
                }
            reject(error.text, value.summary(keys))
        }
    }

    private func takeTicket(_ value: JSONValue, _ origin: RecordOrigin) throws(JSONRecordProblem) {
        let id = try value.requiredID("id")
        let created = try value.requiredTime("created_at")
        let channel: String
        switch value["via"]?["channel"] {
        case .string(let word)?:
            channel = ZendeskVia.channel(word: word) ?? "unknown"
            if channel == "unknown" { unknownVia["via id \(word)", default: 0] += 1 }
        case .number(let digits)?:
            channel = Int64(digits).flatMap(ZendeskVia.channel(id:)) ?? "unknown"
            if channel == "unknown" { unknownVia["via id \(digits)", default: 0] += 1 }
        default:
            channel = "unknown"
            unknownVia["no via.channel", default: 0] += 1
        }
        var contact = Contact(id: id, channel: channel.isEmpty ? "unknown" : channel, createdAt: created)
        contact.priority = value.optionalText("priority")?.lowercased()
        contact.team = try value.optionalID("group_id")
        contact.agent = try value.optionalID("assignee_id")
        contact.category = value.optionalText("type")?.lowercased()
        let status = value.optionalText("status")?.lowercased()
        var embeddedScore: String?
        if let score = value["satisfaction_rating"]?["score"]?.stringValue?.lowercased(),
            score == "good" || score == "bad"
        {
            embeddedScore = score
        }
        firstTicketFile = firstTicketFile ?? origin.file
        let ticket = Ticket(
            contact: contact,
            status: status,
            embeddedScore: embeddedScore,
            origin: origin,
            fields: value.summary(Self.ticketFields)
        )
        if tickets.updateValue(ticket, forKey: id) != nil {
            reports[origin.file].duplicates += 1
        } else {
            ticketOrder.append(id)
        }
    }

    private func takeMetrics(_ value: JSONValue, _ origin: RecordOrigin) throws(JSONRecordProblem) {
        let ticketID = try value.requiredID("ticket_id")
        var replyMinutes: Double?
        if let reply = value["reply_time_in_minutes"], !reply.isNull {
            let calendar = reply["calendar"] ?? reply
            if !calendar.isNull {
                guard let minutes = calendar.doubleValue else {
                    throw JSONRecordProblem("reply_time_in_minutes.calendar is not a number")
                }
                replyMinutes = minutes
            }
        }
        let record = Metrics(
            replyMinutes: replyMinutes,
            solvedAt: try value.optionalTime("solved_at"),
            reopens: try value.optionalCount("reopens"),
            replies: try value.optionalCount("replies"),
            origin: origin,
            fields: value.summary(Self.metricFields)
        )
        metrics[ticketID] = record
        seen[ticketID, default: []].append(Seen(kind: .metrics, origin: origin, fields: record.fields, counts: true))
    }

    private func takeRating(_ value: JSONValue, _ origin: RecordOrigin) throws(JSONRecordProblem) {
        let ticketID = try value.requiredID("ticket_id")
        guard let score = value["score"]?.stringValue?.lowercased() else { throw JSONRecordProblem("score is missing") }
        var at = try value.optionalTime("updated_at")
        if at == nil { at = try value.optionalTime("created_at") }
        let fields = value.summary(Self.ratingFields)
        switch score {
        case "good", "bad":
            ratingCount += 1
            let rating = Rating(good: score == "good", at: at, order: ratingCount, origin: origin, fields: fields)
            // The latest answer wins: by its time, then by reading order.
            let earliest = Timestamp(seconds: .min)
            let olderThanKept = ratings[ticketID].map { ($0.at ?? earliest) > (at ?? earliest) } ?? false
            if !olderThanKept { ratings[ticketID] = rating }
            seen[ticketID, default: []].append(Seen(kind: .rating, origin: origin, fields: fields, counts: true))
        case "offered", "unoffered":
            unansweredRatings += 1
            seen[ticketID, default: []].append(Seen(kind: .rating, origin: origin, fields: fields, counts: false))
        default:
            throw JSONRecordProblem("score is not offered, unoffered, good or bad")
        }
    }

    private func takeEvent(_ value: JSONValue, _ origin: RecordOrigin) throws(JSONRecordProblem) {
        let ticketID = try value.requiredID("ticket_id")
        guard let metric = value.optionalText("metric") else { throw JSONRecordProblem("metric is missing") }
        guard let type = value.optionalText("type") else { throw JSONRecordProblem("type is missing") }
        let time = try value.requiredTime("time")
        eventsRead += 1
        seen[ticketID, default: []].append(
            Seen(kind: .event, origin: origin, fields: value.summary(Self.eventFields), counts: false)
        )
        let instance = value["instance_id"]?.integerValue ?? 1
        if metric == "reply_time", type == "fulfill", instance == 1 {
            firstReplyEventsUsed += 1
            if let earlier = firstReplyEvents[ticketID], earlier <= time { return }
            firstReplyEvents[ticketID] = time
        }
    }

    // MARK: Join

    func join(into sink: (Contact) -> Void) {
        var withoutMetrics = 0
        var reopenedSinceSolve = 0
        var fromMinutes = 0
        var fromEvents = 0
        var deleted = 0
        for id in ticketOrder {
            guard let ticket = tickets[id] else { continue }
            if ticket.status == "deleted" {
                deleted += 1
                continue
            }
            var contact = ticket.contact
            let created = contact.createdAt
            let record = metrics[id]
            var reopened = false
            if let record {
                if let minutes = record.replyMinutes {
                    contact.firstResponseAt = Timestamp(seconds: created.seconds + Int64((minutes * 60).rounded()))
                }
                if let solved = record.solvedAt {
                    if ticket.status == nil || ticket.status == "solved" || ticket.status == "closed" {
                        contact.resolvedAt = solved
                    } else {
                        reopened = true
                    }
                }
                contact.reopens = record.reopens
                contact.agentReplies = record.replies
            }
            let replyEvent = firstReplyEvents[id]
            if let replyEvent { contact.firstResponseAt = replyEvent }
            if let rating = ratings[id] {
                contact.csat = rating.good ? ZendeskImporter.goodScore : ZendeskImporter.badScore
            } else if let score = ticket.embeddedScore {
                contact.csat = score == "good" ? ZendeskImporter.goodScore : ZendeskImporter.badScore
            }
            var problem: String?
            if let first = contact.firstResponseAt, first < created {
                let source = replyEvent == nil ? "reply_time_in_minutes" : "the reply_time fulfil event"
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
                    fields: ticket.fields + (record?.fields ?? [])
                )
                continue
            }
            if record == nil { withoutMetrics += 1 }
            if reopened { reopenedSinceSolve += 1 }
            if replyEvent != nil {
                fromEvents += 1
            } else if contact.firstResponseAt != nil {
                fromMinutes += 1
            }
            reports[file].contacts += 1
            sink(contact)
        }
        // Records for tickets that no file of the run holds cannot be joined: say so, at their own lines. Of the
        // records that compete for a ticket (metrics, answered ratings), those the winner replaced are duplicates.
        for (ticketID, records) in seen {
            guard tickets[ticketID] != nil else {
                for record in records {
                    reports[record.origin.file].accepted -= 1
                    reports[record.origin.file].reject(
                        line: record.origin.line,
                        record: record.origin.record,
                        reason: "\(record.kind.rawValue) record for a ticket no tickets file of this run holds",
                        fields: record.fields
                    )
                }
                continue
            }
            let winners = [metrics[ticketID]?.origin, ratings[ticketID]?.origin]
            for record in records where record.counts && !winners.contains(record.origin) {
                reports[record.origin.file].duplicates += 1
            }
        }
        sortRejects()

        var notes: [String] = []
        if deleted > 0 {
            notes.append("\(deleted) tickets are deleted in Zendesk (status deleted) and are left out.")
        }
        if withoutMetrics > 0, !ticketOrder.isEmpty {
            notes.append(
                "\(withoutMetrics) tickets have no ticket_metrics record, so no first reply, solve time, reopens or "
                    + "reply count: add the ticket metrics export to the run."
            )
        }
        if fromMinutes > 0 {
            notes.append(
                "\(fromMinutes) first replies are created_at + reply_time_in_minutes.calendar, to the whole minute "
                    + "as Zendesk rounds it; ticket metric events would give the exact time."
            )
        }
        if fromEvents > 0 {
            notes.append("\(fromEvents) first replies are the exact time of the reply_time fulfil event.")
        }
        if eventsRead > firstReplyEventsUsed {
            notes.append(
                "\(eventsRead - firstReplyEventsUsed) of \(eventsRead) ticket metric events are not first-reply "
                    + "fulfilments (SLA, pauses, other metrics) and are not used yet."
            )
        }
        if reopenedSinceSolve > 0 {
            notes.append(
                "\(reopenedSinceSolve) tickets have a solved_at but are open again (status new, open, pending or "
                    + "hold): they count as unresolved."
            )
        }
        if !unknownVia.isEmpty {
            let total = unknownVia.values.reduce(0, +)
            let detail = unknownVia.sorted { $0.value > $1.value }.prefix(5).map { "\($0.key) ×\($0.value)" }
            notes.append(
                "\(total) tickets have the channel `unknown`: \(detail.joined(separator: ", ")) "
                    + "(the via types reference names ids 0–41)."
            )
        }
        if !ratings.isEmpty || tickets.values.contains(where: { $0.embeddedScore != nil }) {
            notes.append(
                "Satisfaction: good is stored as \(Int(ZendeskImporter.goodScore)) and bad as "
                    + "\(Int(ZendeskImporter.badScore)) on the 1–5 scale, so the CSAT share (4–5) equals Zendesk's "
                    + "good / (good + bad)."
            )
        }
        if unansweredRatings > 0 {
            notes.append(
                "\(unansweredRatings) satisfaction ratings are offered or unoffered: surveys without an answer, "
                    + "which set no CSAT."
            )
        }
        if sawEndOfStream, !reachedEndOfStream {
            notes.append(
                "No incremental export page says end_of_stream: true; later pages may be missing from the run."
            )
        }
        let target = firstTicketFile ?? 0
        if !reports.isEmpty { reports[target].notes.append(contentsOf: notes) }
    }

    private func sortRejects() {
        for index in reports.indices {
            reports[index].rejects.sort { ($0.line, $0.record ?? 0) < ($1.line, $1.record ?? 0) }
        }
    }
}
