import Foundation
import Testing

@testable import NorthstarCore

/// Quiet intervals, whole-number loads, 10,000 Erlangs and bad input. Expected values come from independent
/// methods written here: closed forms for one and two servers, and the birth–death chain of M/M/c+M summed
/// state by state in log space (no recursion, no series function), never from the code under test.
@Suite("Staffing edge cases")
struct StaffingEdgeCaseTests {
    @Test("a quiet interval of 0.01 Erlang is an M/M/1 queue: waits with probability ρ")
    func quietInterval() throws {
        // 1 contact in 30 minutes, 18 s each: A = 0.01.
        let interval = try StaffingInterval(contacts: 1, intervalSeconds: 1_800, handleTimeSeconds: 18)
        let model = StaffingModel(interval)
        let one = model.performance(servers: 1, answerWithinSeconds: 20)
        expectClose(one.waitProbability, 0.01, "P(wait), M/M/1")
        expectClose(one.serviceLevel, 1 - 0.01 * exp(-0.99 * 20 / 18), "SL, M/M/1")
        expectClose(one.asaSeconds, 0.01 * 18 / 0.99, "ASA, M/M/1")
        let requirement = try model.requirement(for: StaffingTargets(serviceLevel: 0.8, answerWithinSeconds: 20))
        #expect(requirement.agents == 1)
    }

    @Test("0.4 Erlang on two servers: C = 2ρ² / (1 + ρ)")
    func twoServers() throws {
        let interval = try StaffingInterval(contacts: 3, intervalSeconds: 1_800, handleTimeSeconds: 240)
        let rho = 0.2
        expectClose(
            StaffingModel(interval).performance(servers: 2, answerWithinSeconds: 0).waitProbability,
            2 * rho * rho / (1 + rho),
            "C(2, 0.4)"
        )
    }

    @Test(
        "a whole-number load needs more servers than the load, and matches the factorial formula",
        arguments: [1, 2, 10, 50]
    )
    func wholeNumberLoad(_ erlangs: Int) throws {
        let interval = try StaffingInterval(
            contacts: Double(erlangs * 10),
            intervalSeconds: 1_800,
            handleTimeSeconds: 180
        )
        let model = StaffingModel(interval)
        #expect(!model.performance(servers: erlangs, answerWithinSeconds: 20).isStable)
        let requirement = try model.requirement(for: StaffingTargets(serviceLevel: 0.01, answerWithinSeconds: 0))
        #expect(requirement.agents == erlangs + 1)
        let c = erlangs + 1
        expectClose(
            model.performance(servers: c, answerWithinSeconds: 0).waitProbability,
            directErlangC(servers: c, load: Double(erlangs)),
            "C(\(c), \(erlangs))"
        )
    }

    @Test("10,000 Erlangs: Erlang B and C match the Poisson sums, and the requirement is the smallest")
    func tenThousandErlangs() throws {
        let interval = try StaffingInterval(contacts: 100_000, intervalSeconds: 1_800, handleTimeSeconds: 180)
        let model = StaffingModel(interval)
        for servers in [9_900, 10_000, 10_050, 10_100] {
            expectClose(
                Erlang.blocking(servers: servers, load: 10_000),
                directErlangB(servers: servers, load: 10_000),
                "B(\(servers))",
                tolerance: 1e-9
            )
        }
        let targets = try StaffingTargets(serviceLevel: 0.8, answerWithinSeconds: 20)
        let agents = try model.requirement(for: targets).agents
        func serviceLevel(_ c: Int) -> Double {
            1 - directErlangC(servers: c, load: 10_000) * exp(-(Double(c) - 10_000) * 20 / 180)
        }
        #expect(serviceLevel(agents) >= 0.8)
        #expect(serviceLevel(agents - 1) < 0.8)
    }

    @Test(
        "Erlang A matches the birth–death chain summed state by state",
        arguments: [
            // (load, servers, patience / handle time): quiet, near, below and far below the load, long patience
            (0.01, 1, 1.0),
            (0.4, 1, 0.25),
            (12.0, 12, 2.0 / 3),
            (100.0, 96, 2.0 / 3),
            (100.0, 70, 0.5),
            (1_000.0, 990, 2.0),
            (50.0, 55, 40.0),
        ]
    )
    func erlangAAgainstChain(_ load: Double, _ servers: Int, _ patienceRatio: Double) throws {
        let handle = 180.0
        let interval = try StaffingInterval(
            contacts: load * 10,
            intervalSeconds: 1_800,
            handleTimeSeconds: handle,
            patienceSeconds: patienceRatio * handle
        )
        let performance = StaffingModel(interval).performance(servers: servers, answerWithinSeconds: 20)
        let chain = BirthDeathChain(load: load, servers: servers, patienceRatio: patienceRatio)
        let label = "A=\(load), c=\(servers)"
        expectClose(performance.waitProbability, chain.waitProbability, label, tolerance: 1e-9)
        expectClose(performance.abandonment, chain.abandonment, label, tolerance: 1e-9)
        expectClose(performance.occupancy, chain.occupancy, label, tolerance: 1e-9)
    }

    @Test("concurrency divides servers among agents, rounding up")
    func concurrency() throws {
        let interval = try StaffingInterval(
            contacts: 240,
            intervalSeconds: 1_800,
            handleTimeSeconds: 360,
            concurrency: 3
        )
        let requirement = try StaffingModel(interval)
            .requirement(for: StaffingTargets(serviceLevel: 0.9, answerWithinSeconds: 30, maxOccupancy: 0.9))
        // The oracle's O4 case needs 56 servers; three chats each is ⌈56 / 3⌉ = 19 agents.
        #expect(requirement.servers == 56)
        #expect(requirement.agents == 19)
    }

