#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A discrete-event simulation of M/M/c+M (Poisson arrivals, exponential handle times and patience, first come,
/// first served), to check the closed forms against something that shares none of their algebra.
///
/// Every rate is exponential, so the next event is drawn from the total rate λ + busy·μ + queued·θ and its
/// kind in proportion to the three (the Gillespie method); an abandonment picks a waiting caller uniformly,
/// which is exactly how independent exponential patience behaves. Each caller's wait is measured from its own
/// arrival. Independent replications, each after a warm-up, give means and Student t 95% intervals.
/// Deterministic: the same seed gives the same numbers on every machine.
public struct QueueSimulation: Sendable {
    /// The interval simulated: arrival rate, handle time and patience (none: nobody abandons).
    public let interval: StaffingInterval
    /// The servers.
    public let servers: Int
    /// The answer-time target of the service level, in seconds.
    public let answerWithinSeconds: Double
    /// Independent replications (at least 2).
    public let replications: Int
    /// Callers measured in each replication.
    public let contactsPerReplication: Int
    /// Callers simulated before measuring, in each replication.
    public let warmUpContacts: Int
    /// The seed of the random stream.
    public let seed: UInt64

    /// Creates a simulation. - Precondition: `servers` ≥ 1, `replications` ≥ 2, `contactsPerReplication` ≥ 1.
    public init(
        interval: StaffingInterval,
        servers: Int,
        answerWithinSeconds: Double,
        replications: Int = 20,
        contactsPerReplication: Int = 20_000,
        warmUpContacts: Int = 2_000,
        seed: UInt64 = 1
    ) {
        precondition(servers >= 1 && replications >= 2 && contactsPerReplication >= 1, "Invalid simulation size.")
        self.interval = interval
        self.servers = servers
        self.answerWithinSeconds = answerWithinSeconds
        self.replications = replications
        self.contactsPerReplication = contactsPerReplication
        self.warmUpContacts = warmUpContacts
        self.seed = seed
    }

    /// One measure: the mean over replications and its 95% confidence interval.
    public struct Estimate: Sendable, Hashable, Codable {
        /// The mean of the replications' values.
        public let mean: Double
        /// The lower end of the 95% interval.
        public let low: Double
        /// The upper end of the 95% interval.
        public let high: Double

        /// Whether `value` lies inside the interval.
        public func contains(_ value: Double) -> Bool { value >= low && value <= high }
    }

    /// What the simulation measured.
    public struct Result: Sendable, Hashable, Codable {
        /// Callers who found every server busy, over all callers.
        public let waitProbability: Estimate
        /// Callers answered within the target time, over all callers.
        public let serviceLevel: Estimate
        /// Callers who abandoned, over all callers.
        public let abandonment: Estimate
        /// The mean wait of answered callers, in seconds.
        public let asaSeconds: Estimate
    }

    /// Runs every replication.
    public func run() -> Result {
        var waits: [Double] = []
        var levels: [Double] = []
        var abandons: [Double] = []
        var speeds: [Double] = []
        for replication in 0..<replications {
            let tally = runReplication(seed: seed &+ UInt64(replication) &* 0xD1B5_4A32_D192_ED03)
            waits.append(tally.waitProbability)
            levels.append(tally.serviceLevel)
            abandons.append(tally.abandonment)
            speeds.append(tally.asa)
        }
        func estimate(_ values: [Double]) -> Estimate {
            let interval = Statistics.meanInterval(values: values) ?? (values[0], values[0])
            return Estimate(mean: Statistics.mean(values), low: interval.low, high: interval.high)
        }
        return Result(
            waitProbability: estimate(waits),
            serviceLevel: estimate(levels),
            abandonment: estimate(abandons),
            asaSeconds: estimate(speeds)
        )
    }

    private struct Tally {
        var waitProbability: Double
        var serviceLevel: Double
        var abandonment: Double
        var asa: Double
    }

    private func runReplication(seed: UInt64) -> Tally {
        var random = SplitMix64(seed: seed)
        let arrivalRate = interval.contacts / interval.intervalSeconds
        let serviceRate = 1 / interval.handleTimeSeconds
        let abandonRate = interval.patienceSeconds.map { 1 / $0 } ?? 0
        let firstTracked = warmUpContacts
        let endTracked = warmUpContacts + contactsPerReplication

        var now = 0.0
        var busy = 0
        var queue: [(arrival: Double, tracked: Bool)] = []
        var arrivals = 0
        var pendingTracked = 0
        var waited = 0
        var abandoned = 0
        var answered = 0
        var answeredWithin = 0
        var answeredWait = 0.0

        while arrivals < endTracked || pendingTracked > 0 {
            let serviceTotal = Double(busy) * serviceRate
            let abandonTotal = Double(queue.count) * abandonRate
            let total = arrivalRate + serviceTotal + abandonTotal
            now += -log1p(-random.unit()) / total
            let pick = random.unit() * total
            if pick < arrivalRate {
                let tracked = arrivals >= firstTracked && arrivals < endTracked
                arrivals += 1
                if busy < servers {
                    busy += 1
                    if tracked {
                        answered += 1
                        answeredWithin += 1
                    }
                } else {
                    queue.append((now, tracked))
                    if tracked {
                        waited += 1
                        pendingTracked += 1
                    }
                }
            } else if pick < arrivalRate + serviceTotal {
                guard !queue.isEmpty else {
                    busy -= 1
                    continue
                }
                let next = queue.removeFirst()
                guard next.tracked else { continue }
                let wait = now - next.arrival
                pendingTracked -= 1
                answered += 1
                answeredWait += wait
                if wait <= answerWithinSeconds { answeredWithin += 1 }
            } else {
                let index = min(queue.count - 1, Int(random.unit() * Double(queue.count)))
                let leaving = queue.remove(at: index)
                if leaving.tracked {
                    pendingTracked -= 1
                    abandoned += 1
                }
            }
        }
        let callers = Double(contactsPerReplication)
        return Tally(
            waitProbability: Double(waited) / callers,
            serviceLevel: Double(answeredWithin) / callers,
            abandonment: Double(abandoned) / callers,
            asa: answered > 0 ? answeredWait / Double(answered) : 0
        )
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, and the same stream everywhere.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
