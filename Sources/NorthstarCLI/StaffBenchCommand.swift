import ArgumentParser
import Foundation
import NorthstarCore

/// `northstar staff bench` (hidden): the timings `scripts/bench-staffing.sh` prints.
///
/// Erlang C: interval i of `--intervals` offers 1 + (i × 7919 mod 2000) calls in 30 minutes, 3 minutes each,
/// 80% within 20 s, occupancy at most 85%, 30% shrinkage (0.03 to 200 Erlangs). Erlang A: 10,000 calls in
/// 30 minutes (1,000 Erlangs), 3 minutes each, patience 5 minutes, 80% within 20 s. The script gives
/// pyworkforce the same inputs. Each figure is the best of `--repeat` runs.
struct StaffBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time Erlang C requirements for many intervals and Erlang A at 1,000 Erlangs.",
        shouldDisplay: false
    )

    @Option(help: "Intervals in the Erlang C run.")
    var intervals = 1_000

    @Option(help: "Runs of each; the best is printed.")
    var `repeat` = 20

    func run() throws {
        let targets = try StaffingTargets(
            serviceLevel: 0.8,
            answerWithinSeconds: 20,
            maxOccupancy: 0.85,
            shrinkage: 0.3
        )
        let models = try (0..<intervals).map { i in
            StaffingModel(
                try StaffingInterval(
                    contacts: Double(1 + (i * 7_919) % 2_000),
                    intervalSeconds: 1_800,
                    handleTimeSeconds: 180
                )
            )
        }
        var checksum = 0
        let erlangC = try best {
            for model in models { checksum &+= try model.requirement(for: targets).scheduled }
        }
        let abandoning = StaffingModel(
            try StaffingInterval(
                contacts: 10_000,
                intervalSeconds: 1_800,
                handleTimeSeconds: 180,
                patienceSeconds: 300
            )
        )
        let abandonTargets = try StaffingTargets(serviceLevel: 0.8, answerWithinSeconds: 20, shrinkage: 0.3)
        var agents = 0
        let erlangA = try best { agents = try abandoning.requirement(for: abandonTargets).agents }
        print(
            String(
                format: "erlang_c_%d_intervals_ms %.3f (scheduled total %d)\nerlang_a_1000_erlangs_ms %.3f (agents %d)",
                intervals,
                erlangC * 1_000,
                checksum / self.repeat,
                erlangA * 1_000,
                agents
            )
        )
    }

    private func best(_ body: () throws -> Void) throws -> Double {
        var fastest = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<max(1, self.repeat) {
            let elapsed = try clock.measure(body)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            fastest = min(fastest, seconds)
        }
        return fastest
    }
}
