#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The queueing model of one interval: Erlang C (M/M/c) when callers never give up, Erlang A (M/M/c+M) when
/// they abandon after an exponentially distributed patience.
///
/// Arrivals are Poisson, handle times exponential, service first come, first served. See `docs/staffing.md`
/// for every formula.
public struct StaffingModel: Sendable {
    /// The interval being staffed.
    public let interval: StaffingInterval
    /// The offered load in Erlangs.
    let load: Double
    /// The offered load, exactly.
    let exactLoad: ExactRatio

    /// Creates the model of an interval.
    public init(_ interval: StaffingInterval) {
        self.interval = interval
        self.exactLoad = interval.exactLoad
        self.load = exactLoad.doubleValue
    }

    /// The queue's performance with `servers` servers, the service level measured at `answerWithinSeconds`.
    ///
    /// - Precondition: `servers` ≥ 1 and `answerWithinSeconds` ≥ 0.
    public func performance(servers: Int, answerWithinSeconds: Double) -> StaffingPerformance {
        precondition(servers >= 1 && answerWithinSeconds >= 0, "Needs at least one server and a time ≥ 0.")
        return performance(
            servers: servers,
            blocking: Erlang.blocking(servers: servers, load: load),
            answerWithin: answerWithinSeconds
        )
    }

    /// The performance given Erlang B at `servers`, which a search carries from one count to the next.
    func performance(servers: Int, blocking: Double, answerWithin t: Double) -> StaffingPerformance {
        if let patience = interval.patienceSeconds {
            return erlangA(servers: servers, blocking: blocking, answerWithin: t, patience: patience)
        }
        return erlangC(servers: servers, blocking: blocking, answerWithin: t)
    }

    /// Erlang C: P(wait) = C, SL(t) = 1 − C·e^(−(c − A)·t / AHT), ASA = C·AHT / (c − A), occupancy A / c.
    func erlangC(servers c: Int, blocking: Double, answerWithin t: Double) -> StaffingPerformance {
        let handle = interval.handleTimeSeconds
        guard exactLoad < ExactRatio(c) else {
            return StaffingPerformance(
                servers: c,
                waitProbability: 1,
                serviceLevel: 0,
                answeredServiceLevel: 0,
                waitWithinTarget: 0,
                asaSeconds: .infinity,
                meanWaitSeconds: .infinity,
                abandonment: 0,
                occupancy: 1
            )
        }
        let spare = Double(c) - load
        let wait = Erlang.waitProbability(servers: c, load: load, blocking: blocking)
        let serviceLevel = 1 - wait * exp(-spare * t / handle)
        let asa = wait * handle / spare
        return StaffingPerformance(
            servers: c,
            waitProbability: wait,
            serviceLevel: serviceLevel,
            answeredServiceLevel: serviceLevel,
            waitWithinTarget: serviceLevel,
            asaSeconds: asa,
            meanWaitSeconds: asa,
            abandonment: 0,
            occupancy: load / Double(c)
        )
    }
}
