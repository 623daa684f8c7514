/// The choices behind a metric's definition that helpdesks make differently, so a team can first reproduce the
/// numbers its own tool shows (`preset: zendesk`) and then move to Northstar's defaults. Documented in
/// `docs/metrics.md` ("Definition options and presets").
public struct MetricOptions: Sendable, Hashable {
    /// Where a first response's clock starts. Each start other than `created` applies only when it lies between
    /// creation and the reply (while unanswered: after creation); otherwise the clock starts at creation.
    public enum FirstResponseStart: String, Sendable, Hashable, CaseIterable {
        /// At creation, whatever a bot did first.
        case created
        /// At the first customer message (Intercom's "from the first customer message").
        case firstCustomerMessage = "first-customer-message"
        /// At the later of creation and the last bot handoff before the reply (Northstar's default).
        case handoff
        /// At the first assignment to an agent.
        case assignment
    }

    /// How a ticket with several next-reply waits contributes samples.
    public enum NextReplyPerTicket: String, Sendable, Hashable, CaseIterable {
        /// One sample per block of customer messages (Northstar's default).
        case each
        /// One sample per solved ticket: its longest wait.
        case max
        /// One sample per solved ticket: the mean of its waits.
        case mean
    }

    /// Which solve ends resolution.
    public enum ResolutionEnd: String, Sendable, Hashable, CaseIterable {
        /// Creation to the last solve (Northstar's default; Zendesk's "full resolution").
        case full
        /// Creation to the first solve (Zendesk's "first resolution").
        case firstSolve = "first-solve"
        /// One sample per solve cycle: creation to the first solve, then each reopen to the solve after it.
        case perCycle = "per-cycle"
    }

    /// What makes a solved contact a first-contact resolution.
    public enum FCRMethod: String, Sendable, Hashable, CaseIterable {
        /// At most `fcrMaxReplies` public agent replies (Northstar's default).
        case oneTouch = "one-touch"
        /// No customer message after the first public agent reply.
        case noFollowUp = "no-follow-up"
        /// The customer's own survey answer.
        case survey
    }

    /// The scale CSAT answers are given on.
    public enum CSATScale: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// 1 to 5 (Northstar's default).
        case oneToFive = "1-5"
        /// 1 to 10.
        case oneToTen = "1-10"
        /// 0 to 10.
        case zeroToTen = "0-10"
        /// Good (1) or bad (0).
        case goodBad = "good-bad"

        /// The lowest and highest answer.
        public var range: ClosedRange<Double> {
            switch self {
            case .oneToFive: 1...5
            case .oneToTen: 1...10
            case .zeroToTen: 0...10
            case .goodBad: 0...1
            }
        }

        /// The default positive threshold: the top two answers (4–5, 9–10), or "good" on good/bad.
        public var topTwoBox: Double {
            switch self {
            case .goodBad: 1
            default: range.upperBound - 1
            }
        }

        /// Whether `score` is an answer on this scale (good/bad takes only 0 and 1).
        public func contains(_ score: Double) -> Bool {
            self == .goodBad ? score == 0 || score == 1 : range.contains(score)
        }

