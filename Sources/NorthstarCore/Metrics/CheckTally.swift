import Dispatch

/// The running totals of a check: every promise's samples, period by period, added one contact at a time so a
/// check over a file never holds the file. What it keeps grows with the samples (one number per duration, for
/// exact percentiles), a few counters per period, and the contacts whose samples still depend on the as-of time.
///
/// When the as-of time is not known before the data is read (no `--to`: it is the latest moment in the data),
/// a contact whose sample depends on it (still open; solved too recently for the reopen window) is set aside and
/// evaluated once all data is read. Everything else is counted at once, since the latest moment seen so far is
/// a lower bound of the final as-of time.
struct CheckTally {
    /// Identifies a row of an export, so a row replaced by a later copy of the same contact can be taken out again.
    typealias RowTag = UInt64

    /// A contact whose samples wait for the final as-of time.
    struct DeferredRow {
        var row: ContactRow
        var id: String
        var tag: RowTag
    }

    let charter: Charter
    let options: CheckEngine.Options
    /// The as-of time when it is known before the data is read (`--to`, or contacts already in memory).
    let fixedAsOf: Timestamp?
    /// Codes of population values.
    var values = ValueInterner()
    /// One per promise, in charter order.
    var promises: [PromiseTally]
    /// The promises' plans, in the same order.
    private let plans: [PromisePlan]
    /// The same plans unretained: `plans` keeps them alive, and the per-contact loop then borrows them without
    /// the retain and release that a strong reference costs for every contact and promise.
    private let borrowedPlans: [Unmanaged<PromisePlan>]
    /// Whether a promise is an SLA, whose targets of an open contact depend on the as-of time.
    private let hasServiceLevels: Bool
    /// The latest moment of any contact added.
    var latest = Timestamp(seconds: 0)
    /// Contacts set aside until the as-of time is known.
    var deferred: [DeferredRow] = []
    private var deferredLimit = 1 << 16
    private var samples: [MetricSample] = []

    init(charter: Charter, options: CheckEngine.Options, asOf: Timestamp?) {
        self.charter = charter
        self.options = options
        self.fixedAsOf = asOf
        var values = ValueInterner()
        plans = charter.promises.map { PromisePlan($0, charter: charter, options: options, values: &values) }
        promises = plans.map(PromiseTally.init)
        borrowedPlans = plans.map { Unmanaged.passUnretained($0) }
        hasServiceLevels = plans.contains { $0.metric == .sla }
        self.values = values
    }

    /// The as-of time: fixed, or the latest moment read so far (final once all data is read).
    var asOf: Timestamp { fixedAsOf ?? latest }

    /// Adds a contact held in memory.
    mutating func add(_ contact: Contact, tag: RowTag = 0) {
        let row = ContactRow(contact, values: &values)
        var id = contact.id
        id.withUTF8 { add(row, id: UnsafeRawBufferPointer($0), tag: tag) }
    }

    /// Adds one contact: its samples are counted now, or it is set aside while they depend on the as-of time.
    mutating func add(_ row: ContactRow, id: UnsafeRawBufferPointer, tag: RowTag) {
        let moment = row.latestMoment
        if moment > latest { latest = moment }
        computeSamples(of: row)
        if fixedAsOf == nil, dependsOnAsOf(row) {
            deferred.append(DeferredRow(row: row, id: String(decoding: id, as: UTF8.self), tag: tag))
            if deferred.count >= deferredLimit { settleDeferred() }
            return
        }
        count(row, id: id, tag: tag, sign: 1)
    }

    /// Takes out a contact counted before, as a later row of the same contact replaces it. The samples of a
    /// counted row never depend on the as-of time, so computing them again gives what was added.
    mutating func retract(_ row: ContactRow, id: UnsafeRawBufferPointer, tag: RowTag) {
        computeSamples(of: row)
        count(row, id: id, tag: tag, sign: -1)
    }

    /// Counts the set-aside contacts whose samples no longer depend on the as-of time.
    private mutating func settleDeferred() {
        let waiting = deferred
        deferred = []
        for entry in waiting {
            computeSamples(of: entry.row)
            if dependsOnAsOf(entry.row) {
                deferred.append(entry)
            } else {
                var id = entry.id
                id.withUTF8 { count(entry.row, id: UnsafeRawBufferPointer($0), tag: entry.tag, sign: 1) }
            }
        }
        // Do not sweep again before the list has grown as much again.
        deferredLimit = max(1 << 16, deferred.count * 2)
    }

