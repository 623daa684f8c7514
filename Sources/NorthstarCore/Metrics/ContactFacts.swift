/// The fields of a contact that the metric definitions read. Both a ``Contact`` and the compact ``ContactRow``
/// of a streaming check provide them, so one written definition serves both.
protocol ContactFacts {
    var createdAt: Timestamp { get }
    var firstResponseAt: Timestamp? { get }
    var resolvedAt: Timestamp? { get }
    var endedAt: Timestamp? { get }
    var wrapSeconds: Int? { get }
    var abandoned: Bool? { get }
    var reopens: Int? { get }
    var agentReplies: Int? { get }
    var csat: Double? { get }
    var nps: Int? { get }
    var selfService: Bool? { get }
    var botHandoffAt: Timestamp? { get }
    var pauses: [PauseInterval] { get }
    var nextReplyWaits: [ReplyWait]? { get }
    var fcrAnswer: Bool? { get }
    var firstCustomerMessageAt: Timestamp? { get }
    var firstAssignmentAt: Timestamp? { get }
    var solveCycles: [SolveCycle]? { get }
    var customerFollowUps: Int? { get }

    /// The first SLA policy whose population holds the contact.
    func slaPolicy(in policies: [SLAPolicy]) -> SLAPolicy?
}

extension Contact {
    func slaPolicy(in policies: [SLAPolicy]) -> SLAPolicy? {
        policies.first { $0.population.contains { value(of: $0) } }
    }
}

extension Contact: ContactFacts {}

extension ContactFacts {
    /// The latest moment the contact records: the as-of time of a check defaults to the latest over all contacts.
    var latestMoment: Timestamp {
        var latest = createdAt
        if let first = firstResponseAt, first > latest { latest = first }
        if let resolved = resolvedAt, resolved > latest { latest = resolved }
        if let ended = endedAt, ended > latest { latest = ended }
        // An event stream knows later moments: customer messages and replies after the first response, pauses.
        if let waits = nextReplyWaits {
            for wait in waits { latest = max(latest, wait.customerAt, wait.replyAt ?? latest) }
        }
        for pause in pauses { latest = max(latest, pause.start, pause.end ?? latest) }
        // Reopens and replies in later solve cycles.
        for cycle in solveCycles ?? [] {
            latest = max(latest, cycle.start, cycle.firstReplyAt ?? latest, cycle.solvedAt ?? latest)
        }
        return latest
    }
}
