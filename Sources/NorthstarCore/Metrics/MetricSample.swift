/// What one contact contributes to one promise, by the metric's written definition (`docs/metrics.md`).
enum MetricSample {
    /// A duration in seconds on the promise's clock, counted in the period of its completion event.
    case duration(seconds: Double, at: Timestamp, closedHours: Bool)
    /// A yes/no outcome (resolved on first contact, reopened, positive CSAT, abandoned), in the period of `at`.
    case outcome(Bool, at: Timestamp)
    /// A 0–10 likelihood-to-recommend answer.
    case recommendation(Int, at: Timestamp)
    /// Still running at the as-of time: it can only count against an attainment target once it is late. Time
    /// inside `pauses` does not run.
    case pending(since: Timestamp, pauses: [PauseInterval])
    /// Several samples from one contact (next reply: one per block of customer messages), each a `duration` or
    /// a `pending`.
    case several([MetricSample])
    /// Solved too recently for the reopen window at the as-of time (FCR, reopen rate), with the reason.
    case notMatured(String)
    /// Not part of this metric, with the reason (shown by `--explain`).
    case excluded(String)
}

/// The metric definitions applied to canonical contacts.
struct MetricDefinitions {
    /// Northstar's default window, in days, after a solve within which a reopen counts.
    static let reopenWindowDays = 7
    /// The definition choices: Northstar's defaults unless a preset or `definition:` says otherwise.
    var options = MetricOptions()
    /// Channels where speed of answer, abandonment and handle time apply.
    static let liveChannels: Set<String> = ["phone", "chat", "voice", "messaging", "call"]

    func sample(
        of contact: some ContactFacts,
        for metric: Metric,
        clock: BusinessClock?,
        asOf: Timestamp
    ) -> MetricSample {
        func elapsed(_ start: Timestamp, _ end: Timestamp) -> (Double, Bool) {
            Self.elapsed(from: start, to: end, clock: clock)
        }
        switch metric {
        case .firstResponse, .speedOfAnswer:
            if metric == .speedOfAnswer && contact.abandoned == true { return .excluded("abandoned before an answer") }
            // The clock starts at the later of creation and the last bot handoff before the reply.
            var start = contact.createdAt
            if options.firstResponseStart == .handoff, let handoff = contact.botHandoffAt, handoff > start,
                handoff <= contact.firstResponseAt ?? handoff
            {
                start = handoff
            }
            guard let answered = contact.firstResponseAt else {
                if contact.abandoned == true { return .excluded("abandoned before a response") }
                if contact.resolvedAt != nil { return .excluded("solved without a public reply") }
                return .pending(since: start, pauses: [])
            }
            let (seconds, closed) = elapsed(start, answered)
            return .duration(seconds: seconds, at: answered, closedHours: closed)
        case .nextReply:
            guard let waits = contact.nextReplyWaits else {
                return .excluded("next reply needs an event stream; the contacts CSV has one row per contact")
            }
            let samples = waits.map { wait -> MetricSample in
                guard let reply = wait.replyAt else { return .pending(since: wait.customerAt, pauses: []) }
                let (seconds, closed) = elapsed(wait.customerAt, reply)
                return .duration(seconds: seconds, at: reply, closedHours: closed)
            }
            switch samples.count {
            case 0: return .excluded("no customer message after the first response")
            case 1: return samples[0]
            default: return .several(samples)
            }
        case .resolution:
            guard let resolved = contact.resolvedAt else {
                return .pending(since: contact.createdAt, pauses: options.subtractPauses ? contact.pauses : [])
            }
            let (whole, closed) = elapsed(contact.createdAt, resolved)
            let paused =
                options.subtractPauses
                ? Self.pausedSeconds(contact.pauses, from: contact.createdAt, to: resolved, clock: clock) : 0
            return .duration(seconds: max(0, whole - Double(paused)), at: resolved, closedHours: closed)
        case .handleTime:
            guard let answered = contact.firstResponseAt, let ended = contact.endedAt else {
                return .excluded("no answered and ended times")
            }
            let talk = Double(max(0, ended.seconds - answered.seconds))
            return .duration(seconds: talk + Double(contact.wrapSeconds ?? 0), at: ended, closedHours: false)
        case .fcr, .reopenRate:
            guard let resolved = contact.resolvedAt else { return .excluded("not solved") }
            // Windowed rates use the creation cohort that has matured past the window.
            guard contact.createdAt.seconds + Int64(options.reopenWindowDays) * 86_400 <= asOf.seconds else {
                return .notMatured("created less than \(options.reopenWindowDays) days before the data ends")
            }
            let reopened = (contact.reopens ?? 0) > 0
            _ = resolved
            if metric == .reopenRate { return .outcome(reopened, at: contact.createdAt) }
            guard let replies = contact.agentReplies else { return .excluded("no agent reply count") }
            return .outcome(
                replies <= options.fcrMaxReplies && !(options.fcrCountsReopens && reopened),
                at: contact.createdAt
            )
        case .csat:
            guard let score = contact.csat else { return .excluded("no satisfaction answer") }
            return .outcome(score >= options.csatPositiveAtLeast, at: contact.resolvedAt ?? contact.createdAt)
        case .nps:
            guard let score = contact.nps else { return .excluded("no recommendation answer") }
            return .recommendation(score, at: contact.resolvedAt ?? contact.createdAt)
        case .selfService:
            guard let selfService = contact.selfService else { return .excluded("self-service not recorded") }
            return .outcome(selfService, at: contact.createdAt)
        case .abandonment:
            if let abandoned = contact.abandoned { return .outcome(abandoned, at: contact.createdAt) }
            if contact.firstResponseAt != nil { return .outcome(false, at: contact.createdAt) }
            return .excluded("not known whether the contact was answered")
        }
    }

    /// The seconds from `start` to `end` on the clock (calendar seconds without one), and whether a business clock
    /// counted none of them. Not a closure over the clock: capturing it would copy it for every contact.
    @inline(__always)
    static func elapsed(from start: Timestamp, to end: Timestamp, clock: borrowing BusinessClock?) -> (Double, Bool) {
        switch clock {
        case .none:
            return (Double(end.seconds - start.seconds), false)
        case .some(let clock):
            let seconds = clock.businessSeconds(from: start, to: end)
            return (Double(seconds), seconds == 0 && end > start)
        }
    }

    /// The seconds of `pauses` inside `[start, end)` on the clock (calendar seconds without one): each pause is
    /// masked by the business hours before it is removed, so a pause while closed removes nothing. A pause still
    /// running ends at `end`; overlapping pauses count once.
    static func pausedSeconds(
        _ pauses: [PauseInterval],
        from start: Timestamp,
        to end: Timestamp,
        clock: BusinessClock?
    ) -> Int64 {
        guard !pauses.isEmpty else { return 0 }
        var total: Int64 = 0
        var covered = start  // everything before this is counted already
        for pause in pauses.sorted(by: { $0.start < $1.start }) {
            let from = max(pause.start, covered)
            let to = min(pause.end ?? end, end)
            guard to > from else { continue }
            total += clock?.businessSeconds(from: from, to: to) ?? (to.seconds - from.seconds)
            covered = to
        }
        return total
    }
}
