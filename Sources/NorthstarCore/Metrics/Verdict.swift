/// How a promise fared in a period.
public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    /// The whole 95% interval is on the right side of the target.
    case kept
    /// The 95% interval straddles the target: it may be kept or broken.
    case atRisk = "at-risk"
    /// The whole 95% interval is on the wrong side of the target.
    case broken
    /// Fewer samples than the promise's minimum: no verdict.
    case insufficient

    private var rank: Int {
        switch self {
        case .broken: 0
        case .atRisk: 1
        case .insufficient: 2
        case .kept: 3
        }
    }

    /// Orders worst first.
    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }

    /// The verdict for a value whose 95% interval is `interval`, against a bound that must not be exceeded
    /// (`atMost`) or must be reached (`atLeast`).
    static func judge(interval: (low: Double, high: Double), bound: Double, higherIsBetter: Bool) -> Verdict {
        if higherIsBetter {
            if interval.low >= bound { return .kept }
            if interval.high < bound { return .broken }
        } else {
            if interval.high <= bound { return .kept }
            if interval.low > bound { return .broken }
        }
        return .atRisk
    }
}
