import Foundation
import Testing

/// `staff plan` and `staff what-if` from the command line, on the demo organisation's quarter.
@Suite("staff plan and what-if")
struct StaffPlanCommandTests {
    /// The demo's charter and contacts, written once.
    static let demo: (charter: String, data: String) = {
        let folder = try! CommandRunner.temporaryDirectory()
        _ = try! CommandRunner.run(["demo", "--output", folder.path, "--format", "json"])
        return (folder.appendingPathComponent("charter.yaml").path, folder.appendingPathComponent("contacts.csv").path)
    }()

    @Test("plan: every response-time promise staffed, email with the handle time given, JSON totals add up")
    func planJSON() throws {
        let output = try CommandRunner.run([
            "staff", "plan", "--charter", Self.demo.charter, Self.demo.data, "--handle-time", "email=8m",
            "--format", "json",
        ])
        #expect(output.status == 0, "\(output.standardError)")
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        )
        let promises = try #require(plan["promises"] as? [[String: Any]])
        #expect(
            promises.map { $0["id"] as? String } == [
                "chat-first-response", "phone-speed-of-answer", "email-first-response",
            ]
        )
        // Two weeks of half hours per promise.
        #expect(promises.allSatisfy { ($0["intervals"] as? [Any])?.count == 2 * 336 })
        // The all-channels heads are the channels' heads added up, interval by interval (one promise each).
        let totals = try #require(plan["totalScheduled"] as? [Int])
        let perPromise = promises.map {
            ($0["intervals"] as? [[String: Any]] ?? []).map { $0["scheduled"] as? Int ?? 0 }
        }
        #expect(totals == (0..<totals.count).map { index in perPromise.reduce(0) { $0 + $1[index] } })
        // Round-the-clock staffing costs more FTE than office hours only.
        #expect(promises.allSatisfy { ($0["fte"] as? Double ?? 0) > ($0["businessHoursFTE"] as? Double ?? .infinity) })
    }

    @Test("plan text names the forecast method and its WAPE, and says which promises it cannot staff and why")
    func planText() throws {
        let output = try CommandRunner.run(["staff", "plan", "--charter", Self.demo.charter, Self.demo.data])
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("chat-first-response"))
        #expect(output.standardOutput.contains("WAPE") || output.standardOutput.contains("%)"))
        #expect(output.standardOutput.contains("Not staffed: email-first-response (no handle time for email"))
        #expect(output.standardOutput.contains("cost of the promise"))
    }

    @Test("what-if: a tighter chat target costs more; an unknown promise or field is refused with exit 64")
    func whatIf() throws {
        let tighter = try CommandRunner.run([
            "staff", "what-if", "--charter", Self.demo.charter, Self.demo.data, "--set",
            "chat-first-response.within=15s", "--format", "json",
        ])
        #expect(tighter.status == 0, "\(tighter.standardError)")
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(tighter.standardOutput.utf8)) as? [String: [String: Any]]
        )
        let before = try #require(result["base"]?["totalWeeklyCost"] as? Double)
        let after = try #require(result["changed"]?["totalWeeklyCost"] as? Double)
        #expect(after > before)
        let unknown = try CommandRunner.run([
            "staff", "what-if", "--charter", Self.demo.charter, Self.demo.data, "--set",
            "chat-first-respons.within=20s",
        ])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("Did you mean `chat-first-response`?"))
        let field = try CommandRunner.run([
            "staff", "what-if", "--charter", Self.demo.charter, Self.demo.data, "--set", "chat-first-response.p90=20s",
        ])
        #expect(field.status == 64)
        let shrinkage = try CommandRunner.run([
            "staff", "plan", "--charter", Self.demo.charter, Self.demo.data, "--shrinkage", "100%",
        ])
        #expect(shrinkage.status == 64 && shrinkage.standardError.contains("--shrinkage must be below 100%"))
    }

    @Test("HTML is one page with a heat map and a curve per promise, and CSV has a row per promise and interval")
    func htmlAndCSV() throws {
        let html = try CommandRunner.run([
            "staff", "plan", "--charter", Self.demo.charter, Self.demo.data, "--format", "html",
        ]).standardOutput
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 1 + 2)  // heat map + chat and phone curves
        #expect(!html.contains("<script") && !html.contains("src=\"http"))
        let csv = try CommandRunner.run([
            "staff", "plan", "--charter", Self.demo.charter, Self.demo.data, "--format", "csv",
        ]).standardOutput
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "promise,channel,day,date,weekday,time,forecast,agents,scheduled,open")
        #expect(lines.count == 1 + 3 * 672)  // chat, phone, then the totals
    }
}
