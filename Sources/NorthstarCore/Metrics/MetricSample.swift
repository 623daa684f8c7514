/// What one contact contributes to one promise, by the metric's written definition (`docs/metrics.md`).
enum MetricSample {
    /// A duration in seconds on the promise's clock, counted in the period of its completion event.
    case duration(seconds: Double, at: Timestamp, closedHours: Bool)
    /// A yes/no outcome (resolved on first contact, reopened, positive CSAT, abandoned), in the period of `at`.
    case outcome(Bool, at: Timestamp)
    /// A 0–10 likelihood-to-recommend answer.
    case recommendation(Int, at: Timestamp)
    /// An answer on a scale (CSAT judged by its mean score), in the period of `at`.
    case score(Double, at: Timestamp)
    /// A solved contact without a CSAT answer: not a sample, but part of the response rate (answers over solved
    /// contacts), in the period of the solve.
    case unanswered(solvedAt: Timestamp)
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
    /// The promise's time limit in seconds (its `within`, or its statistic's bound), for censored abandons.
    var limitSeconds: Double?
    /// Channels where speed of answer, abandonment and handle time apply.
    static let liveChannels: Set<String> = ["phone", "chat", "voice", "messaging", "call"]

    func sample(
        of contact: some ContactFacts,
        for metric: Metric,
        clock: BusinessClock?,
        asOf: Timestamp
    ) -> MetricSample {
        switch metric {
        case .firstResponse, .speedOfAnswer:
            if metric == .speedOfAnswer && contact.abandoned == true { return abandonedCall(contact, clock: clock) }
            let first = firstResponse(of: contact, clock: clock)
            guard metric == .firstResponse, options.firstResponsePerCycle, let cycles = contact.solveCycles,
                cycles.count > 1
            else { return first }
            // The clock restarts at each reopen: the reopen to the first public reply before the cycle's solve.
            var samples = [first]
            for cycle in cycles.dropFirst() {
                if let reply = cycle.firstReplyAt {
                    let (seconds, closed) = Self.elapsed(from: cycle.start, to: reply, clock: clock)
                    samples.append(.duration(seconds: seconds, at: reply, closedHours: closed))
                } else if cycle.solvedAt == nil {
                    samples.append(.pending(since: cycle.start, pauses: []))
                }
            }
            return .several(samples)
        case .nextReply:
            guard let waits = contact.nextReplyWaits else {
                return .excluded("next reply needs an event stream; the contacts CSV has one row per contact")
            }
            if waits.isEmpty { return .excluded("no customer message after the first response") }
            if options.nextReplyPerTicket != .each {
                // One sample per ticket, once its waits are complete: at the solve. An unanswered block is pending.
                if let open = waits.first(where: { $0.replyAt == nil }) {
                    return .pending(since: open.customerAt, pauses: [])
                }
                guard let resolved = contact.resolvedAt else {
                    return .excluded("open: the ticket's \(options.nextReplyPerTicket.rawValue) is taken at the solve")
                }
                let measured = waits.map { wait in Self.elapsed(from: wait.customerAt, to: wait.replyAt!, clock: clock)
                }
                let seconds = measured.map(\.0)
                let value =
                    options.nextReplyPerTicket == .max
                    ? seconds.max()! : seconds.reduce(0, +) / Double(seconds.count)
                return .duration(seconds: value, at: resolved, closedHours: measured.allSatisfy(\.1))
            }
            let samples = waits.map { wait -> MetricSample in
                guard let reply = wait.replyAt else { return .pending(since: wait.customerAt, pauses: []) }
                let (seconds, closed) = Self.elapsed(from: wait.customerAt, to: reply, clock: clock)
                return .duration(seconds: seconds, at: reply, closedHours: closed)
            }
            return samples.count == 1 ? samples[0] : .several(samples)
        case .resolution:
            let pauses = options.subtractPauses ? contact.pauses : []
            func resolution(from start: Timestamp, to end: Timestamp) -> MetricSample {
                let (whole, closed) = Self.elapsed(from: start, to: end, clock: clock)
                let paused = Self.pausedSeconds(pauses, from: start, to: end, clock: clock)
                return .duration(seconds: max(0, whole - Double(paused)), at: end, closedHours: closed)
            }
            guard options.resolutionEnd != .full else {
                guard let resolved = contact.resolvedAt else {
                    return .pending(since: contact.createdAt, pauses: pauses)
                }
                return resolution(from: contact.createdAt, to: resolved)
            }
            // Without an event stream's cycles, a contact never reopened has one: creation to its solve.
            guard
                let cycles = contact.solveCycles
                    ?? (contact.reopens == 0
                        ? [SolveCycle(start: contact.createdAt, solvedAt: contact.resolvedAt)] : nil)
            else {
                return .excluded(
                    contact.reopens == nil
                        ? "not known whether it was reopened, so its solve cycles are unknown"
                        : "reopened: only an event stream records when each cycle was solved"
                )
            }
            let samples = cycles.map { cycle -> MetricSample in
                guard let solved = cycle.solvedAt else { return .pending(since: cycle.start, pauses: pauses) }
                return resolution(from: cycle.start, to: solved)
            }
            return options.resolutionEnd == .firstSolve || samples.count == 1 ? samples[0] : .several(samples)
        case .handleTime:
            guard let answered = contact.firstResponseAt, let ended = contact.endedAt else {
                return .excluded("no answered and ended times")
            }
            let talk = Double(max(0, ended.seconds - answered.seconds))
            return .duration(seconds: talk + Double(contact.wrapSeconds ?? 0), at: ended, closedHours: false)
        case .fcr where options.fcrMethod == .survey:
            // The customer's own answer needs no maturing: it is counted in the creation cohort as it arrives.
            guard let answer = contact.fcrAnswer else {
                return .excluded("no survey answer on first-contact resolution")
            }
            return .outcome(answer, at: contact.createdAt)
        case .fcr, .reopenRate:
            guard contact.resolvedAt != nil else { return .excluded("not solved") }
            // Windowed rates use the creation cohort that has matured past the window.
            guard contact.createdAt.seconds + Int64(options.reopenWindowDays) * 86_400 <= asOf.seconds else {
                return .notMatured("created less than \(options.reopenWindowDays) days before the data ends")
            }
            let reopened = (contact.reopens ?? 0) > 0
            if metric == .reopenRate { return .outcome(reopened, at: contact.createdAt) }
            let settled: Bool
            if options.fcrMethod == .noFollowUp {
                guard let followUps = contact.customerFollowUps else {
                    return .excluded("customer follow-ups need an event stream; the contacts CSV cannot say")
                }
                settled = followUps == 0
            } else {
                guard let replies = contact.agentReplies else { return .excluded("no agent reply count") }
                settled = replies <= options.fcrMaxReplies
            }
            return .outcome(settled && !(options.fcrCountsReopens && reopened), at: contact.createdAt)
        case .csat:
            guard let score = contact.csat else {
                if let solved = contact.resolvedAt { return .unanswered(solvedAt: solved) }
                return .excluded("no satisfaction answer")
            }
            guard options.csatScale.contains(score) else {
                return .excluded("the answer \(MetricOptions.number(score)) is not on the \(options.csatScale) scale")
            }
            let at = contact.resolvedAt ?? contact.createdAt
            if options.csatStatistic == .meanScore { return .score(score, at: at) }
            return .outcome(score >= options.csatPositiveThreshold, at: at)
        case .nps:
            guard let score = contact.nps else { return .excluded("no recommendation answer") }
            return .recommendation(score, at: contact.resolvedAt ?? contact.createdAt)
        case .selfService:
            guard let selfService = contact.selfService else { return .excluded("self-service not recorded") }
            return .outcome(selfService, at: contact.createdAt)
        case .abandonment:
            if let abandoned = contact.abandoned {
                // A short abandon (a misdial, a customer who found the answer) is left out of both counts. Without
                // an end time the wait cannot be shown to be short, so the abandon counts.
                if abandoned, options.shortAbandonSeconds > 0, let ended = contact.endedAt,
                    ended.seconds - contact.createdAt.seconds < Int64(options.shortAbandonSeconds)
                {
                    let waited = ended.seconds - contact.createdAt.seconds
                    return .excluded(
                        "a short abandon: left after \(waited) s, under \(CharterDuration(seconds: options.shortAbandonSeconds))"
                    )
                }
                return .outcome(abandoned, at: contact.createdAt)
            }
            if contact.firstResponseAt != nil { return .outcome(false, at: contact.createdAt) }
            return .excluded("not known whether the contact was answered")
        case .sla:
            return serviceLevel(of: contact, clock: clock, asOf: asOf)
        }
    }

