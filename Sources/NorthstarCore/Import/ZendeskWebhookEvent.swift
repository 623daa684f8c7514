import Foundation

/// One Zendesk webhook delivery, read as the change it makes to one ticket's contact (docs/server.md, "Zendesk
/// webhook", gives the mapping and a trigger body).
///
/// Two payloads are understood: an event subscription (`{"type": "zen:event-type:ticket.status_changed",
/// "time": …, "detail": {ticket fields}, "event": {…}}`) for the ticket events in ``handledEvents``, and the
/// body of a trigger's webhook action, which the admin writes with placeholders (`{"ticket": {"id": …, …}}`).
/// Channel and priority use the words of ``ZendeskImporter``, so a ticket imported from an export and then
/// updated live keeps one vocabulary. Applying the same delivery twice gives the same contact (Zendesk retries).
public struct ZendeskWebhookEvent: Sendable {
    /// The event-subscription types applied; any other type (user, organization, other ticket events) is
    /// acknowledged and ignored.
    public static let handledEvents: Set<String> = [
        "ticket.created", "ticket.status_changed", "ticket.priority_changed", "ticket.agent_assignment_changed",
        "ticket.group_assignment_changed", "ticket.comment_added", "ticket.ticket_type_changed",
    ]

    /// Statuses that mean solved: the first sets `resolved_at`.
    static let solvedStatuses: Set<String> = ["solved", "closed"]
    /// Statuses of a ticket being worked: reaching one from solved is a reopen.
    static let openStatuses: Set<String> = ["new", "open", "pending", "hold", "on-hold", "on_hold"]

    /// The ticket's id, as the contact id.
    public var ticketID: String
    /// `ticket.status_changed` and the like for an event subscription; `trigger` for a trigger's body.
    public var type: String
    /// When it happened: the event's `time`, a trigger's `updated_at`, or when it was received.
    public var time: Timestamp
    private var ticket: JSONValue
    private var status: String?
    private var publicAgentReply: Bool

    /// Reads a delivery; `nil` when it is one Northstar does not use (it should be acknowledged and ignored): an
    /// event type outside ``handledEvents``, or an object with neither `type` nor `ticket`. Throws ``ImportError``
    /// for a body that is not a JSON object, or a ticket event or trigger body that names no ticket.
    public static func read(_ bytes: [UInt8], receivedAt: Timestamp) throws(ImportError) -> ZendeskWebhookEvent? {
        var top: JSONValue?
        try JSONStreamReader(bytes: bytes, file: "the webhook body").read(
            streaming: { _ in false },
            record: { record in
                top = record.value
                return false
            }
        )
        guard let top, case .object = top else {
            throw ImportError(code: .malformed, message: "the webhook body is not a JSON object.")
        }
        if let type = top["type"]?.stringValue {
            let prefix = "zen:event-type:"
            guard type.hasPrefix(prefix), handledEvents.contains(String(type.dropFirst(prefix.count))) else {
                return nil
            }
            let detail = top["detail"] ?? .object([:])
            let subject = top["subject"]?.stringValue.flatMap { $0.hasPrefix("zen:ticket:") ? $0 : nil }
            guard let id = detail["id"]?.idText ?? subject.map({ String($0.dropFirst("zen:ticket:".count)) }) else {
                throw ImportError(code: .missingColumn, message: "the event names no ticket (detail.id, subject).")
            }
            var status = detail["status"]?.stringValue
            let event = top["event"]
            if type.hasSuffix(".status_changed") {
                status = event?["current"]?.stringValue ?? event?["current"]?["status"]?.stringValue ?? status
            }
            var reply = false
            if type.hasSuffix(".comment_added"), let comment = event?["comment"] {
                reply = Self.isTrue(comment["is_public"]) && Self.isTrue(comment["author"]?["is_staff"])
            }
            return ZendeskWebhookEvent(
                ticketID: id,
                type: String(type.dropFirst(prefix.count)),
                time: top["time"]?.stringValue.flatMap { Timestamp(rfc3339: $0) } ?? receivedAt,
                ticket: detail,
                status: status?.lowercased(),
                publicAgentReply: reply
            )
        }
        if let ticket = top["ticket"], case .object = ticket {
            guard let id = Self.text(ticket["id"]) else {
                throw ImportError(code: .missingColumn, message: "the trigger body's ticket has no id.")
            }
            return ZendeskWebhookEvent(
                ticketID: id,
                type: "trigger",
                time: Self.text(ticket["updated_at"]).flatMap { Timestamp(rfc3339: $0) } ?? receivedAt,
                ticket: ticket,
                status: Self.text(ticket["status"])?.lowercased(),
                publicAgentReply: Self.isTrue(ticket["public_agent_reply"])
            )
        }
        // Neither an event nor a trigger body: another webhook pointed here. Acknowledged, so Zendesk does not retry.
        return nil
    }

    /// The contact after this delivery, given the stored one (`nil` for a ticket not stored yet): stored fields
    /// the delivery does not mention are kept, `created_at` above all.
    public func apply(to stored: Contact?) throws(ImportError) -> Contact {
        let createdAt = stored?.createdAt ?? Self.text(ticket["created_at"]).flatMap { Timestamp(rfc3339: $0) }
        guard let createdAt else {
            throw ImportError(
                code: .missingColumn,
                message: "ticket \(ticketID) is not stored yet and the delivery has no RFC 3339 created_at."
            )
        }
        var contact = stored ?? Contact(id: ticketID, channel: "unknown", createdAt: createdAt)
        if let channel = viaChannel { contact.channel = channel }
        if let priority = field("priority") { contact.priority = priority?.lowercased() }
        if let group = field("group_id") { contact.team = group }
        if let assignee = field("assignee_id") { contact.agent = assignee }
        if let type = field("type") { contact.category = type?.lowercased() }
        let at = max(time, createdAt)
        if let status {
            if Self.solvedStatuses.contains(status) {
                if contact.resolvedAt == nil {
                    let solvedAt = Self.text(ticket["solved_at"]).flatMap { Timestamp(rfc3339: $0) }
                    contact.resolvedAt = max(solvedAt ?? at, createdAt)
                }
            } else if Self.openStatuses.contains(status), contact.resolvedAt != nil {
                contact.reopens = (contact.reopens ?? 0) + 1
                contact.resolvedAt = nil
            }
        }
        if publicAgentReply, contact.firstResponseAt == nil { contact.firstResponseAt = at }
        return contact
    }

    /// `via.channel` (event subscriptions, API tickets) or `via` as a trigger's `{{ticket.via}}` writes it.
    private var viaChannel: String? {
        let via = ticket["via"]?["channel"] ?? ticket["via"]
        switch via {
        case .string(let word)? where !word.isEmpty: return ZendeskVia.channel(word: word) ?? "unknown"
        case .number(let digits)?: return Int64(digits).flatMap(ZendeskVia.channel(id:)) ?? "unknown"
        default: return nil
        }
    }

    /// A ticket field the delivery mentions: `.some(nil)` when it is null, empty or `0` (unassigned), `nil` when
    /// the delivery does not carry it.
    private func field(_ key: String) -> String?? {
        guard let value = ticket[key] else { return nil }
        guard let text = Self.text(value), text != "0", text != "-" else { return .some(nil) }
        return .some(text)
    }

    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        case .number(let digits)?: return digits
        default: return nil
        }
    }

    private static func isTrue(_ value: JSONValue?) -> Bool {
        switch value {
        case .bool(let flag)?: flag
        case .string(let text)?: text.lowercased() == "true"
        default: false
        }
    }
}