    /// Whether the samples just computed for `row` may still change with the as-of time.
    private func dependsOnAsOf(_ row: ContactRow) -> Bool {
        samples.contains(where: \.dependsOnAsOf) || (hasServiceLevels && row.resolvedAt == nil)
    }

    /// Fills `samples` with the row's sample for each promise (`excluded` outside its population).
    private mutating func computeSamples(of row: ContactRow) {
        var buffer: [MetricSample] = []
        swap(&buffer, &samples)
        buffer.removeAll(keepingCapacity: true)
        Self.fill(&buffer, plans: borrowedPlans, row: row, asOf: asOf)
        swap(&buffer, &samples)
    }

    private static func fill(
        _ samples: inout [MetricSample],
        plans: [Unmanaged<PromisePlan>],
        row: ContactRow,
        asOf: Timestamp
    ) {
        for plan in plans {
            let sample = plan._withUnsafeGuaranteedRef { plan in
                plan.includes(row) ? plan.sample(of: row, asOf: asOf) : .excluded("")
            }
            samples.append(sample)
        }
    }

    private mutating func count(_ row: ContactRow, id: UnsafeRawBufferPointer, tag: RowTag, sign: Int) {
        let asOf = self.asOf
        let samples = self.samples
        promises.withUnsafeMutableBufferPointer { promises in
            for index in promises.indices {
                promises[index].take(samples[index], of: row, id: id, tag: tag, asOf: asOf, sign: sign)
            }
        }
    }

    /// Counts every contact still set aside, at the final as-of time; `skip` says which were replaced since.
    mutating func finish(skipping skip: Set<RowTag> = []) {
        let waiting = deferred
        deferred = []
        for entry in waiting where !skip.contains(entry.tag) {
            computeSamples(of: entry.row)
            var id = entry.id
            id.withUTF8 { count(entry.row, id: UnsafeRawBufferPointer($0), tag: entry.tag, sign: 1) }
        }
    }

    /// Adds the totals of a tally over a later part of the same data; its value codes are translated.
    mutating func merge(_ other: CheckTally) {
        latest = max(latest, other.latest)
        var translation: [UInt32] = [0]
        for value in other.values.values { translation.append(values.code(of: value)) }
        func translate(_ codes: SIMD8<UInt32>) -> SIMD8<UInt32> {
            var result = SIMD8<UInt32>()
            for position in 0..<8 { result[position] = translation[Int(codes[position])] }
            return result
        }
        for index in promises.indices {
            promises[index].merge(other.promises[index], translate: { translation[Int($0)] })
        }
        for var entry in other.deferred {
            entry.row.dimensions = translate(entry.row.dimensions)
            deferred.append(entry)
        }
    }

    /// The report, once all data is counted and ``finish(skipping:)`` has run.
    func report(imports: [ImportReport]) -> CheckReport {
        let asOf = self.asOf
        let input = CheckReport.Input(
            rowsRead: imports.reduce(0) { $0 + $1.rowsRead },
            accepted: imports.reduce(0) { $0 + $1.accepted },
            rejected: imports.reduce(0) { $0 + $1.rejected },
            duplicates: imports.reduce(0) { $0 + $1.duplicates },
            files: imports.map {
                CheckReport.FileSummary(
                    file: $0.file,
                    format: $0.format,
                    rowsRead: $0.rowsRead,
                    accepted: $0.accepted,
                    rejectedByReason: $0.rejectedByReason
                )
            }
        )
        return CheckReport(
            organization: charter.organization,
            asOf: asOf.description,
            promises: results(asOf: asOf),
            definitions: CheckEngine.definitions,
            input: input
        )
    }
}

extension CheckTally {
    /// Each promise's result, worked out on all cores at once: sorting every period's durations is most of it.
    private func results(asOf: Timestamp) -> [CheckReport.PromiseResult] {
        let slots = UnsafeMutableBufferPointer<CheckReport.PromiseResult?>.allocate(capacity: promises.count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let shared = UncheckedShare((promises, values, slots))
        DispatchQueue.concurrentPerform(iterations: promises.count) { index in
            let (promises, values, slots) = shared.value
            slots[index] = promises[index].result(asOf: asOf, values: values)
        }
        return slots.compactMap { $0 }
    }
}

/// A value handed to `concurrentPerform`'s iterations, each of which reads it or writes its own slot.
struct UncheckedShare<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

extension MetricSample {
    /// Whether the sample may change with the as-of time: still running, or not yet past the reopen window.
    var dependsOnAsOf: Bool {
        switch self {
        case .pending, .notMatured: true
        case .several(let parts): parts.contains(where: \.dependsOnAsOf)
        case .duration, .outcome, .recommendation, .score, .unanswered, .excluded: false
        }
    }
}
