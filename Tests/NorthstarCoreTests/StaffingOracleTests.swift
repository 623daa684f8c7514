import Foundation
import Testing

@testable import NorthstarCore

/// Erlang C and Erlang A against `../shared/data/oracles/erlang_c_oracles.json` and `erlang_a_oracles.json`:
/// reference values computed at 50 digits with mpmath, beside what pyworkforce and two other packages return.
/// Agent counts must match exactly, probabilities and times to 1e-9 relative.
@Suite("Staffing oracles")
struct StaffingOracleTests {
    static let erlangCPath = "oracles/erlang_c_oracles.json"
    static let erlangAPath = "oracles/erlang_a_oracles.json"

    @Test(
        "Erlang C requirements and performance match the mpmath reference",
        .enabled(if: SharedData.isAvailable(erlangCPath), "needs ../shared/data"),
        arguments: OracleCase.load(erlangCPath, casesKey: "cases", expectedKey: "reference_mpmath")
    )
    func erlangC(_ oracle: OracleCase) throws {
        let interval = try oracle.interval(patience: false)
        let model = StaffingModel(interval)
        let expected = oracle.expected
        expectClose(interval.offeredLoad, expected["intensity"]!, oracle.id)

        let serviceLevelOnly = try model.requirement(for: oracle.targets(occupancy: false, abandonment: false))
        #expect(serviceLevelOnly.agents == Int(expected["c_sl_only"]!), "\(oracle.id) service level only")

        let requirement = try model.requirement(for: oracle.targets(occupancy: true, abandonment: false))
        #expect(requirement.agents == Int(expected["raw_positions"]!), "\(oracle.id) agents")
        #expect(requirement.scheduled == Int(expected["positions"]!), "\(oracle.id) scheduled")
        let performance = requirement.performance
        expectClose(performance.serviceLevel, expected["service_level"]!, oracle.id)
        expectClose(performance.occupancy, expected["occupancy"]!, oracle.id)
        expectClose(performance.waitProbability, expected["waiting_probability"]!, oracle.id)
        expectClose(performance.asaSeconds / 60, expected["asa_minutes"]!, oracle.id)
    }

    @Test(
        "the three cases where pyworkforce is off by one get the exact count",
        .enabled(if: SharedData.isAvailable(erlangCPath), "needs ../shared/data"),
        arguments: ["T1", "T2", "T3"]
    )
    func pyworkforceTraps(_ id: String) throws {
        let cases = OracleCase.load(Self.erlangCPath, casesKey: "cases", expectedKey: "reference_mpmath")
        let oracle = try #require(cases.first { $0.id == id })
        let peer = try #require(oracle.peers["pyworkforce_0.5.4"])
        let requirement = try StaffingModel(oracle.interval(patience: false))
            .requirement(for: oracle.targets(occupancy: true, abandonment: false))
        // The peer is one agent or one head too many; the reference is exact.
        #expect(
            peer["raw_positions"]! - Double(requirement.agents) == 1
                || peer["positions"]! - Double(requirement.scheduled) == 1
        )
        #expect(requirement.agents == Int(oracle.expected["raw_positions"]!))
        #expect(requirement.scheduled == Int(oracle.expected["positions"]!))
    }

    @Test(
        "Erlang A requirements and performance match the exact values",
        .enabled(if: SharedData.isAvailable(erlangAPath), "needs ../shared/data"),
        arguments: OracleCase.load(erlangAPath, casesKey: nil, expectedKey: "exact")
    )
    func erlangA(_ oracle: OracleCase) throws {
        let interval = try oracle.interval(patience: true)
        let requirement = try StaffingModel(interval)
            .requirement(for: oracle.targets(occupancy: true, abandonment: true))
        let expected = oracle.expected
        #expect(requirement.agents == Int(expected["raw_positions"]!), "\(oracle.id) agents")
        #expect(requirement.scheduled == Int(expected["positions"]!), "\(oracle.id) scheduled")
        let performance = requirement.performance
        expectClose(performance.serviceLevel, expected["SL_answered_within_t_over_all"]!, oracle.id)
        expectClose(performance.answeredServiceLevel, expected["SL_answered_within_t_over_answered"]!, oracle.id)
        expectClose(performance.waitWithinTarget, expected["P_W_le_t_all"]!, oracle.id)
        expectClose(performance.waitProbability, expected["P_wait"]!, oracle.id)
        expectClose(performance.abandonment, expected["P_abandon"]!, oracle.id)
        expectClose(performance.meanWaitSeconds / 60, expected["mean_wait_all_min"]!, oracle.id)
        expectClose(performance.asaSeconds / 60, expected["ASA_answered_only_min"]!, oracle.id)
        expectClose(performance.occupancy, expected["occupancy_carried"]!, oracle.id)
    }

    @Test(
        "Erlang A staffs below the offered load where pyworkforce does not",
        .enabled(if: SharedData.isAvailable(erlangAPath), "needs ../shared/data")
    )
    func belowOfferedLoad() throws {
        let cases = OracleCase.load(Self.erlangAPath, casesKey: nil, expectedKey: "exact")
        let oracle = try #require(cases.first { $0.id == "EA3" })
        let interval = try oracle.interval(patience: true)
        let requirement = try StaffingModel(interval)
            .requirement(for: oracle.targets(occupancy: true, abandonment: true))
        #expect(Double(requirement.agents) < interval.offeredLoad)
        #expect(Double(requirement.agents) < oracle.peers["pyworkforce_0.5.4"]!["raw_positions"]!)
    }
}

