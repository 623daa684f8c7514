/// One customer contact (a ticket, a chat or a call) in Northstar's canonical shape: what every importer
/// produces and every metric reads. Field meanings: `docs/metrics.md` ("The canonical contacts CSV").
public struct Contact: Sendable, Hashable {
    /// Unique id within its source.
    public var id: String
    /// `email`, `chat`, `phone`, `social`, `web`, `messaging` or another word.
    public var channel: String
    /// When the customer reached out, or the call entered the queue.
    public var createdAt: Timestamp
    /// Customer tier.
    public var tier: String?
    /// Priority.
    public var priority: String?
    /// Team that handled it.
    public var team: String?
    /// Agent who handled it (the assignee at solve).
    public var agent: String?
    /// Category.
    public var category: String?
    /// First public human reply; for calls and chats, the moment it was answered.
    public var firstResponseAt: Timestamp?
    /// Last solve; `nil` while open.
    public var resolvedAt: Timestamp?
    /// End of a live conversation (calls, chats).
    public var endedAt: Timestamp?
    /// After-contact work, in seconds.
    public var wrapSeconds: Int?
    /// Whether the customer left before an answer.
    public var abandoned: Bool?
    /// Times reopened.
    public var reopens: Int?
    /// Public agent replies.
    public var agentReplies: Int?
    /// Satisfaction answer on the charter's CSAT scale (default 1–5).
    public var csat: Double?
    /// Net promoter answer, 0–10.
    public var nps: Int?
    /// Whether it was resolved without a human.
    public var selfService: Bool?
    /// The customer's own answer to "was your issue resolved on the first contact?", when a survey asked it.
    public var fcrAnswer: Bool?
    /// The source system's own SLA verdict, for reconciliation (ServiceNow's `made_sla`): `true` when it says
    /// the SLA was met. Northstar computes its own verdicts; this is what the tool showed.
    public var vendorSLAMet: Bool?
    /// The last bot handoff at or before the first response (while unanswered: the last bot handoff so far);
    /// first response is timed from the later of this and ``createdAt``. Only an event stream records it.
    public var botHandoffAt: Timestamp? {
        get { timeline?.value.botHandoffAt }
        set { updateTimeline { $0.botHandoffAt = newValue } }
    }
    /// The stretches spent waiting on the customer or a third party (status pending or on hold), oldest first,
    /// not overlapping; resolution leaves them out. Empty when not recorded (one-row-per-contact exports).
    public var pauses: [PauseInterval] {
        get { timeline?.value.pauses ?? [] }
        set { updateTimeline { $0.pauses = newValue } }
    }
    /// One wait per block of customer messages after the first response, oldest first: the next-reply
    /// samples. `nil` when the source cannot tell (one-row-per-contact exports); empty when there was none.
    public var nextReplyWaits: [ReplyWait]? {
        get { timeline?.value.nextReplyWaits }
        set { updateTimeline { $0.nextReplyWaits = newValue } }
    }

    /// The first message from the customer; a first-response start (`firstResponseStart: first-customer-message`).
    /// Only an event stream records it.
    public var firstCustomerMessageAt: Timestamp? {
        get { timeline?.value.firstCustomerMessageAt }
        set { updateTimeline { $0.firstCustomerMessageAt = newValue } }
    }
    /// The first assignment to an agent; a first-response start (`firstResponseStart: assignment`). Only an event
    /// stream records it.
    public var firstAssignmentAt: Timestamp? {
        get { timeline?.value.firstAssignmentAt }
        set { updateTimeline { $0.firstAssignmentAt = newValue } }
    }
    /// The contact's solve cycles, oldest first: the first from creation, each later one from a reopen. `nil` when
    /// the source cannot tell (one-row-per-contact exports).
    public var solveCycles: [SolveCycle]? {
        get { timeline?.value.solveCycles }
        set { updateTimeline { $0.solveCycles = newValue } }
    }
    /// Customer messages after the first public agent reply (follow-ups: the issue was not settled by that reply).
    /// `nil` when the source cannot tell (one-row-per-contact exports).
    public var customerFollowUps: Int? {
        get { timeline?.value.customerFollowUps }
        set { updateTimeline { $0.customerFollowUps = newValue } }
    }

    /// What only an event stream records, boxed so that a contact from any other export carries one empty
    /// reference (a million contacts are held at once).
    private var timeline: TimelineBox?

    private mutating func updateTimeline(_ change: (inout Timeline) -> Void) {
        var value = timeline?.value ?? Timeline()
        change(&value)
        timeline = value == Timeline() ? nil : TimelineBox(value)
    }

    /// Creates a contact with its three required fields.
    public init(id: String, channel: String, createdAt: Timestamp) {
        self.id = id
        self.channel = channel
        self.createdAt = createdAt
    }

    /// The contact's value for a population dimension.
    public func value(of dimension: Dimension) -> String? {
        switch dimension {
        case .channel: channel
        case .tier: tier
        case .priority: priority
        case .team: team
        case .agent: agent
        case .category: category
        }
    }
}

/// A stretch during which a contact waited on someone other than the team (status pending or on hold).
public struct PauseInterval: Sendable, Hashable {
    /// When the pause began.
    public var start: Timestamp
    /// When it ended (the next status change, solve or reopen); `nil` while the contact is still paused.
    public var end: Timestamp?

    /// Creates a pause.
    public init(start: Timestamp, end: Timestamp?) {
        self.start = start
        self.end = end
    }
}

/// One block of customer messages after the first response and the reply that answered it: a next-reply sample.
public struct ReplyWait: Sendable, Hashable {
    /// The oldest customer message of the block still unanswered.
    public var customerAt: Timestamp
    /// The next public agent reply; `nil` while the block is unanswered.
    public var replyAt: Timestamp?

    /// Creates a wait.
    public init(customerAt: Timestamp, replyAt: Timestamp?) {
        self.customerAt = customerAt
        self.replyAt = replyAt
    }
}

/// One solve cycle of a contact: from creation (the first cycle) or a reopen (each later one) to the solve that
/// ended it.
public struct SolveCycle: Sendable, Hashable {
    /// Creation for the first cycle, the reopen for a later one.
    public var start: Timestamp
    /// The first public agent reply in the cycle, before its solve; `nil` when there was none.
    public var firstReplyAt: Timestamp?
    /// The solve that ended the cycle; `nil` while it runs.
    public var solvedAt: Timestamp?

    /// Creates a cycle.
    public init(start: Timestamp, firstReplyAt: Timestamp? = nil, solvedAt: Timestamp? = nil) {
        self.start = start
        self.firstReplyAt = firstReplyAt
        self.solvedAt = solvedAt
    }
}

/// The event-stream fields of a contact.
struct Timeline: Sendable, Hashable {
    var botHandoffAt: Timestamp?
    var pauses: [PauseInterval] = []
    var nextReplyWaits: [ReplyWait]?
    var firstCustomerMessageAt: Timestamp?
    var firstAssignmentAt: Timestamp?
    var solveCycles: [SolveCycle]?
    var customerFollowUps: Int?
}

/// An immutable ``Timeline`` held by reference; compared by value.
final class TimelineBox: Sendable, Hashable {
    let value: Timeline

    init(_ value: Timeline) { self.value = value }

    static func == (lhs: TimelineBox, rhs: TimelineBox) -> Bool { lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }
}
