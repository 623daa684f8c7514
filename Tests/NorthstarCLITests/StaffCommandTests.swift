import Foundation
import Testing

/// `northstar staff`, run as a user would. Expected figures are the oracle's (erlang_c_oracles.json O1,
/// erlang_a_oracles.json EA1), copied here so the test runs without the shared data.
@Suite("northstar staff")
struct StaffCommandTests {
    @Test("staff interval finds the oracle's agents and heads, with the documented JSON keys")
    func intervalJSON() throws {
        let output = try CommandRunner.run([
            "staff", "interval", "--offered", "100", "--interval", "30m", "--aht", "3m", "--answer-within", "20s",
            "--service-level", "80%", "--max-occupancy", "85%", "--shrinkage", "30%", "--format", "json",
        ])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        #expect(json["agents"] as? Int == 14)
        #expect(json["scheduled"] as? Int == 20)
        #expect(abs((json["serviceLevel"] as? Double ?? 0) - 0.8883500191794669) < 1e-12)
        #expect(abs((json["waitProbability"] as? Double ?? 0) - 0.17413193359504983) < 1e-12)
        #expect(abs((json["asaSeconds"] as? Double ?? 0) - 0.1305989501962874 * 60) < 1e-9)
        #expect(abs((json["occupancy"] as? Double ?? 0) - 0.7142857142857143) < 1e-12)
        #expect(json["abandonment"] == nil, "no abandonment without --patience")
    }

    @Test("staff interval with --patience uses Erlang A and reports abandonment")
    func intervalErlangA() throws {
        let output = try CommandRunner.run([
            "staff", "interval", "--offered", "100", "--aht", "3m", "--answer-within", "20s", "--service-level",
            "80%", "--max-occupancy", "85%", "--patience", "5m", "--max-abandonment", "5%", "--format", "json",
        ])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        #expect(json["agents"] as? Int == 13)
        #expect(abs((json["abandonment"] as? Double ?? 0) - 0.02496330363357191) < 1e-12)
        #expect(abs((json["serviceLevel"] as? Double ?? 0) - 0.8581777000307625) < 1e-12)
    }

    @Test("staff interval prints a readable summary without colours off a terminal")
    func intervalText() throws {
        let output = try CommandRunner.run([
            "staff", "interval", "--offered", "164", "--aht", "3m", "--service-level", "80%", "--shrinkage", "30%",
        ])
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("Scheduled         30"), "\(output.standardOutput)")
        #expect(!output.standardOutput.contains("\u{1B}["))
    }

    @Test(
        "bad input exits 64 with a message that names the problem",
        arguments: [
            (["--offered", "0"], "contact volume"),
            (["--offered=-5"], "contact volume"),
            (["--offered", "100", "--aht", "0s"], "handle time"),
            (["--offered", "100", "--patience", "0s"], "patience"),
            (["--offered", "100", "--service-level", "120%"], "120%"),
            (["--offered", "100", "--max-occupancy", "0%"], "occupancy cap"),
            (["--offered", "100", "--aht", "3"], "unit"),
            (["--offered", "100", "--max-abandonment", "5%"], "--patience"),
        ]
    )
    func badInput(_ arguments: [String], _ expected: String) throws {
        var full = ["staff", "interval", "--service-level", "80%"] + arguments
        if !arguments.contains(where: { $0.hasPrefix("--aht") }) { full += ["--aht", "3m"] }
        let output = try CommandRunner.run(full)
        #expect(output.status == 64, "\(arguments): \(output.standardError)")
        #expect(output.standardError.contains(expected), "\(arguments): \(output.standardError)")
    }

    @Test("staff simulate puts the closed form inside the simulation's intervals")
    func simulate() throws {
        let output = try CommandRunner.run([
            "staff", "simulate", "--offered", "100", "--aht", "3m", "--patience", "5m", "--agents", "13",
            "--contacts", "5000", "--seed", "3", "--format", "json",
        ])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let rows = try #require(
            JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [[String: Any]]
        )
        #expect(rows.count == 4)
        for row in rows { #expect(row["inside"] as? Bool == true, "\(row)") }
    }

    @Test("staff interval --help teaches with examples")
    func help() throws {
        let output = try CommandRunner.run(["staff", "interval", "--help"])
        #expect(output.standardOutput.contains("Examples:"))
        #expect(output.standardOutput.contains("--patience"))
    }
}
