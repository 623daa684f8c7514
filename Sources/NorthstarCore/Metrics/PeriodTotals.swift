/// What one period (or one slice of a period) of a promise has counted: its durations, outcome counts, NPS
/// answers, and the first contacts that missed.
struct PeriodTotals {
    var durations: [Double] = []
    /// Durations taken out again (a contact replaced by a later row of itself); removed when summarized.
    var removedDurations: [Double] = []
    var successes = 0
    var trials = 0
    var promoters = 0
    var passives = 0
    var detractors = 0
    var closedHours = 0
    var lateOpen = 0
    /// The first missed contacts in the order of the data (by row tag), a few more than are listed so that a
    /// contact taken out again leaves the list full.
    var breaches: [(tag: UInt64, id: String)] = []
    var breachCount = 0
    /// Answers on a scale (CSAT judged by its mean score).
    var scores: [Double] = []
    /// Solved contacts without a CSAT answer, for the response rate.
    var unanswered = 0
    private static let breachesKept = CheckEngine.maximumBreachesListed + 14

    /// The ids of the first missed contacts, as reports list them.
    var breachIDs: [String] { breaches.prefix(CheckEngine.maximumBreachesListed).map(\.id) }

    /// Counts (`sign` 1) or takes out (`sign` −1) one sample. `limit` is the duration a sample may take (the
    /// `within`, or the statistic's bound; for a score, the `atLeast`/`atMost` bound) and `goodOutcome` the outcome that keeps a rate promise: plain values,
    /// not the promise, because this runs once per contact and promise.
    mutating func add(
        _ sample: MetricSample,
        id: UnsafeRawBufferPointer,
        tag: UInt64,
        limit: Double?,
        goodOutcome: Bool,
        sign: Int = 1
    ) {
        switch sample {
        case .duration(let seconds, _, let closed):
            if sign > 0 { durations.append(seconds) } else { removedDurations.append(seconds) }
            if closed { closedHours += sign }
            if let limit, seconds > limit { breach(id, tag: tag, sign: sign) }
        case .outcome(let value, _):
            trials += sign
            if value { successes += sign }
            if value != goodOutcome { breach(id, tag: tag, sign: sign) }
        case .recommendation(let score, _):
            if score >= 9 {
                promoters += sign
            } else if score >= 7 {
                passives += sign
            } else {
                detractors += sign
                breach(id, tag: tag, sign: sign)
            }
        case .score(let value, _):
            if sign > 0 {
                scores.append(value)
            } else if let index = scores.lastIndex(of: value) {
                scores.remove(at: index)
            }
            if let limit, goodOutcome ? value < limit : value > limit { breach(id, tag: tag, sign: sign) }
        case .unanswered:
            unanswered += sign
        case .pending, .several, .notMatured, .excluded:
            break
        }
    }

    /// Counts an open contact already past its limit, with the time it has run so far.
    mutating func addLate(seconds: Double, id: UnsafeRawBufferPointer, tag: UInt64, sign: Int = 1) {
        if sign > 0 { durations.append(seconds) } else { removedDurations.append(seconds) }
        lateOpen += sign
        breach(id, tag: tag, sign: sign)
    }

    private mutating func breach(_ id: UnsafeRawBufferPointer, tag: UInt64, sign: Int) {
        breachCount += sign
        // Where the tag belongs: the list stays in the order of the data.
        var low = 0
        var high = breaches.count
        while low < high {
            let middle = (low + high) / 2
            if breaches[middle].tag < tag { low = middle + 1 } else { high = middle }
        }
        let present = low < breaches.count && breaches[low].tag == tag
        if sign < 0 {
            if present { breaches.remove(at: low) }
            return
        }
        // A contact with several samples (next reply) is listed once.
        guard !present, low < Self.breachesKept else { return }
        breaches.insert((tag, String(decoding: id, as: UTF8.self)), at: low)
        if breaches.count > Self.breachesKept { breaches.removeLast() }
    }

    /// Adds the totals of a later part of the same data.
    mutating func merge(_ other: PeriodTotals) {
        durations += other.durations
        removedDurations += other.removedDurations
        successes += other.successes
        trials += other.trials
        promoters += other.promoters
        passives += other.passives
        detractors += other.detractors
        closedHours += other.closedHours
        lateOpen += other.lateOpen
        breachCount += other.breachCount
        scores += other.scores
        unanswered += other.unanswered
        breaches = Array((breaches + other.breaches).sorted { $0.tag < $1.tag }.prefix(Self.breachesKept))
    }

    /// The durations counted, ascending, without those taken out again.
    func sortedDurations() -> [Double] {
        let sorted = RadixSort.sorted(durations)
        guard !removedDurations.isEmpty else { return sorted }
        var removed = removedDurations.sorted()[...]
        var kept: [Double] = []
        kept.reserveCapacity(sorted.count - removed.count)
        for value in sorted {
            if let first = removed.first, first == value {
                removed.removeFirst()
            } else {
                kept.append(value)
            }
        }
        return kept
    }
}
