/// One promise's running totals in a ``CheckTally``: an ``PeriodTotals`` per period, and per period and value of
/// each `--by` dimension.
struct PromiseTally {
    /// A slice of a period: one value of one `--by` dimension.
    struct SliceKey: Hashable {
        var period: Int32
        var position: Int8
        var code: UInt32
    }

    /// What the promise asks, prepared once.
    let plan: PromisePlan
    private var options: CheckEngine.Options { plan.options }
    var promise: Promise { plan.promise }

    /// The periods seen, by index, and their accumulators.
    private(set) var periods: [ReportingPeriod] = []
    private(set) var totals: [PeriodTotals] = []
    private var indexByStart: [Int64: Int] = [:]
    private var slices: [SliceKey: PeriodTotals] = [:]
    /// The last period looked up: consecutive samples mostly share one.
    private var recent: (start: Int64, end: Int64, index: Int) = (0, 0, -1)

    init(_ plan: PromisePlan) {
        self.plan = plan
    }

    /// Counts (`sign` 1) or takes out (`sign` −1) one sample.
    mutating func take(
        _ sample: MetricSample,
        of row: ContactRow,
        id: UnsafeRawBufferPointer,
        tag: UInt64,
        asOf: Timestamp,
        sign: Int
    ) {
        switch sample {
        case .duration(_, let at, _), .outcome(_, let at), .recommendation(_, let at), .score(_, let at),
            .unanswered(let at):
            guard let period = periodIndex(of: at, asOf: asOf) else { return }
            let (limit, goodOutcome) = (plan.limit, plan.goodOutcome)
            record(period, row) { $0.add(sample, id: id, tag: tag, limit: limit, goodOutcome: goodOutcome, sign: sign) }
        case .pending(let since, let pauses):
            // An open contact is a miss once its time limit has run out before the as-of time.
            guard let within = plan.within else { return }
            guard
                let deadline = CheckEngine.deadline(
                    from: since,
                    after: within,
                    clock: plan.clock,
                    pauses: pauses,
                    until: asOf
                )
            else { return }
            guard let period = periodIndex(of: deadline, asOf: asOf) else { return }
            let elapsed = Double(CheckEngine.running(from: since, to: asOf, clock: plan.clock, pauses: pauses))
            record(period, row) { $0.addLate(seconds: elapsed, id: id, tag: tag, sign: sign) }
        case .several(let parts):
            for part in parts { take(part, of: row, id: id, tag: tag, asOf: asOf, sign: sign) }
        case .notMatured, .excluded:
            return
        }
    }

    private mutating func record(_ period: Int, _ row: ContactRow, _ change: (inout PeriodTotals) -> Void) {
        change(&totals[period])
        for dimension in options.breakdown {
            let key = SliceKey(
                period: Int32(period),
                position: Int8(dimension.position),
                code: row.dimensions[dimension.position]
            )
            change(&slices[key, default: PeriodTotals()])
        }
    }

    /// The index of the period `instant` counts in, made when first seen; `nil` outside `--from` … as-of.
    private mutating func periodIndex(of instant: Timestamp, asOf: Timestamp) -> Int? {
        if let from = options.from, instant < from { return nil }
        if instant > asOf { return nil }
        if options.total {
            // One period; its bounds are set when the report is made.
            if totals.isEmpty { append(ReportingPeriod.total(from: options.from ?? Timestamp(seconds: 0), to: asOf)) }
            return 0
        }
        if recent.start <= instant.seconds && instant.seconds < recent.end { return recent.index }
        guard let calendar = plan.calendar else { return nil }
        let period = calendar.period(containing: instant)
        let index = indexByStart[period.start.seconds] ?? append(period)
        recent = (period.start.seconds, period.end.seconds, index)
        return index
    }

    @discardableResult
    private mutating func append(_ period: ReportingPeriod) -> Int {
        indexByStart[period.start.seconds] = periods.count
        periods.append(period)
        totals.append(PeriodTotals())
        return periods.count - 1
    }

    /// Adds the totals of a later part of the same data, whose value codes `translate` maps to this tally's.
    mutating func merge(_ other: PromiseTally, translate: (UInt32) -> UInt32) {
        var mapped: [Int] = []
        for (index, period) in other.periods.enumerated() {
            let own =
                options.total
                ? (totals.isEmpty ? append(period) : 0) : indexByStart[period.start.seconds] ?? append(period)
            mapped.append(own)
            totals[own].merge(other.totals[index])
        }
        for (key, accumulator) in other.slices {
            let own = SliceKey(
                period: Int32(mapped[Int(key.period)]),
                position: key.position,
                code: translate(key.code)
            )
            slices[own, default: PeriodTotals()].merge(accumulator)
        }
    }

