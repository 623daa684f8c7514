import Foundation
import NorthstarCore
import SQLKit

/// How a ``Contact`` maps onto a row of `contacts`: one column per field, and the event-stream fields (pauses,
/// reply waits, solve cycles, …) as one JSON column, `NULL` for contacts from one-row-per-contact exports.
enum ContactColumns {
    /// The columns written, in order.
    static let names = [
        "source", "id", "channel", "created_at", "tier", "priority", "team", "agent", "category",
        "first_response_at", "resolved_at", "ended_at", "wrap_seconds", "abandoned", "reopens", "agent_replies",
        "csat", "nps", "self_service", "fcr_answer", "vendor_sla_met", "timeline",
    ]

    /// The columns updated when a contact is stored again: all but the key.
    static let updated = Array(names.dropFirst(2))

    static func bind<Value: Encodable & Sendable>(_ value: Value?) -> any SQLExpression {
        value.map { SQLBind($0) } ?? SQLLiteral.null
    }

    /// The row's values, in ``names`` order.
    static func values(_ sourced: SourcedContact) throws -> [any SQLExpression] {
        let contact = sourced.contact
        return [
            SQLBind(sourced.source), SQLBind(contact.id), SQLBind(contact.channel), SQLBind(contact.createdAt.seconds),
            bind(contact.tier), bind(contact.priority), bind(contact.team), bind(contact.agent),
            bind(contact.category), bind(contact.firstResponseAt?.seconds), bind(contact.resolvedAt?.seconds),
            bind(contact.endedAt?.seconds), bind(contact.wrapSeconds.map(Int64.init)), bind(contact.abandoned),
            bind(contact.reopens.map(Int64.init)), bind(contact.agentReplies.map(Int64.init)), bind(contact.csat),
            bind(contact.nps.map(Int64.init)), bind(contact.selfService), bind(contact.fcrAnswer),
            bind(contact.vendorSLAMet), bind(try StoredTimeline(contact)?.json()),
        ]
    }

    /// Reads a row selected with `seq` and ``names``.
    static func contact(from row: any SQLRow) throws -> (seq: Int64, sourced: SourcedContact) {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func integer(_ column: String) throws -> Int64? { try row.decode(column: column, as: Int64?.self) }
        func time(_ column: String) throws -> Timestamp? { try integer(column).map(Timestamp.init(seconds:)) }
        func flag(_ column: String) throws -> Bool? { try row.decode(column: column, as: Bool?.self) }
        var contact = Contact(
            id: try row.decode(column: "id", as: String.self),
            channel: try row.decode(column: "channel", as: String.self),
            createdAt: Timestamp(seconds: try row.decode(column: "created_at", as: Int64.self))
        )
        contact.tier = try text("tier")
        contact.priority = try text("priority")
        contact.team = try text("team")
        contact.agent = try text("agent")
        contact.category = try text("category")
        contact.firstResponseAt = try time("first_response_at")
        contact.resolvedAt = try time("resolved_at")
        contact.endedAt = try time("ended_at")
        contact.wrapSeconds = try integer("wrap_seconds").map { Int($0) }
        contact.abandoned = try flag("abandoned")
        contact.reopens = try integer("reopens").map { Int($0) }
        contact.agentReplies = try integer("agent_replies").map { Int($0) }
        contact.csat = try row.decode(column: "csat", as: Double?.self)
        contact.nps = try integer("nps").map { Int($0) }
        contact.selfService = try flag("self_service")
        contact.fcrAnswer = try flag("fcr_answer")
        contact.vendorSLAMet = try flag("vendor_sla_met")
        if let json = try text("timeline") {
            try StoredTimeline(json: json).apply(to: &contact)
        }
        let seq = try row.decode(column: "seq", as: Int64.self)
        return (seq, SourcedContact(source: try row.decode(column: "source", as: String.self), contact: contact))
    }
}

/// The event-stream fields of a contact as JSON, times as seconds since the epoch.
struct StoredTimeline: Codable, Equatable {
    struct Pause: Codable, Equatable {
        var start: Int64
        var end: Int64?
    }
    struct Wait: Codable, Equatable {
        var customer: Int64
        var reply: Int64?
    }
    struct Cycle: Codable, Equatable {
        var start: Int64
        var firstReply: Int64?
        var solved: Int64?
    }

    var botHandoff: Int64?
    var pauses: [Pause]?
    var nextReplyWaits: [Wait]?
    var firstCustomerMessage: Int64?
    var firstAssignment: Int64?
    var solveCycles: [Cycle]?
    var customerFollowUps: Int?

    /// The contact's timeline, or `nil` when it records none.
    init?(_ contact: Contact) {
        botHandoff = contact.botHandoffAt?.seconds
        pauses =
            contact.pauses.isEmpty ? nil : contact.pauses.map { Pause(start: $0.start.seconds, end: $0.end?.seconds) }
        nextReplyWaits = contact.nextReplyWaits?.map {
            Wait(customer: $0.customerAt.seconds, reply: $0.replyAt?.seconds)
        }
        firstCustomerMessage = contact.firstCustomerMessageAt?.seconds
        firstAssignment = contact.firstAssignmentAt?.seconds
        solveCycles = contact.solveCycles?.map {
            Cycle(start: $0.start.seconds, firstReply: $0.firstReplyAt?.seconds, solved: $0.solvedAt?.seconds)
        }
        customerFollowUps = contact.customerFollowUps
        if botHandoff == nil && pauses == nil && nextReplyWaits == nil && firstCustomerMessage == nil
            && firstAssignment == nil && solveCycles == nil && customerFollowUps == nil
        {
            return nil
        }
    }

    init(json: String) throws {
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(json.utf8))
        } catch {
            throw StoreError(
                code: .incompatible,
                message: "A stored contact's timeline is not readable JSON (\(error)); import the contact again.",
                cause: error
            )
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func apply(to contact: inout Contact) {
        contact.botHandoffAt = botHandoff.map(Timestamp.init(seconds:))
        contact.pauses = (pauses ?? []).map {
            PauseInterval(start: Timestamp(seconds: $0.start), end: $0.end.map(Timestamp.init(seconds:)))
        }
        contact.nextReplyWaits = nextReplyWaits?.map {
            ReplyWait(customerAt: Timestamp(seconds: $0.customer), replyAt: $0.reply.map(Timestamp.init(seconds:)))
        }
        contact.firstCustomerMessageAt = firstCustomerMessage.map(Timestamp.init(seconds:))
        contact.firstAssignmentAt = firstAssignment.map(Timestamp.init(seconds:))
        contact.solveCycles = solveCycles?.map {
            SolveCycle(
                start: Timestamp(seconds: $0.start),
                firstReplyAt: $0.firstReply.map(Timestamp.init(seconds:)),
                solvedAt: $0.solved.map(Timestamp.init(seconds:))
            )
        }
        contact.customerFollowUps = customerFollowUps
    }
}
