import Foundation

/// Event streams in JSON Lines: one event a line, `{"contact": "T1", "type": "agent_reply", "at": "…", …}`.
/// They carry what one row per contact cannot: bot handoffs, pauses (pending, on hold) and every customer
/// message and reply, hence next-reply times. Fields, rules and an example: `docs/importers.md`
/// ("Event streams").
///
/// Events may arrive in any order, within a file and across the files of one run, which are read together.
/// Each contact's events are sorted by time (ties keep their order in the input) and replayed into one
/// ``Contact``. A line that is not a usable event is rejected with its line; so is an event of a contact that has
/// no `created` event, and one timed before its contact's creation. An event repeated exactly (a re-export)
/// counts once. Every event is held until the run's files are read: memory grows with the events.
public struct EventStreamImporter: ContactImporter {
    /// `event-stream`.
    public let formatName = "event-stream"

    /// Creates the importer. Times carry their own zone (RFC 3339), so none is needed.
    public init() {}

    /// The event types, as the `type` member names them.
    enum EventType: String, Sendable, CaseIterable {
        /// The contact was created; carries `channel` and the dimensions.
        case created
        /// A message from the customer.
        case customerMessage = "customer_message"
        /// A public reply by a human agent.
        case agentReply = "agent_reply"
        /// A note only agents see: never a response.
        case privateNote = "private_note"
        /// A message from a bot: never a response.
        case botMessage = "bot_message"
        /// A bot passed the conversation to the humans.
        case botHandoff = "bot_handoff"
        /// The status changed; carries `status`.
        case status
        /// The contact was assigned; carries `agent` (`null`: unassigned).
        case assignment
        /// The contact was solved.
        case solved
        /// The contact was reopened.
        case reopened
        /// A satisfaction answer; carries `score`.
        case csat
        /// A likelihood-to-recommend answer; carries `score` (0–10).
        case nps
    }

    /// The statuses a `status` event may name. `pending` and `on_hold` pause resolution; `solved` is a solve,
    /// and so is `closed` unless the contact is already solved; `new` and `open` are working states.
    static let statuses: [String] = ["new", "open", "pending", "on_hold", "solved", "closed"]

    /// One event, as read.
    struct Event: Hashable {
        /// The event's own id, when the stream gives one: events with different ids are never repeats.
        var id: String?
        var type: EventType
        var at: Timestamp
        var channel: String?
        var tier: String?
        var priority: String?
        var team: String?
        var category: String?
        var agent: String?
        var status: String?
        var score: Double?
    }

    /// An event with where it was read.
    struct Located {
        var contact: String
        var event: Event
        var file: Int
        var line: Int
        var fields: [String]
    }

    public func importContacts(from path: String, into sink: (Contact) -> Void) throws(ImportError) -> ImportReport {
        try importContacts(from: [path], into: sink)[0]
    }

    /// Reads every file before building any contact, so that a contact's events may be spread over the files.
    public func importContacts(
        from paths: [String],
        into sink: (Contact) -> Void
    ) throws(ImportError) -> [ImportReport] {
        var reports = paths.map { ImportReport(file: $0, format: formatName) }
        var byContact: [String: [Located]] = [:]
        var order: [String] = []
        for (index, path) in paths.enumerated() {
            try Self.readLines(path: path) { line, bytes in
                reports[index].rowsRead += 1
                switch Self.event(bytes) {
                case .success(let (contact, event, fields)):
                    if byContact[contact] == nil { order.append(contact) }
                    byContact[contact, default: []]
                        .append(Located(contact: contact, event: event, file: index, line: line, fields: fields))
                case .failure(let problem):
                    reports[index].reject(line: line, reason: problem.text, fields: [Self.shown(bytes)])
                }
            }
        }
        for id in order {
            let built = Self.contact(id: id, events: byContact[id] ?? [])
            for located in built.accepted { reports[located.file].accepted += 1 }
            for located in built.duplicates {
                reports[located.file].accepted += 1
                reports[located.file].duplicates += 1
            }
            for (located, reason) in built.rejected {
                reports[located.file].reject(line: located.line, reason: reason, fields: located.fields)
            }
            guard let contact = built.contact, let first = built.accepted.first else { continue }
            reports[first.file].contacts += 1
            sink(contact)
        }
        return reports
    }

    // MARK: Reading lines