        /// `1–5`, `0–10`, `good/bad`.
        public var description: String {
            switch self {
            case .oneToFive: "1–5"
            case .oneToTen: "1–10"
            case .zeroToTen: "0–10"
            case .goodBad: "good/bad"
            }
        }
    }

    /// What a CSAT promise measures.
    public enum CSATStatistic: String, Sendable, Hashable, CaseIterable {
        /// The share of positive answers (Northstar's default).
        case sharePositive = "share-positive"
        /// The mean answer on the scale, judged with Student's t interval.
        case meanScore = "mean-score"
    }

    /// What speed of answer does with a caller who hung up before an answer.
    public enum AbandonedCalls: String, Sendable, Hashable, CaseIterable {
        /// Left out: answered contacts only (Northstar's default).
        case exclude
        /// A censored wait: a caller who waited past the target before hanging up is a miss (a wait at least that
        /// long); one who hung up sooner is left out, as nobody knows when they would have been answered.
        case censored
    }

    /// What one `sla` sample is.
    public enum SLAMode: String, Sendable, Hashable, CaseIterable {
        /// One outcome per ticket and target (Northstar's default).
        case perTarget = "per-target"
        /// One outcome per ticket: breached when any target is breached.
        case perTicket = "per-ticket"
    }

    /// Where first response (and speed of answer) starts.
    public var firstResponseStart: FirstResponseStart = .handoff
    /// Whether first response gives one sample per solve cycle (the clock restarts at each reopen) instead of one
    /// per ticket.
    public var firstResponsePerCycle = false
    /// How a ticket's next-reply waits become samples.
    public var nextReplyPerTicket: NextReplyPerTicket = .each
    /// Which solve ends resolution.
    public var resolutionEnd: ResolutionEnd = .full
    /// Whether pending and on-hold time is removed from resolution.
    public var subtractPauses = true
    /// What makes a solved contact a first-contact resolution.
    public var fcrMethod: FCRMethod = .oneTouch
    /// First-contact resolution allows at most this many public agent replies.
    public var fcrMaxReplies = 1
    /// Whether a reopen disqualifies first-contact resolution.
    public var fcrCountsReopens = true
    /// Days a solved contact must have matured before FCR and reopen rate count it.
    public var reopenWindowDays = 7
    /// The scale CSAT answers are given on.
    public var csatScale: CSATScale = .oneToFive
    /// CSAT answers at or above this are positive; `nil`: the top two answers of the scale.
    public var csatPositiveAtLeast: Double?
    /// Whether a CSAT promise judges the share of positive answers or the mean answer.
    public var csatStatistic: CSATStatistic = .sharePositive
    /// Abandoned contacts that waited less than this many seconds (ended − created) are left out of abandonment.
    public var shortAbandonSeconds = 0
    /// Whether speed of answer leaves abandoned calls out or counts the late ones as censored waits.
    public var abandonedCalls: AbandonedCalls = .exclude
    /// The service-level policies of an `sla` promise, first match wins (from the promise's `policies`).
    public var slaPolicies: [SLAPolicy] = []
    /// Whether an `sla` promise counts each target of a ticket, or the ticket once (any miss breaches it).
    public var slaMode: SLAMode = .perTarget
    /// Whether a target still running and not yet late counts as achieved (Chatwoot's hit rate) instead of
    /// waiting until it is achieved or breached.
    public var slaPendingAchieved = false
    /// The vendor preset these options started from, if any.
    public var preset: String?

    /// Northstar's defaults.
    public init() {}

    /// The CSAT answer from which an answer is positive: `csatPositiveAtLeast`, or the scale's top two.
    public var csatPositiveThreshold: Double { csatPositiveAtLeast ?? csatScale.topTwoBox }

    /// Whether a promise on `metric` judges a mean score on the CSAT scale rather than a share.
    public func judgesMeanScore(_ metric: Metric) -> Bool { metric == .csat && csatStatistic == .meanScore }

    /// The vendor presets, by name.
    public static let presetNames = ["zendesk", "freshdesk", "intercom", "chatwoot", "zammad"]

    /// The options that reproduce a helpdesk's own numbers.
    public static func preset(_ name: String) -> MetricOptions? {
        var options = MetricOptions()
        options.preset = name
        switch name {
        case "zendesk":
            // First reply: creation to the first public agent comment; full resolution to the last solve, pauses
            // included; one-touch: fewer than two agent replies, reopens aside.
            options.firstResponseStart = .created
            options.resolutionEnd = .full
            options.subtractPauses = false
            options.fcrCountsReopens = false
        case "freshdesk":
            // FCR: resolved in the first response; first response from creation. (Freshdesk counts public notes as
            // responses; its importer does so already.)
            options.firstResponseStart = .created
            options.fcrCountsReopens = false
        case "intercom":
            // Statistics from the first customer message; office-closed time is a business clock's job.
            options.firstResponseStart = .firstCustomerMessage
            options.subtractPauses = false
        case "chatwoot":
            // First response after the bot handoff, and again after each reopen; resolution always from creation,
            // nothing paused.
            options.firstResponsePerCycle = true
            options.subtractPauses = false
            // Its SLA hit rate counts conversations still open and not yet breached as hits.
            options.slaPendingAchieved = true
        case "zammad":
            // Pending states pause the clock; first response from creation.
            options.firstResponseStart = .created
        default:
            return nil
        }
        return options
    }

    /// The options in words, for reports: only what differs from Northstar's defaults.
    public var summary: String {
        var parts: [String] = []
        if let preset { parts.append("preset \(preset)") }
        let defaults = MetricOptions()
        if firstResponseStart != defaults.firstResponseStart {
            let start =
                firstResponseStart == .firstCustomerMessage ? "first customer message" : firstResponseStart.rawValue
            parts.append("first response from \(start)")
        }
        if firstResponsePerCycle { parts.append("first response per reopen cycle") }
        if nextReplyPerTicket != defaults.nextReplyPerTicket {
            parts.append("next reply: the \(nextReplyPerTicket.rawValue) per ticket")
        }
        switch resolutionEnd {
        case .full: break
        case .firstSolve: parts.append("resolution to the first solve")
        case .perCycle: parts.append("resolution per reopen cycle")
        }
        if subtractPauses != defaults.subtractPauses { parts.append("pauses not removed from resolution") }
        switch fcrMethod {
        case .oneTouch: break
        case .noFollowUp: parts.append("FCR: no customer follow-up")
        case .survey: parts.append("FCR: survey answer")
        }
        if fcrMaxReplies != defaults.fcrMaxReplies { parts.append("FCR with up to \(fcrMaxReplies) replies") }
        if fcrCountsReopens != defaults.fcrCountsReopens { parts.append("FCR ignores reopens") }
        if reopenWindowDays != defaults.reopenWindowDays { parts.append("reopen window \(reopenWindowDays) days") }
        if csatScale != defaults.csatScale { parts.append("CSAT on \(csatScale)") }
        if csatPositiveThreshold != csatScale.topTwoBox {
            parts.append("CSAT positive from \(Self.number(csatPositiveThreshold))")
        }
        if csatStatistic == .meanScore { parts.append("CSAT mean score") }
        if slaMode == .perTicket { parts.append("SLA per ticket (any miss)") }
        if slaPendingAchieved { parts.append("SLA counts open targets not yet late as achieved") }
        if shortAbandonSeconds > 0 {
            parts.append("abandons under \(CharterDuration(seconds: shortAbandonSeconds)) left out")
        }
        if abandonedCalls == .censored { parts.append("speed of answer counts late abandons as censored waits") }
        return parts.isEmpty ? "Northstar's defaults" : parts.joined(separator: "; ")
    }

    /// `4`, `4.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
