/// What a staffing must achieve: every target given must hold at once.
public struct StaffingTargets: Sendable, Hashable {
    /// The share of offered contacts answered within ``answerWithinSeconds`` (0…1), or `nil` for none.
    ///
    /// With abandonment (Erlang A) this counts contacts answered within the time over all offered ones, so
    /// a caller who hangs up counts as missed.
    public let serviceLevel: Double?
    /// The answer-time target of the service level, in seconds.
    public let answerWithinSeconds: Double
    /// The highest average speed of answer (answered contacts only), in seconds, or `nil`.
    public let maxASASeconds: Double?
    /// The highest share of callers who abandon (0…1), or `nil`; needs a patience.
    public let maxAbandonment: Double?
    /// The highest agent occupancy (0…1), or `nil` for none.
    public let maxOccupancy: Double?
    /// The share of paid time agents are not available to answer (breaks, training, absence), 0…1.
    public let shrinkage: Double

    /// Creates targets, checking every input.
    ///
    /// - Throws: ``StaffingError`` with ``StaffingError/Code/invalidInput`` for a share outside its range
    ///   (a service level above 100%, an occupancy cap of 0, a shrinkage of 100%), or a negative time.
    public init(
        serviceLevel: Double? = nil,
        answerWithinSeconds: Double = 0,
        maxASASeconds: Double? = nil,
        maxAbandonment: Double? = nil,
        maxOccupancy: Double? = nil,
        shrinkage: Double = 0
    ) throws {
        if let serviceLevel, !(serviceLevel > 0 && serviceLevel <= 1) {
            throw Self.invalid("The service level is \(percent(serviceLevel)); it must be above 0% and at most 100%.")
        }
        guard answerWithinSeconds.isFinite, answerWithinSeconds >= 0 else {
            throw Self.invalid("The answer time is \(answerWithinSeconds) s; it must be zero or more, e.g. 20s.")
        }
        if let maxASASeconds, !(maxASASeconds.isFinite && maxASASeconds > 0) {
            throw Self.invalid("The maximum ASA is \(maxASASeconds) s; it must be above zero, e.g. 30s.")
        }
        if let maxAbandonment, !(maxAbandonment > 0 && maxAbandonment <= 1) {
            throw Self.invalid(
                "The maximum abandonment is \(percent(maxAbandonment)); it must be above 0% and at most 100%."
            )
        }
        if let maxOccupancy, !(maxOccupancy > 0 && maxOccupancy <= 1) {
            throw Self.invalid(
                "The occupancy cap is \(percent(maxOccupancy)); it must be above 0% and at most 100%, e.g. 85%."
            )
        }
        guard shrinkage >= 0, shrinkage < 1 else {
            throw Self.invalid("The shrinkage is \(percent(shrinkage)); it must be at least 0% and below 100%.")
        }
        self.serviceLevel = serviceLevel
        self.answerWithinSeconds = answerWithinSeconds
        self.maxASASeconds = maxASASeconds
        self.maxAbandonment = maxAbandonment
        self.maxOccupancy = maxOccupancy
        self.shrinkage = shrinkage
    }

    private static func invalid(_ message: String) -> StaffingError {
        StaffingError(code: .invalidInput, message: message)
    }
}

private func percent(_ share: Double) -> String {
    guard share.isFinite else { return "\(share)" }
    let value = (share * 1000).rounded() / 10
    return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
}
