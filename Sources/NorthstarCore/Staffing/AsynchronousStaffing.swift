/// Staffing for an asynchronous channel (email, tickets, messages answered later): enough handling capacity
/// to clear each interval's arrivals within the response target.
///
/// The model is a fluid one: the interval's workload W = contacts × handle time must be worked within the
/// window T = min(response target, interval length), so agents = ⌈W / (T × occupancy cap)⌉. A target shorter
/// than the interval treats the arrivals as a batch to clear within the target (the worst case, all arriving
/// together); a target longer than the interval still needs the interval's workload each interval, or the
/// backlog grows without bound. There is no queueing formula: waits are set by the planner's ordering, not
/// by chance.
public enum AsynchronousStaffing {
    /// The agents and scheduled heads for one interval of an asynchronous channel, computed exactly.
    ///
    /// - Throws: ``StaffingError`` with ``StaffingError/Code/invalidInput`` for a volume, handle time,
    ///   interval or response target that is not positive, or a cap or shrinkage outside its range.
    public static func requirement(
        _ interval: StaffingInterval,
        respondWithinSeconds: Double,
        maxOccupancy: Double = 1,
        shrinkage: Double = 0
    ) throws -> StaffingRequirement {
        guard respondWithinSeconds.isFinite, respondWithinSeconds > 0 else {
            throw StaffingError(
                code: .invalidInput,
                message: "The response target is \(respondWithinSeconds) s; it must be above zero, e.g. 4h."
            )
        }
        let targets = try StaffingTargets(maxOccupancy: maxOccupancy, shrinkage: shrinkage)
        let window = ExactRatio(approximating: min(respondWithinSeconds, interval.intervalSeconds))
        let workload =
            ExactRatio(approximating: interval.contacts) * ExactRatio(approximating: interval.handleTimeSeconds)
        let servers = max(1, (workload / (window * ExactRatio(approximating: targets.maxOccupancy ?? 1))).ceiling)
        let agents = (servers + interval.concurrency - 1) / interval.concurrency
        let occupancy = (workload / window).doubleValue / Double(servers)
        let performance = StaffingPerformance(
            servers: servers,
            waitProbability: 0,
            serviceLevel: 1,
            answeredServiceLevel: 1,
            waitWithinTarget: 1,
            asaSeconds: 0,
            meanWaitSeconds: 0,
            abandonment: 0,
            occupancy: occupancy
        )
        return StaffingRequirement(
            servers: servers,
            agents: agents,
            scheduled: StaffingModel.scheduled(agents: agents, shrinkage: shrinkage),
            performance: performance
        )
    }
}