    @Test("email clears each interval's workload within the response target")
    func asynchronous() throws {
        // 90 emails of 4 minutes in an hour: 360 minutes of work.
        let interval = try StaffingInterval(contacts: 90, intervalSeconds: 3_600, handleTimeSeconds: 240)
        // Within 30 minutes: 360 / 30 = 12 agents; within 4 hours the hour's work still needs 6.
        #expect(try AsynchronousStaffing.requirement(interval, respondWithinSeconds: 1_800).agents == 12)
        #expect(try AsynchronousStaffing.requirement(interval, respondWithinSeconds: 14_400).agents == 6)
        // At most 80% busy: 6 / 0.8 = 7.5 → 8, then 30% shrinkage: 8 / 0.7 = 11.43 → 12 heads.
        let capped = try AsynchronousStaffing.requirement(
            interval,
            respondWithinSeconds: 14_400,
            maxOccupancy: 0.8,
            shrinkage: 0.3
        )
        #expect(capped.agents == 8)
        #expect(capped.scheduled == 12)
    }

    @Test("patience is the total wait of every caller over the number of abandons")
    func patience() {
        var estimator = PatienceEstimator()
        #expect(estimator.meanPatienceSeconds == nil)
        for (wait, abandoned) in [(10.0, false), (50.0, true), (30.0, false), (30.0, true)] {
            estimator.add(waitSeconds: wait, abandoned: abandoned)
        }
        #expect(estimator.meanPatienceSeconds == 60)
    }

    @Test("bad input is refused with a message that names it")
    func badInput() {
        #expect(throws: StaffingError.self) {
            try StaffingInterval(contacts: 0, intervalSeconds: 1_800, handleTimeSeconds: 180)
        }
        #expect(throws: StaffingError.self) {
            try StaffingInterval(contacts: 10, intervalSeconds: 1_800, handleTimeSeconds: -3)
        }
        #expect(throws: StaffingError.self) {
            try StaffingInterval(contacts: 10, intervalSeconds: 1_800, handleTimeSeconds: 180, patienceSeconds: 0)
        }
        #expect(throws: StaffingError.self) { try StaffingTargets(serviceLevel: 1.2, answerWithinSeconds: 20) }
        #expect(throws: StaffingError.self) { try StaffingTargets(maxOccupancy: 0) }
        let error = #expect(throws: StaffingError.self) { try StaffingTargets(serviceLevel: 1.2) }
        #expect(error?.description.contains("120%") == true)
        #expect(throws: StaffingError.self) {
            try StaffingModel(StaffingInterval(contacts: 10, intervalSeconds: 1_800, handleTimeSeconds: 180))
                .requirement(for: StaffingTargets(serviceLevel: 1, answerWithinSeconds: 20))
        }
    }
}

/// Erlang B as P(N = c) / P(N ≤ c) for N ~ Poisson(A), the Poisson terms summed in log space with lgamma.
func directErlangB(servers: Int, load: Double) -> Double {
    let logTerms = (0...servers).map { k in Double(k) * log(load) - lgamma(Double(k) + 1) }
    let high = logTerms.max()!
    let total = logTerms.reduce(0) { $0 + exp($1 - high) }
    return exp(logTerms[servers] - high) / total
}

/// Erlang C from the textbook form: (A^c / c!)·c/(c − A) over Σₖ<c A^k/k! + that term, in log space.
func directErlangC(servers: Int, load: Double) -> Double {
    let c = Double(servers)
    var logTerms = (0..<servers).map { k in Double(k) * log(load) - lgamma(Double(k) + 1) }
    let waiting = c * log(load) - lgamma(c + 1) + log(c / (c - load))
    logTerms.append(waiting)
    let high = logTerms.max()!
    let total = logTerms.reduce(0) { $0 + exp($1 - high) }
    return exp(waiting - high) / total
}

/// M/M/c+M as a birth–death chain (arrivals λ, departures min(n, c)·μ + max(n − c, 0)·θ), truncated where the
/// terms vanish; rates in units of μ, so λ = A and θ = 1 / patienceRatio.
struct BirthDeathChain {
    let waitProbability: Double
    let abandonment: Double
    let occupancy: Double

    init(load: Double, servers: Int, patienceRatio: Double) {
        let theta = 1 / patienceRatio
        var logProbabilities: [Double] = [0]
        var n = 0
        while true {
            n += 1
            let departures = Double(min(n, servers)) + Double(max(n - servers, 0)) * theta
            logProbabilities.append(logProbabilities[n - 1] + log(load / departures))
            if n > servers + 50, logProbabilities[n] < logProbabilities.max()! - 80 { break }
        }
        let high = logProbabilities.max()!
        let weights = logProbabilities.map { exp($0 - high) }
        let total = weights.reduce(0, +)
        var waiting = 0.0
        var queued = 0.0
        var busy = 0.0
        for (state, weight) in weights.enumerated() {
            if state >= servers { waiting += weight }
            queued += Double(max(state - servers, 0)) * weight
            busy += Double(min(state, servers)) * weight
        }
        waitProbability = waiting / total
        // Little's law on the abandons: λ·P(abandon) = θ·E[queue].
        abandonment = theta * (queued / total) / load
        occupancy = busy / total / Double(servers)
    }
}
