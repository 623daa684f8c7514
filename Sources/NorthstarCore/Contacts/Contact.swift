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
    /// The source system's own SLA verdict, for reconciliation (ServiceNow's `made_sla`): `true` when it says
    /// the SLA was met. Northstar computes its own verdicts; this is what the tool showed.
    public var vendorSLAMet: Bool?

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
