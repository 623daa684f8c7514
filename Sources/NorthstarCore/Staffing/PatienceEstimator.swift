/// The mean patience of callers, estimated from what the data shows: how long each waited and who gave up.
///
/// With exponential patience of rate θ, a caller who abandons after waiting w contributes θ·e^(−θw) to the
/// likelihood and a caller answered after w (whose patience is censored at w) contributes e^(−θw). The
/// maximum-likelihood estimate is θ̂ = abandons / Σ waits, so the mean patience is
/// **total waiting time of every caller / number of abandons** (waits of answered callers included).
public struct PatienceEstimator: Sendable {
    /// The total time every caller spent waiting, answered or not, in seconds.
    public private(set) var totalWaitSeconds = 0.0
    /// The callers who abandoned.
    public private(set) var abandons = 0
    /// Every caller counted.
    public private(set) var callers = 0

    /// An empty estimator.
    public init() {}

    /// Counts one caller who waited `waitSeconds` and then was answered or abandoned.
    public mutating func add(waitSeconds: Double, abandoned: Bool) {
        guard waitSeconds.isFinite, waitSeconds >= 0 else { return }
        totalWaitSeconds += waitSeconds
        callers += 1
        if abandoned { abandons += 1 }
    }

    /// The estimated mean patience in seconds; `nil` until someone abandons (the data cannot tell how
    /// patient callers are when none gave up).
    public var meanPatienceSeconds: Double? {
        guard abandons > 0, totalWaitSeconds > 0 else { return nil }
        return totalWaitSeconds / Double(abandons)
    }
}
