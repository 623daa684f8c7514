import Foundation

/// Intercom conversations as the REST API returns them: list or search pages (`{"type": "conversation.list",
/// "conversations": […]}`), a bare list of conversations, single conversations, or any of these one per line
/// (JSON Lines), as saved by a script that pages through the API.
///
/// Each conversation becomes one contact:
/// - `id` → id; `source.type` → channel (``channel(forSourceType:)``);
/// - the clock starts at `statistics.first_contact_reply_at`, the customer's first message, when there is one
///   (else `created_at`): Intercom measures its own response and close times from there, and for a conversation
///   the team started (an outbound message) `created_at` is the team's message, not the customer's request;
/// - `statistics.first_admin_reply_at` → first response: Intercom's "first visible human admin conversation part
///   after `first_contact_reply_at`", so bots and notes are already left out;
/// - `statistics.last_close_at` → resolution, only when `state` is `closed` (open and snoozed conversations are
///   unresolved, even if they were closed before); `statistics.count_reopens` → reopens;
/// - `conversation_rating.rating` (1–5) → CSAT; `admin_assignee_id` → agent; `team_assignee_id` → team
///   (`0` or null: unassigned); `priority` → priority; `sla_applied.sla_status` → ``Contact/vendorSLAMet``
///   (`hit` true, `missed` false, otherwise unknown).
///
/// A conversation the team started that the customer never answered is not a customer contact and is rejected
/// with that reason. The same id seen again (overlapping pages) replaces the earlier copy. The file is read
/// whole; its records are decoded one at a time.
public struct IntercomImporter: ContactImporter {
    /// `intercom`.
    public let formatName = "intercom"

    /// Creates the importer. Intercom writes Unix times, so no zone is needed.
    public init() {}

    /// The canonical channel of an Intercom `source.type`: `conversation` (the Messenger) and `push` → `chat`,
    /// `email` → `email`, `phone_call` and `phone_switch` → `phone`, `sms` and `whatsapp` → `messaging`,
    /// `facebook`, `instagram` and `twitter` → `social`; anything else in lower case, as written.
    public static func channel(forSourceType type: String) -> String {
        switch type.lowercased() {
        case "conversation", "push": "chat"
        case "email": "email"
        case "phone_call", "phone_switch": "phone"
        case "sms", "whatsapp": "messaging"
        case "facebook", "instagram", "twitter": "social"
        default: type.lowercased()
        }
    }

