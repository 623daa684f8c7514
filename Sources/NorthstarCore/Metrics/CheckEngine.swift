/// Evaluates every promise of a charter over a set of contacts: samples by the written metric definitions,
/// grouped into the promise's periods in the charter's time zone, with a 95% interval and a verdict.
public struct CheckEngine: Sendable {
    /// Choices that override the charter for one run.
    public struct Options: Sendable {
        /// Judge every promise over this period instead of its own (`nil`: the promise's; `total`: one period).
        public var period: Period?
        /// Judge over the whole range as one period.
        public var total: Bool
        /// Only samples at or after this instant.
        public var from: Timestamp?
        /// Only samples up to this instant; also the as-of time for open contacts (default: the latest time in the data).
        public var to: Timestamp?
        /// Dimensions to break each period down by.
        public var breakdown: [Dimension]

        /// Creates options.
        public init(
            period: Period? = nil,
            total: Bool = false,
            from: Timestamp? = nil,
            to: Timestamp? = nil,
            breakdown: [Dimension] = []
        ) {
            self.period = period
            self.total = total
            self.from = from
            self.to = to
            self.breakdown = breakdown
        }
    }

    /// The charter whose promises are evaluated.
    public let charter: Charter
    /// This run's choices.
    public let options: Options
    static let maximumBreachesListed = 50

    /// Creates an engine.
    public init(charter: Charter, options: Options = Options()) {
        self.charter = charter
        self.options = options
    }

    /// Evaluates all promises over contacts held in memory.
    public func evaluate(_ contacts: [Contact], imports: [ImportReport] = []) -> CheckReport {
        let latest = contacts.reduce(Timestamp(seconds: 0)) { max($0, $1.latestMoment) }
        var tally = CheckTally(charter: charter, options: options, asOf: options.to ?? latest)
        for (position, contact) in contacts.enumerated() { tally.add(contact, tag: UInt64(position)) }
        tally.finish()
        return tally.report(imports: imports)
    }

    /// The rules this engine applies, as reported with every result.
    public static let definitions = [
        "Durations are counted in the period of their completion event (the reply, the solve, the end of the call).",
        "First response: from the later of creation and the last bot handoff before the reply, to the first public human reply; solved without a reply and abandoned contacts are excluded.",
        "Next reply: from the oldest unanswered customer message after the first response to the next public agent reply, one sample per block of customer messages; a block still unanswered at a solve is dropped.",
        "Resolution: creation to the last solve, minus paused time (pending, on hold), each pause masked by the business hours before it is removed. Speed of answer: queue entry (or bot handoff) to answer, answered contacts only.",
        "Handle time: answer to end of the conversation, plus after-contact work.",
        "Open contacts already past a `within` limit at the as-of time count as misses in the period their limit ran out.",
        "Business-hours durations count only the hours in force on each local date (a calendar's dated versions included) in its own time zone, holidays closed; samples that arrive and complete while closed are 0 and reported as closedHours.",
        "FCR: solved with at most one public agent reply and not reopened; reopen rate: solved and reopened. Both use the creation cohort that has matured \(MetricDefinitions.reopenWindowDays) days.",
        "CSAT: share of answers of 4 or 5 on 1–5, shown with its response rate (answers over solved contacts); NPS: %(9–10) − %(0–6) in points; abandonment: left before an answer / entered the queue.",
        "SLA: each target of the first matching policy is achieved (completed in time), breached (completed late, or still open past its deadline, counted when the deadline ran out) or pending (not counted); attainment = achieved / (achieved + breached).",
        "Percentiles interpolate linearly between closest ranks; shares use Wilson 95% intervals, percentiles order-statistic intervals, means Student's t, NPS the multinomial variance.",
        "Verdict: kept when the whole 95% interval meets the target, broken when none of it does, at-risk when it straddles, insufficient below the minimum sample.",
    ]

    /// The seconds the clock (calendar time without one) runs from `start` to `end`, time inside `pauses` left
    /// out after the business-hours mask.
    static func running(
        from start: Timestamp,
        to end: Timestamp,
        clock: BusinessClock?,
        pauses: [PauseInterval]
    ) -> Int64 {
        guard end > start else { return 0 }
        let whole = clock?.businessSeconds(from: start, to: end) ?? (end.seconds - start.seconds)
        return max(0, whole - MetricDefinitions.pausedSeconds(pauses, from: start, to: end, clock: clock))
    }

