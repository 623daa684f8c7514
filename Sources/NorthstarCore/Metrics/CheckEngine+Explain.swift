/// One contact behind a promise's number, as `northstar check --explain` lists it.
public struct ExplainedSample: Sendable, Codable {
    /// The contact.
    public var id: String
    /// When the contact was created (RFC 3339).
    public var created: String
    /// The completion event the sample is counted at (RFC 3339), when there is one.
    public var completed: String?
    /// The period the sample counts in.
    public var period: String?
    /// The measured seconds on the promise's clock (durations), the 0–10 answer (NPS), the answer on the CSAT scale
    /// (a mean-score CSAT), or 1/0 (outcomes).
    public var value: Double?
    /// Whether the sample keeps the promise; `nil` when it is not counted.
    public var met: Bool?
    /// Whether it is counted in the number.
    public var counted: Bool
    /// Why it is excluded, or a note (paused time, closed hours, still open and late).
    public var note: String?
}

extension CheckEngine {
    /// Every contact of the promise's population with what it contributes, or why it does not, for the period
    /// labelled `periodLabel` (every period when `nil`): misses first, then the rest in time order. Excluded and
    /// not-yet-late contacts are listed in the period they were created in.
    public func explain(_ promiseID: String, contacts: [Contact], periodLabel: String?) -> [ExplainedSample]? {
        guard let promise = charter.promises.first(where: { $0.id == promiseID }) else { return nil }
        let asOf = options.to ?? contacts.reduce(Timestamp(seconds: 0)) { max($0, $1.latestMoment) }
        var clock: BusinessClock?
        if case .business(let name) = promise.clock, let calendar = charter.calendar(named: name) {
            clock = BusinessClock(calendar: calendar)
        }
        let periods = PeriodCalendar(
            timeZoneIdentifier: charter.timeZoneIdentifier,
            period: options.period ?? promise.period
        )
        let definitions = MetricDefinitions(options: promise.options, limitSeconds: promise.target.limitSeconds)
        var limit: Double?
        switch promise.target {
        case .attainment(let within, _): limit = Double(within.seconds)
        case .statistic(_, let bound): limit = Double(bound.seconds)
        case .atLeast(let bound), .atMost(let bound): limit = bound
        }
        func label(_ instant: Timestamp) -> String? {
            options.total ? "total" : periods?.period(containing: instant).label
        }
        var rows: [ExplainedSample] = []
        func add(_ sample: MetricSample, _ contact: Contact) {
            let created = contact.createdAt.description
            switch sample {
            case .duration(let seconds, let at, let closed):
                let met = limit.map { seconds <= $0 }
                let paused = !contact.pauses.isEmpty && promise.metric == .resolution && promise.options.subtractPauses
                let note = closed ? "arrived and completed while closed" : paused ? "paused time removed" : nil
                rows.append(
                    .init(
                        id: contact.id,
                        created: created,
                        completed: at.description,
                        period: label(at),
                        value: seconds,
                        met: met,
                        counted: true,
                        note: note
                    )
                )
            case .outcome(let value, let at):
                rows.append(
                    .init(
                        id: contact.id,
                        created: created,
                        completed: at.description,
                        period: label(at),
                        value: value ? 1 : 0,
                        met: value == promise.metric.higherIsBetter,
                        counted: true,
                        note: nil
                    )
                )
            case .recommendation(let score, let at):
                rows.append(
                    .init(
                        id: contact.id,
                        created: created,
                        completed: at.description,
                        period: label(at),
                        value: Double(score),
                        met: score >= 7,
                        counted: true,
                        note: score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor"
                    )
                )
            case .score(let value, let at):
                let higher = promise.metric.higherIsBetter
                rows.append(
                    .init(
                        id: contact.id,
                        created: created,
                        completed: at.description,
                        period: label(at),
                        value: value,
                        met: limit.map { higher ? value >= $0 : value <= $0 },
                        counted: true,
                        note: nil
                    )
                )
            case .unanswered(let solvedAt):
                rows.append(
                    .init(
                        id: contact.id,
                        created: created,
                        completed: solvedAt.description,
                        period: label(solvedAt),
                        value: nil,
                        met: nil,
                        counted: false,
                        note: "solved without a satisfaction answer: counted in the response rate only"
                    )
                )
            case .pending(let since, _):
                let waited = Double(
                    clock.map { $0.businessSeconds(from: since, to: asOf) } ?? (asOf.seconds - since.seconds)
                )
                let late = limit.map { waited > $0 } ?? false
                rows.append(
                    .init(
                        id: contact.id,
                        created: created,
                        completed: nil,
                        period: label(late ? asOf : since),
                        value: waited,
                        met: late ? false : nil,
                        counted: late
                            && { if case .attainment = promise.target { return true } else { return false } }(),
                        note: late ? "still open and late" : "still open, not late yet"
                    )
                )
            case .several(let parts):
                for part in parts { add(part, contact) }
            case .excluded(let reason), .notMatured(let reason):
                rows.append(
                    .init(
                        id: contact.id,
                        created: created,
                        completed: nil,
                        period: label(contact.createdAt),
                        value: nil,
                        met: nil,
                        counted: false,
                        note: reason
                    )
                )
            }
        }
        for contact in contacts where promise.population.contains({ contact.value(of: $0) }) {
            add(definitions.sample(of: contact, for: promise.metric, clock: clock, asOf: asOf), contact)
        }
        if let periodLabel { rows = rows.filter { $0.period == periodLabel } }
        return rows.sorted { lhs, rhs in
            let left = lhs.met == false ? 0 : lhs.counted ? 1 : 2
            let right = rhs.met == false ? 0 : rhs.counted ? 1 : 2
            return (left, lhs.completed ?? lhs.created, lhs.id) < (right, rhs.completed ?? rhs.created, rhs.id)
        }
    }
}