    /// Speed of answer of a caller who hung up: left out, or, censored, a miss once the wait passed the limit.
    private func abandonedCall(_ contact: some ContactFacts, clock: BusinessClock?) -> MetricSample {
        guard options.abandonedCalls == .censored else { return .excluded("abandoned before an answer") }
        guard let ended = contact.endedAt, let limitSeconds else {
            return .excluded("abandoned, and no end time (`ended_at`) to tell how long the caller waited")
        }
        var start = contact.createdAt
        if let handoff = contact.botHandoffAt, handoff > start, handoff <= ended { start = handoff }
        let (waited, closed) = Self.elapsed(from: start, to: ended, clock: clock)
        guard waited > limitSeconds else {
            return .excluded("abandoned after \(Int(waited)) s, before the limit: censored, not counted")
        }
        return .duration(seconds: waited, at: ended, closedHours: closed)
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

    /// What an SLA target of a contact came to.
    private enum TargetState {
        /// Completed within the target, at the completion.
        case achieved(Timestamp)
        /// Completed late (at the completion), or still running past its deadline (at the deadline).
        case breached(Timestamp)
        /// Still running, not late yet.
        case running
        /// The target does not apply (solved without a reply, abandoned), with the reason.
        case notApplicable(String)
    }

    /// The SLA outcomes of a contact under the first matching policy: one per target, or one for the ticket.
    private func serviceLevel(
        of contact: some ContactFacts,
        clock: BusinessClock?,
        asOf: Timestamp
    ) -> MetricSample {
        guard let policy = contact.slaPolicy(in: options.slaPolicies) else { return .excluded("no SLA policy matches") }
        // Each target is timed once per ticket, by the promise's own first-response and resolution definitions.
        var single = self
        single.options.firstResponsePerCycle = false
        if single.options.resolutionEnd == .perCycle { single.options.resolutionEnd = .full }
        func state(_ metric: Metric, _ target: CharterDuration?) -> TargetState? {
            guard let target else { return nil }
            switch single.sample(of: contact, for: metric, clock: clock, asOf: asOf) {
            case .duration(let seconds, let at, _):
                return seconds <= Double(target.seconds) ? .achieved(at) : .breached(at)
            case .pending(let since, let pauses):
                let deadline = CheckEngine.deadline(
                    from: since,
                    after: Int64(target.seconds),
                    clock: clock,
                    pauses: pauses,
                    until: asOf
                )
                return deadline.map(TargetState.breached) ?? .running
            case .excluded(let reason), .notMatured(let reason):
                return .notApplicable("\(metric.displayName): \(reason)")
            case .outcome, .recommendation, .score, .unanswered, .several:
                return .notApplicable("\(metric.displayName) gives no single time")
            }
        }
        let states = [state(.firstResponse, policy.firstResponse), state(.resolution, policy.resolution)]
            .compactMap { $0 }
        guard !states.isEmpty else { return .excluded("the policy has no target") }
        let running: MetricSample =
            options.slaPendingAchieved
            ? .outcome(true, at: asOf) : .excluded("a target is still running and not late yet")
        let reasons = states.compactMap { state -> String? in
            if case .notApplicable(let reason) = state { return reason }
            return nil
        }
        let notApplicable = MetricSample.excluded(
            reasons.isEmpty ? "no target applies" : reasons.joined(separator: "; ")
        )
        switch options.slaMode {
        case .perTarget:
            let samples = states.map { state -> MetricSample in
                switch state {
                case .achieved(let at): .outcome(true, at: at)
                case .breached(let at): .outcome(false, at: at)
                case .running: running
                case .notApplicable(let reason): .excluded(reason)
                }
            }
            return samples.count == 1 ? samples[0] : .several(samples)
        case .perTicket:
            // Breached when any target is, as soon as the first is; achieved when every applicable one is.
            var breached: [Timestamp] = []
            var achieved: [Timestamp] = []
            var isRunning = false
            for state in states {
                switch state {
                case .breached(let at): breached.append(at)
                case .achieved(let at): achieved.append(at)
                case .running: isRunning = true
                case .notApplicable: break
                }
            }
            if let first = breached.min() { return .outcome(false, at: first) }
            if isRunning { return running }
            if let last = achieved.max() { return .outcome(true, at: last) }
            return notApplicable
        }
    }

    /// The first response of the ticket (its first cycle): from the start the options name, when it lies between
    /// creation and the reply, to the first public human reply; pending while unanswered.
    private func firstResponse(
        of contact: some ContactFacts,
        clock: BusinessClock?
    ) -> MetricSample {
        var start = contact.createdAt
        let anchor: Timestamp? =
            switch options.firstResponseStart {
            case .created: nil
            case .handoff: contact.botHandoffAt
            case .firstCustomerMessage: contact.firstCustomerMessageAt
            case .assignment: contact.firstAssignmentAt
            }
        if let anchor, anchor > start, anchor <= contact.firstResponseAt ?? anchor { start = anchor }
        guard let answered = contact.firstResponseAt else {
            if contact.abandoned == true { return .excluded("abandoned before a response") }
            if contact.resolvedAt != nil { return .excluded("solved without a public reply") }
            return .pending(since: start, pauses: [])
        }
        let (seconds, closed) = Self.elapsed(from: start, to: answered, clock: clock)
        return .duration(seconds: seconds, at: answered, closedHours: closed)
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