    /// The instant at which `seconds` of the clock have passed since `start`, not counting `pauses`, if that is
    /// before `limit`.
    static func deadline(
        from start: Timestamp,
        after seconds: Int64,
        clock: BusinessClock?,
        pauses: [PauseInterval] = [],
        until limit: Timestamp
    ) -> Timestamp? {
        if !pauses.isEmpty {
            // Running time only grows with wall time, so the deadline can be found by bisection.
            func late(_ instant: Int64) -> Bool {
                let ran = running(from: start, to: Timestamp(seconds: instant), clock: clock, pauses: pauses)
                return clock == nil ? ran >= seconds : ran > seconds
            }
            guard late(limit.seconds) else { return nil }
            var low = start.seconds + seconds
            var high = limit.seconds
            while low < high {
                let middle = low + (high - low) / 2
                if late(middle) { high = middle } else { low = middle + 1 }
            }
            return Timestamp(seconds: low)
        }
        guard let clock else {
            let deadline = Timestamp(seconds: start.seconds + seconds)
            return deadline <= limit ? deadline : nil
        }
        guard clock.businessSeconds(from: start, to: limit) > seconds else { return nil }
        // Business time only grows with wall time, so the deadline can be found by bisection.
        var low = start.seconds + seconds
        var high = limit.seconds
        while low < high {
            let middle = low + (high - low) / 2
            if clock.businessSeconds(from: start, to: Timestamp(seconds: middle)) > seconds {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return Timestamp(seconds: low)
    }

    static func describe(_ promise: Promise) -> CheckReport.TargetDescription {
        let summary = promise.target.summary(for: promise.metric, options: promise.options)
        switch promise.target {
        case .attainment(let within, let share):
            return .init(
                summary: summary,
                kind: "attainment",
                within: Double(within.seconds),
                share: share.fraction,
                statistic: nil,
                bound: share.fraction
            )
        case .statistic(let statistic, let limit):
            return .init(
                summary: summary,
                kind: "statistic",
                within: nil,
                share: nil,
                statistic: statistic.description,
                bound: Double(limit.seconds)
            )
        case .atLeast(let value), .atMost(let value):
            let kind = if case .atLeast = promise.target { "atLeast" } else { "atMost" }
            let scale = promise.options.judgesMeanScore(promise.metric) ? promise.options.csatScale.rawValue : nil
            return .init(
                summary: summary,
                kind: kind,
                within: nil,
                share: nil,
                statistic: scale == nil ? nil : "mean",
                bound: value,
                scale: scale
            )
        }
    }

    static func summarize(
        _ accumulator: PeriodTotals,
        promise: Promise,
        period: ReportingPeriod
    ) -> CheckReport.PeriodResult {
        var value: Double?
        var interval: (low: Double, high: Double)?
        var n = 0
        var note: String?
        var median: Double?
        var p90: Double?
        let sorted = accumulator.sortedDurations()
        if !sorted.isEmpty {
            median = Statistics.percentile(sorted: sorted, 50)
            p90 = Statistics.percentile(sorted: sorted, 90)
        }
        var bound = 0.0
        var higherIsBetter = true
        switch promise.target {
        case .attainment(let within, let share):
            n = sorted.count
            bound = share.fraction
            if n > 0 {
                let met = sorted.filter { $0 <= Double(within.seconds) }.count
                value = Double(met) / Double(n)
                interval = Statistics.wilsonInterval(successes: met, trials: n)
            }
        case .statistic(let statistic, let limit):
            n = sorted.count
            bound = Double(limit.seconds)
            higherIsBetter = false
            if n > 0 {
                switch statistic {
                case .mean:
                    value = Statistics.mean(sorted)
                    interval = Statistics.meanInterval(values: sorted)
                case .percentile(let p):
                    value = Statistics.percentile(sorted: sorted, p)
                    interval = Statistics.quantileInterval(sorted: sorted, p: p)
                }
                if interval == nil { note = "too few samples for a 95% interval of the \(statistic)" }
            }
        case .atLeast(let target), .atMost(let target):
            if case .atMost = promise.target { higherIsBetter = false }
            bound = target
            if promise.metric == .nps {
                n = accumulator.promoters + accumulator.passives + accumulator.detractors
                if n > 0 {
                    value = Double(accumulator.promoters - accumulator.detractors) / Double(n) * 100
                    interval = Statistics.npsInterval(
                        promoters: accumulator.promoters,
                        passives: accumulator.passives,
                        detractors: accumulator.detractors
                    )
                }
            } else if promise.options.judgesMeanScore(promise.metric) {
                n = accumulator.scores.count
                if n > 0 {
                    value = Statistics.mean(accumulator.scores)
                    interval = Statistics.meanInterval(values: accumulator.scores)
                    if interval == nil { note = "too few answers for a 95% interval of the mean" }
                }
            } else {
                n = accumulator.trials
                if n > 0 {
                    value = Double(accumulator.successes) / Double(n)
                    interval = Statistics.wilsonInterval(successes: accumulator.successes, trials: n)
                }
            }
        }
        let verdict: Verdict
        if n < promise.minimumSample {
            verdict = .insufficient
            note = "\(n) sample\(n == 1 ? "" : "s"), fewer than the minimum of \(promise.minimumSample)"
        } else if let interval {
            verdict = Verdict.judge(interval: interval, bound: bound, higherIsBetter: higherIsBetter)
        } else {
            verdict = .insufficient
        }
        return CheckReport.PeriodResult(
            label: period.label,
            start: period.start.description,
            end: period.end.description,
            partial: false,
            value: value,
            n: n,
            interval: interval.map { CheckReport.Interval(low: $0.low, high: $0.high) },
            verdict: verdict,
            note: note,
            median: median,
            p90: p90,
            closedHours: accumulator.closedHours,
            lateOpen: accumulator.lateOpen,
            breaches: accumulator.breachIDs,
            breakdown: nil,
            responseRate: promise.metric == .csat && n + accumulator.unanswered > 0
                ? Double(n) / Double(n + accumulator.unanswered) : nil
        )
    }
}
