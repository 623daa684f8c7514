import Foundation

/// The support metrics a promise can be bound to. Definitions: `docs/charter.md`, "Metrics".
public enum Metric: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Time from creation (or bot handoff) to the first public human reply.
    case firstResponse = "first-response"
    /// Time from the oldest unanswered customer message to the next public agent reply.
    case nextReply = "next-reply"
    /// Time from creation to the last solve, minus paused time.
    case resolution
    /// Share of solved contacts resolved with at most one agent reply and not reopened.
    case fcr
    /// Share of solved contacts reopened within the window.
    case reopenRate = "reopen-rate"
    /// Share of satisfaction answers that are positive.
    case csat
    /// Net promoter score: %(9–10) − %(0–6), from −100 to +100.
    case nps
    /// Share of contacts resolved without a human.
    case selfService = "self-service"
    /// Time from queue entry to answer, for live channels.
    case speedOfAnswer = "speed-of-answer"
    /// Share of live contacts that left the queue before an answer.
    case abandonment
    /// Talk or chat time plus hold plus after-contact work.
    case handleTime = "handle-time"
    /// Share of SLA targets achieved (of those achieved or breached), under the promise's first matching policy.
    case sla

    /// What a metric's values are, which decides which targets make sense.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Durations per sample: targets `within`+`share` or a statistic.
        case duration
        /// A proportion of contacts: targets `atLeast` or `atMost` as a share.
        case rate
        /// A score in points (NPS): targets `atLeast` or `atMost` in points.
        case score
    }

    /// What this metric's values are.
    public var kind: Kind {
        switch self {
        case .firstResponse, .nextReply, .resolution, .speedOfAnswer, .handleTime: .duration
        case .fcr, .reopenRate, .csat, .selfService, .abandonment, .sla: .rate
        case .nps: .score
        }
    }

    /// Whether a larger value is better (FCR, CSAT) or worse (reopen rate, abandonment, every duration).
    public var higherIsBetter: Bool {
        switch self {
        case .fcr, .csat, .nps, .selfService, .sla: true
        case .firstResponse, .nextReply, .resolution, .speedOfAnswer, .handleTime, .reopenRate, .abandonment: false
        }
    }

    /// The metric's name for people: `CSAT`, `NPS`, `FCR`, `first response`.
    public var displayName: String {
        switch self {
        case .csat, .nps, .fcr, .sla: rawValue.uppercased()
        default: rawValue.replacingOccurrences(of: "-", with: " ")
        }
    }

    /// The metric's name as written in a charter.
    public var description: String { rawValue }
}