    /// The promise's result per period, in time order.
    func result(asOf: Timestamp, values: ValueInterner) -> CheckReport.PromiseResult {
        var bySlice: [Int: [(dimension: Dimension, key: String, accumulator: PeriodTotals)]] = [:]
        for (key, accumulator) in slices {
            let dimension = Dimension.allCases.first { $0.position == Int(key.position) } ?? .channel
            bySlice[Int(key.period), default: []].append(
                (dimension, values.value(of: key.code) ?? "(none)", accumulator)
            )
        }
        let order = periods.indices.sorted { periods[$0] < periods[$1] }
        let results = order.map { index -> CheckReport.PeriodResult in
            var period = periods[index]
            if options.total { period = .total(from: options.from ?? Timestamp(seconds: 0), to: asOf) }
            var result = CheckEngine.summarize(totals[index], promise: promise, period: period)
            result.partial = period.end > asOf
            if !options.breakdown.isEmpty {
                let rows = (bySlice[index] ?? []).sorted {
                    ("\($0.dimension.rawValue)=\($0.key)") < ("\($1.dimension.rawValue)=\($1.key)")
                }
                result.breakdown = rows.map { slice in
                    let summary = CheckEngine.summarize(slice.accumulator, promise: promise, period: period)
                    return CheckReport.BreakdownRow(
                        dimension: slice.dimension.rawValue,
                        key: slice.key,
                        value: summary.value,
                        n: summary.n,
                        interval: summary.interval,
                        verdict: summary.verdict
                    )
                }
            }
            return result
        }
        return CheckReport.PromiseResult(
            id: promise.id,
            metric: promise.metric,
            target: CheckEngine.describe(promise),
            population: promise.population.summary,
            clock: promise.clock.description,
            period: options.total ? "total" : (options.period ?? promise.period).rawValue,
            definition: promise.options.summary,
            periods: results
        )
    }
}

/// A promise prepared for counting: its definition, clock, periods and population as value codes. A class, so
/// the tallies share it and the per-contact loop borrows it instead of copying its parts.
final class PromisePlan: Sendable {
    let promise: Promise
    let definitions: MetricDefinitions
    let clock: BusinessClock?
    let calendar: PeriodCalendar?
    let options: CheckEngine.Options
    /// The population: per dimension position, the allowed value codes as bits. The charter's values are
    /// interned before any contact, so their codes are small; a population with more than 63 values altogether
    /// uses `wideFilters`.
    let allowed: SIMD8<UInt64>
    /// The positions that are filtered, as bits.
    let filtered: UInt8
    let wideFilters: [(position: Int, codes: [UInt32])]
    let metric: Metric
    /// The populations of an `sla` promise's policies, as value codes per dimension position.
    let policyFilters: [[(position: Int, codes: [UInt32])]]
    /// The duration a sample may take: the `within`, or the statistic's bound.
    let limit: Double?
    /// The `within` of an attainment target, for open contacts.
    let within: Int64?
    let goodOutcome: Bool

    init(_ promise: Promise, charter: Charter, options: CheckEngine.Options, values: inout ValueInterner) {
        self.promise = promise
        self.options = options
        definitions = MetricDefinitions(options: promise.options, limitSeconds: promise.target.limitSeconds)
        if case .business(let name) = promise.clock, let calendar = charter.calendar(named: name) {
            clock = BusinessClock(calendar: calendar)
        } else {
            clock = nil
        }
        calendar = PeriodCalendar(
            timeZoneIdentifier: charter.timeZoneIdentifier,
            period: options.period ?? promise.period
        )
        let coded = promise.population.filters.sorted { $0.key < $1.key }.map { dimension, allowed in
            (position: dimension.position, codes: allowed.map { values.code(of: $0) })
        }
        var allowed = SIMD8<UInt64>()
        var filtered: UInt8 = 0
        if coded.allSatisfy({ $0.codes.allSatisfy { $0 < 64 } }) {
            for filter in coded {
                allowed[filter.position] = filter.codes.reduce(UInt64(0)) { $0 | 1 << $1 }
                filtered |= 1 << filter.position
            }
            wideFilters = []
        } else {
            wideFilters = coded
        }
        self.allowed = allowed
        self.filtered = filtered
        metric = promise.metric
        policyFilters = promise.options.slaPolicies.map { policy in
            policy.population.filters.map { dimension, allowed in
                (dimension.position, allowed.map { values.code(of: $0) })
            }
        }
        switch promise.target {
        case .attainment(let duration, _):
            limit = Double(duration.seconds)
            within = Int64(duration.seconds)
        case .statistic(_, let duration):
            limit = Double(duration.seconds)
            within = nil
        case .atLeast(let bound), .atMost(let bound):
            limit = bound
            within = nil
        }
        goodOutcome = promise.metric.higherIsBetter
    }

    /// Whether the row belongs to the promise's population.
    @inline(__always)
    func includes(_ row: ContactRow) -> Bool {
        var positions = filtered
        while positions != 0 {
            let position = positions.trailingZeroBitCount
            positions &= positions - 1
            let code = row.dimensions[position]
            guard code < 64, allowed[position] & 1 << code != 0 else { return false }
        }
        if wideFilters.isEmpty { return true }
        for filter in wideFilters where !filter.codes.contains(row.dimensions[filter.position]) { return false }
        return true
    }

    /// The row's sample by the promise's definition.
    func sample(of row: ContactRow, asOf: Timestamp) -> MetricSample {
        guard metric == .sla else { return definitions.sample(of: row, for: metric, clock: clock, asOf: asOf) }
        var row = row
        row.policyIndex =
            policyFilters.firstIndex { filters in
                filters.allSatisfy { $0.codes.contains(row.dimensions[$0.position]) }
            } ?? -1
        return definitions.sample(of: row, for: metric, clock: clock, asOf: asOf)
    }

}

extension PromiseTarget {
    /// The time limit of a duration target: its `within`, or its statistic's bound; `nil` for rates and scores.
    var limitSeconds: Double? {
        switch self {
        case .attainment(let within, _): Double(within.seconds)
        case .statistic(_, let bound): Double(bound.seconds)
        case .atLeast, .atMost: nil
        }
    }
}