/// One case of an oracle file, with its inputs in pyworkforce's units (minutes, fractions).
struct OracleCase: Sendable, CustomTestStringConvertible {
    let id: String
    let inputs: [String: Double]
    let expected: [String: Double]
    let peers: [String: [String: Double]]

    var testDescription: String { id }

    /// The interval in seconds; the answer-time input is `asa` in the Erlang C file and `t` in the Erlang A one.
    func interval(patience: Bool) throws -> StaffingInterval {
        try StaffingInterval(
            contacts: inputs["transactions"]!,
            intervalSeconds: inputs["interval"]! * 60,
            handleTimeSeconds: inputs["aht"]! * 60,
            patienceSeconds: patience ? inputs["patience"]! * 60 : nil
        )
    }

    func targets(occupancy: Bool, abandonment: Bool) throws -> StaffingTargets {
        try StaffingTargets(
            serviceLevel: inputs["service_level"]!,
            answerWithinSeconds: (inputs["asa"] ?? inputs["t"]!) * 60,
            maxAbandonment: abandonment ? inputs["max_abandonment"] : nil,
            maxOccupancy: occupancy ? inputs["max_occupancy"] : nil,
            shrinkage: inputs["shrinkage"]!
        )
    }

    static func load(_ path: String, casesKey: String?, expectedKey: String) -> [OracleCase] {
        guard let data = try? Data(contentsOf: SharedData.url(path)),
            let json = try? JSONSerialization.jsonObject(with: data)
        else { return [] }
        let list: [[String: Any]]
        if let casesKey {
            list = (json as? [String: Any])?[casesKey] as? [[String: Any]] ?? []
        } else {
            list = json as? [[String: Any]] ?? []
        }
        return list.map { entry in
            var peers: [String: [String: Double]] = [:]
            for (key, value) in entry {
                guard let table = value as? [String: Any], key != "inputs", key != expectedKey else { continue }
                peers[key] = numbers(table)
            }
            return OracleCase(
                id: entry["id"] as? String ?? "?",
                inputs: numbers(entry["inputs"] as? [String: Any] ?? [:]),
                expected: numbers(entry[expectedKey] as? [String: Any] ?? [:]),
                peers: peers
            )
        }
    }

    private static func numbers(_ table: [String: Any]) -> [String: Double] {
        table.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }
}

/// `actual` within 1e-9 relative of `expected` (absolute below 1e-300).
func expectClose(
    _ actual: Double,
    _ expected: Double,
    _ label: String,
    tolerance: Double = 1e-9,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let scale = max(abs(expected), 1e-300)
    #expect(
        abs(actual - expected) / scale <= tolerance,
        "\(label): \(actual) vs \(expected)",
        sourceLocation: sourceLocation
    )
}