    /// Calls `line` with each non-blank line's number and bytes (a byte order mark, a final `\r` and surrounding
    /// blanks removed), reading the file in chunks.
    static func readLines(path: String, _ line: (Int, ArraySlice<UInt8>) -> Void) throws(ImportError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(code: .unreadable, message: "\(path): cannot be opened (does it exist?).")
        }
        defer { try? handle.close() }
        var carry: [UInt8] = []
        var number = 0
        var first = true
        func emit(_ bytes: ArraySlice<UInt8>) {
            number += 1
            var slice = bytes
            if number == 1, slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
            while let last = slice.last, last == 0x0D || last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            while let head = slice.first, head == 0x20 || head == 0x09 { slice = slice.dropFirst() }
            if !slice.isEmpty { line(number, slice) }
        }
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw ImportError(code: .unreadable, message: "\(path): cannot be read: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            if first {
                first = false
                if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
                    throw ImportError(
                        code: .encoding,
                        message: "\(path) is UTF-16 text; save it as UTF-8.",
                        location: SourceLocation(file: path, line: 1, column: 1)
                    )
                }
            }
            carry.append(contentsOf: chunk)
            var start = carry.startIndex
            while let newline = carry[start...].firstIndex(of: 0x0A) {
                emit(carry[start..<newline])
                start = newline + 1
            }
            carry.removeSubrange(..<start)
        }
        if !carry.isEmpty { emit(carry[...]) }
    }

    /// The line as text for a rejected row, cut at 1,000 characters.
    static func shown(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > 1_000 ? String(text.prefix(1_000)) + "…" : text
    }

    // MARK: Reading one event

    /// The event on one line, with its contact id and its members for a rejection, or why it cannot be used.
    static func event(
        _ bytes: ArraySlice<UInt8>
    ) -> Result<(String, Event, [String]), JSONRecordProblem> {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(JSONRecordProblem("not UTF-8 text"))
        }
        guard bytes.first == UInt8(ascii: "{") else { return .failure(JSONRecordProblem("not a JSON object")) }
        var values: [JSONValue] = []
        do {
            try JSONStreamReader(bytes: Array(bytes), file: "")
                .read(
                    streaming: { _ in false },
                    record: { record in
                        values.append(record.value)
                        return true
                    }
                )
        } catch {
            return .failure(JSONRecordProblem("not valid JSON"))
        }
        guard values.count == 1, let value = values.first else {
            return .failure(JSONRecordProblem("more than one JSON value on the line"))
        }
        do throws(JSONRecordProblem) {
            return .success(try event(value))
        } catch {
            return .failure(error)
        }
    }

    static func event(_ value: JSONValue) throws(JSONRecordProblem) -> (String, Event, [String]) {
        let contact = try value.requiredID("contact")
        guard let typeMember = value["type"], !typeMember.isNull else { throw JSONRecordProblem("type is missing") }
        guard let typeText = typeMember.stringValue else { throw JSONRecordProblem("type is not text") }
        guard let type = EventType(rawValue: typeText) else {
            let names = EventType.allCases.map(\.rawValue)
            let hint = Suggestion.didYouMean(typeText, in: names)
            throw JSONRecordProblem(
                "type `\(typeText)` is not an event type."
                    + (hint.isEmpty ? " Use one of \(names.joined(separator: ", "))." : hint)
            )
        }
        var event = Event(type: type, at: try value.requiredTime("at"))
        event.id = try value.optionalID("id")
        var keys = ["contact", "type", "at"]
        switch type {
        case .created:
            guard let channel = value.optionalText("channel") else { throw JSONRecordProblem("channel is missing") }
            event.channel = channel.lowercased()
            event.tier = value.optionalText("tier")
            event.priority = value.optionalText("priority")
            event.team = value.optionalText("team")
            event.category = value.optionalText("category")
            event.agent = try value.optionalID("agent")
            keys += ["channel", "tier", "priority", "team", "category", "agent"]
        case .agentReply, .privateNote:
            event.agent = try value.optionalID("agent")
            keys.append("agent")
        case .assignment:
            guard let agent = value["agent"] else { throw JSONRecordProblem("agent is missing (null: unassigned)") }
            event.agent = agent.isNull ? nil : try value.requiredID("agent")
            keys.append("agent")
        case .status:
            guard let text = value.optionalText("status") else { throw JSONRecordProblem("status is missing") }
            let status = text.lowercased().replacingOccurrences(of: "-", with: "_")
                .replacingOccurrences(of: " ", with: "_")
            guard statuses.contains(status) else {
                let hint = Suggestion.didYouMean(status, in: statuses)
                throw JSONRecordProblem(
                    "status `\(text)` is not a known status."
                        + (hint.isEmpty ? " Use one of \(statuses.joined(separator: ", "))." : hint)
                )
            }
            event.status = status
            keys.append("status")
        case .csat:
            guard let member = value["score"], !member.isNull else { throw JSONRecordProblem("score is missing") }
            guard let score = member.doubleValue, score >= 0 else {
                throw JSONRecordProblem("score is not a number ≥ 0")
            }
            event.score = score
            keys.append("score")
        case .nps:
            guard let member = value["score"], !member.isNull else { throw JSONRecordProblem("score is missing") }
            guard let score = member.integerValue, (0...10).contains(score) else {
                throw JSONRecordProblem("score is not a whole number in 0…10")
            }
            event.score = Double(score)
            keys.append("score")
        case .customerMessage, .botMessage, .botHandoff, .solved, .reopened:
            break
        }
        return (contact, event, value.summary(keys))
    }

    // MARK: Replaying a contact's events

    /// What one contact's events made: the contact (`nil` when it has no `created` event) and which events were
    /// used, repeated or refused.
    struct Built {
        var contact: Contact?
        var accepted: [Located] = []
        var duplicates: [Located] = []
        var rejected: [(Located, String)] = []
    }

    /// Replays one contact's events, in time order, into a contact. The rules are those of `docs/importers.md`.
    static func contact(id: String, events: [Located]) -> Built {
        var built = Built()
        let sorted = events.sorted { ($0.event.at, $0.file, $0.line) < ($1.event.at, $1.file, $1.line) }
        guard let created = sorted.first(where: { $0.event.type == .created }) else {
            built.rejected = sorted.map { ($0, "the contact has no created event") }
            return built
        }
        var contact = Contact(id: id, channel: created.event.channel ?? "unknown", createdAt: created.event.at)
        contact.tier = created.event.tier
        contact.priority = created.event.priority
        contact.team = created.event.team
        contact.category = created.event.category

        var seen: Set<Event> = []
        var solvedAt: Timestamp?  // set while solved: when it last became solved
        var pauseStart: Timestamp?
        var pauses: [PauseInterval] = []
        var blockStart: Timestamp?
        var waits: [ReplyWait] = []
        var replies = 0
        var reopens = 0
        var assignee: String?
        var assigneeAtSolve: String?
        var lastReplyAgent: String?
        var cycles = [SolveCycle(start: created.event.at)]
        var followUps = 0

        func endPause(_ at: Timestamp) {
            if let start = pauseStart, at > start { pauses.append(PauseInterval(start: start, end: at)) }
            pauseStart = nil
        }
        func solve(_ at: Timestamp) {
            guard solvedAt == nil else { return }
            solvedAt = at
            endPause(at)
            blockStart = nil  // a solve ends an unanswered block without a sample
            assigneeAtSolve = assignee
            cycles[cycles.count - 1].solvedAt = at
        }
        func reopen(_ at: Timestamp) {
            guard solvedAt != nil else { return }
            solvedAt = nil
            reopens += 1
            cycles.append(SolveCycle(start: at))
        }

        for located in sorted {
            let event = located.event
            if event.type == .created && located.line == created.line && located.file == created.file {
                seen.insert(event)
                built.accepted.append(located)
                continue
            }
            if event.at < created.event.at {
                built.rejected.append((located, "before the contact's created event"))
                continue
            }
            if seen.contains(event) {
                built.duplicates.append(located)
                continue
            }
            if event.type == .created {
                built.rejected.append((located, "a second created event for the contact"))
                continue
            }
            seen.insert(event)
            built.accepted.append(located)
            switch event.type {
            case .created, .privateNote, .botMessage:
                break
            case .customerMessage:
                if contact.firstCustomerMessageAt == nil { contact.firstCustomerMessageAt = event.at }
                if contact.firstResponseAt != nil {
                    followUps += 1
                    if blockStart == nil { blockStart = event.at }
                }
            case .agentReply:
                replies += 1
                if let agent = event.agent { lastReplyAgent = agent }
                // A reply written while solved belongs to no cycle's response.
                if solvedAt == nil && cycles[cycles.count - 1].firstReplyAt == nil {
                    cycles[cycles.count - 1].firstReplyAt = event.at
                }
                if contact.firstResponseAt == nil {
                    contact.firstResponseAt = event.at
                } else if let start = blockStart {
                    waits.append(ReplyWait(customerAt: start, replyAt: event.at))
                    blockStart = nil
                }
            case .botHandoff:
                if contact.firstResponseAt == nil { contact.botHandoffAt = event.at }
            case .status:
                switch event.status {
                case "pending", "on_hold":
                    reopen(event.at)
                    if pauseStart == nil { pauseStart = event.at }
                case "solved", "closed":
                    solve(event.at)
                default:
                    reopen(event.at)
                    endPause(event.at)
                }
            case .solved:
                solve(event.at)
            case .reopened:
                reopen(event.at)
            case .assignment:
                assignee = event.agent
                if event.agent != nil && contact.firstAssignmentAt == nil { contact.firstAssignmentAt = event.at }
            case .csat:
                contact.csat = event.score
            case .nps:
                contact.nps = event.score.map { Int($0) }
            }
        }
        if let start = pauseStart { pauses.append(PauseInterval(start: start, end: nil)) }
        if let start = blockStart, solvedAt == nil { waits.append(ReplyWait(customerAt: start, replyAt: nil)) }
        contact.resolvedAt = solvedAt
        contact.reopens = reopens
        contact.agentReplies = replies
        contact.agent = (solvedAt != nil ? assigneeAtSolve : assignee) ?? lastReplyAgent ?? created.event.agent
        contact.pauses = pauses
        contact.nextReplyWaits = waits
        contact.solveCycles = cycles
        contact.customerFollowUps = followUps
        built.contact = contact
        return built
    }
}

extension EventStreamImporter.Event {
    init(type: EventStreamImporter.EventType, at: Timestamp) {
        self.type = type
        self.at = at
    }
}