    /// Whether the file looks like Intercom conversations: JSON whose first 256 kB name a
    /// `"type": "conversation"` or `"type": "conversation.list"` object.
    public static func matches(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard var sample = try? handle.read(upToCount: 256 * 1_024).map(Array.init) else { return false }
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { sample.removeFirst(3) }
        sample.removeAll { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard let first = sample.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        let marker = Array(#""type":"conversation"#.utf8)
        var index = sample.startIndex
        while let found = sample[index...].firstRange(of: marker) {
            let next = found.upperBound < sample.count ? sample[found.upperBound] : 0
            if next == UInt8(ascii: "\"") || next == UInt8(ascii: ".") { return true }
            index = found.upperBound
        }
        return false
    }

    public func importContacts(from path: String, into sink: (Contact) -> Void) throws(ImportError) -> ImportReport {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(code: .unreadable, message: "\(path): cannot be opened (does it exist?).")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw ImportError(code: .unreadable, message: "\(path): cannot be read: \(error.localizedDescription)")
        }
        return try importContacts(bytes: Array(data), file: path, into: sink)
    }

    /// Reads JSON held in memory; `file` names it in the report.
    public func importContacts(
        bytes: [UInt8],
        file: String,
        into sink: (Contact) -> Void
    ) throws(ImportError) -> ImportReport {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportError(
                code: .encoding,
                message: "\(file) is UTF-16 text; save it as UTF-8.",
                location: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        var report = ImportReport(file: file, format: formatName)
        let scanner = JSONSpanScanner(bytes: bytes)
        var records: [JSONSpanScanner.Span] = []
        var values: [JSONSpanScanner.Span] = []
        do throws(JSONSpanScanner.Problem) {
            values = try scanner.topLevelValues()
            for value in values { try collect(value, scanner: scanner, depth: 0, into: &records) }
        } catch {
            throw ImportError(
                code: .malformed,
                message:
                    "this is not readable JSON: \(error.message). Export the conversations as the API returns them.",
                location: SourceLocation(file: file, line: error.line, column: 1)
            )
        }
        guard !values.isEmpty else {
            throw ImportError(
                code: .malformed,
                message: "\(file) holds no JSON; expected Intercom conversations.",
                location: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        var contacts = LatestContacts()
        var teamStarted = 0
        var noChannel = 0
        let decoder = JSONDecoder()
        for record in records {
            report.rowsRead += 1
            let slice = Array(bytes[record.range])
            guard String(validating: slice, as: UTF8.self) != nil else {
                report.reject(
                    line: record.line,
                    reason: "not UTF-8 text",
                    fields: [String(decoding: slice, as: UTF8.self)]
                )
                continue
            }
            let value: DecodedJSONValue
            do {
                value = try decoder.decode(DecodedJSONValue.self, from: Data(slice))
            } catch {
                report.reject(
                    line: record.line,
                    reason: "not valid JSON",
                    fields: [String(decoding: slice, as: UTF8.self)]
                )
                continue
            }
            switch Self.conversation(value) {
            case .success(let conversation):
                if conversation.teamStarted { teamStarted += 1 }
                if conversation.contact.channel == "unknown" { noChannel += 1 }
                contacts.accept(conversation.contact, line: record.line, in: &report)
            case .failure(let problem):
                report.reject(line: record.line, reason: problem.text, fields: [String(decoding: slice, as: UTF8.self)])
            }
        }
        if teamStarted > 0 {
            report.notes.append(
                "\(teamStarted) conversation\(teamStarted == 1 ? " was" : "s were") started by the team; "
                    + "their clock starts at the customer's first reply (first_contact_reply_at)."
            )
        }
        if noChannel > 0 {
            report.notes.append(
                "\(noChannel) conversation\(noChannel == 1 ? " has" : "s have") no source.type; their channel is `unknown`."
            )
        }
        contacts.deliver(to: sink, report: &report)
        return report
    }

    /// Adds the conversations in `span`: a page's `conversations`, a list's elements, or the conversation itself.
    private func collect(
        _ span: JSONSpanScanner.Span,
        scanner: JSONSpanScanner,
        depth: Int,
        into records: inout [JSONSpanScanner.Span]
    ) throws(JSONSpanScanner.Problem) {
        switch scanner.opening(of: span) {
        case UInt8(ascii: "["):
            for element in try scanner.elements(of: span) {
                if depth < 2 { try collect(element, scanner: scanner, depth: depth + 1, into: &records) }
            }
        case UInt8(ascii: "{"):
            if depth < 2, let list = try scanner.members(of: span).first(where: { $0.key == "conversations" })?.value,
                scanner.opening(of: list) == UInt8(ascii: "[")
            {
                records.append(contentsOf: try scanner.elements(of: list))
            } else {
                records.append(span)
            }
        default:
            records.append(span)  // not an object: rejected when decoded
        }
    }

    struct Conversation {
        var contact: Contact
        var teamStarted: Bool
    }

    struct RowProblem: Error {
        let text: String
    }

    static func conversation(_ value: DecodedJSONValue) -> Result<Conversation, RowProblem> {
        guard case .object = value else { return .failure(RowProblem(text: "not a conversation object")) }
        func text(_ value: DecodedJSONValue?) -> String? {
            switch value {
            case .string(let text): text.isEmpty ? nil : text
            case .integer(let number): String(number)
            default: nil
            }
        }
        func time(_ value: DecodedJSONValue?, _ name: String) -> Result<Timestamp?, RowProblem> {
            switch value {
            case nil, .null: return .success(nil)
            case .integer(let seconds) where seconds >= 0: return .success(Timestamp(seconds: seconds))
            case .number(let seconds) where seconds >= 0 && seconds < 1e12:
                return .success(Timestamp(seconds: Int64(seconds.rounded(.down))))
            default: return .failure(RowProblem(text: "\(name) is not a Unix time in seconds"))
            }
        }
        func assignee(_ value: DecodedJSONValue?) -> String? {
            guard let id = text(value), id != "0" else { return nil }
            return id
        }
        guard let id = text(value["id"]) else { return .failure(RowProblem(text: "id is missing")) }
        let statistics = value["statistics"]
        let created: Timestamp
        let firstContactReply: Timestamp?
        let firstAdminReply: Timestamp?
        let lastClose: Timestamp?
        do {
            guard let createdAt = try time(value["created_at"], "created_at").get() else {
                return .failure(RowProblem(text: "created_at is missing"))
            }
            created = createdAt
            firstContactReply = try time(statistics?["first_contact_reply_at"], "first_contact_reply_at").get()
            firstAdminReply = try time(statistics?["first_admin_reply_at"], "first_admin_reply_at").get()
            lastClose = try time(statistics?["last_close_at"], "last_close_at").get()
        } catch let problem {
            return .failure(problem)
        }
        let deliveredAs = text(value["source"]?["delivered_as"]) ?? "customer_initiated"
        let teamStarted = deliveredAs != "customer_initiated"
        if teamStarted && firstContactReply == nil {
            return .failure(RowProblem(text: "started by the team and never answered by the customer"))
        }
        let start = firstContactReply.map { max($0, created) } ?? created
        let channel = text(value["source"]?["type"]).map(channel(forSourceType:)) ?? "unknown"
        var contact = Contact(id: id, channel: channel, createdAt: start)
        contact.agent = assignee(value["admin_assignee_id"])
        contact.team = assignee(value["team_assignee_id"])
        contact.priority = text(value["priority"])
        contact.firstResponseAt = firstAdminReply
        let state = text(value["state"])?.lowercased()
        let closed = state.map { $0 == "closed" } ?? (value["open"] == .bool(false))
        if closed { contact.resolvedAt = lastClose }
        switch statistics?["count_reopens"] {
        case nil, .null?: break
        case .integer(let count)? where (0...10_000).contains(count): contact.reopens = Int(count)
        default: return .failure(RowProblem(text: "statistics.count_reopens is not a whole number in 0…10000"))
        }
        switch value["conversation_rating"]?["rating"] {
        case nil, .null?: break
        case .integer(let rating)? where (1...5).contains(rating): contact.csat = Double(rating)
        default: return .failure(RowProblem(text: "conversation_rating.rating is not a whole number in 1…5"))
        }
        switch text(value["sla_applied"]?["sla_status"])?.lowercased() {
        case "hit": contact.vendorSLAMet = true
        case "missed": contact.vendorSLAMet = false
        default: break
        }
        if let first = contact.firstResponseAt, first < start {
            return .failure(RowProblem(text: "first response before creation"))
        }
        if let resolved = contact.resolvedAt, resolved < start {
            return .failure(RowProblem(text: "resolution before creation"))
        }
        return .success(Conversation(contact: contact, teamStarted: teamStarted))
    }
}
