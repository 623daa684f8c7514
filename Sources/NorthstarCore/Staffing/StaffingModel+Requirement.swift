extension StaffingModel {
    /// The smallest number of servers, agents and scheduled heads that meets every target at once.
    ///
    /// The search starts from a lower bound no staffing below can beat, then adds one server at a time,
    /// carrying Erlang B forward by its recursion, so each step costs O(1) plus the Erlang A series:
    /// - without abandonment, servers must exceed the load (c ≥ ⌊A⌋ + 1) and meet the occupancy cap
    ///   (c ≥ ⌈A / cap⌉), both computed exactly;
    /// - with abandonment, at most c/A of the offered contacts can be answered, so a service level s needs
    ///   c > s·A and an abandonment cap a needs c ≥ (1 − a)·A: staffing may be below the load.
    ///
    /// - Throws: ``StaffingError`` with ``StaffingError/Code/unattainable`` for a service level of 100%
    ///   (no finite staffing answers everyone within a time), or when no staffing up to ten times the load
    ///   plus a generous margin meets the targets.
    public func requirement(for targets: StaffingTargets) throws -> StaffingRequirement {
        if targets.serviceLevel == 1 {
            throw StaffingError(
                code: .unattainable,
                message:
                    "A service level of 100% needs infinitely many agents: no queue answers everyone within a "
                    + "time. Use a target such as 99%."
            )
        }
        let servers = try requiredServers(for: targets)
        let performance = performance(
            servers: servers,
            blocking: Erlang.blocking(servers: servers, load: load),
            answerWithin: targets.answerWithinSeconds
        )
        let concurrency = interval.concurrency
        let agents = (servers + concurrency - 1) / concurrency
        return StaffingRequirement(
            servers: servers,
            agents: agents,
            scheduled: Self.scheduled(agents: agents, shrinkage: targets.shrinkage),
            performance: performance
        )
    }

    /// ⌈agents / (1 − shrinkage)⌉ in exact arithmetic: 21 agents at 30% shrinkage is 30 heads, not 31.
    public static func scheduled(agents: Int, shrinkage: Double) -> Int {
        guard shrinkage > 0 else { return agents }
        return (ExactRatio(agents) / (ExactRatio(1) - ExactRatio(approximating: shrinkage))).ceiling
    }

    /// The smallest server count meeting the targets.
    func requiredServers(for targets: StaffingTargets) throws -> Int {
        let t = targets.answerWithinSeconds
        let lowerBound = lowerBound(for: targets)
        let limit = max(lowerBound, exactLoad.ceiling) * 10 + 1_000
        var blocking = Erlang.blocking(servers: lowerBound, load: load)
        var servers = lowerBound
        while servers <= limit {
            let performance = performance(servers: servers, blocking: blocking, answerWithin: t)
            if meets(targets, performance) { return servers }
            servers += 1
            blocking = Erlang.nextBlocking(blocking, servers: servers, load: load)
        }
        throw StaffingError(
            code: .unattainable,
            message: "No staffing up to \(limit) servers meets these targets; loosen the service level or the caps."
        )
    }

    /// A server count below which no staffing meets the targets.
    func lowerBound(for targets: StaffingTargets) -> Int {
        var bound = 1
        if let cap = targets.maxOccupancy {
            // Occupancy is A / c without abandonment; with it, the carried load is below A and the cap is
            // checked on the carried occupancy during the search.
            if interval.patienceSeconds == nil {
                bound = max(bound, (exactLoad / ExactRatio(approximating: cap)).ceiling)
            }
        }
        if interval.patienceSeconds == nil {
            return max(bound, exactLoad.floor + 1)
        }
        // Answered share ≤ c / A. A relative margin of 1e-12 keeps rounding from skipping the answer.
        var share = targets.serviceLevel ?? 0
        if let abandonment = targets.maxAbandonment { share = max(share, 1 - abandonment) }
        return max(bound, Int((load * share * (1 - 1e-12)).rounded(.down)))
    }

    /// Whether a performance meets every target given.
    func meets(_ targets: StaffingTargets, _ performance: StaffingPerformance) -> Bool {
        guard performance.isStable else { return false }
        if let level = targets.serviceLevel, performance.serviceLevel < level { return false }
        if let asa = targets.maxASASeconds, performance.asaSeconds > asa { return false }
        if let abandonment = targets.maxAbandonment, performance.abandonment > abandonment { return false }
        if let cap = targets.maxOccupancy {
            if interval.patienceSeconds == nil {
                // Exact: A / c ≤ cap ⇔ c ≥ A / cap, already the lower bound.
                if ExactRatio(approximating: cap) * ExactRatio(performance.servers) < exactLoad { return false }
            } else if performance.occupancy > cap {
                return false
            }
        }
        return true
    }
}
