import Foundation
import Testing

@Suite("The northstar command, run as a user would")
struct CommandLineTests {
    static let weakStatement =
        "Assuring the highest standards of Quality through the delivery of accurate and professional customer "
        + "service within a Reasonable Cost and Timely manner to all of our clients (both internal and external)"

    @Test("lint with no arguments scores the built-in example and passes")
    func lintBuiltInExample() throws {
        let output = try CommandRunner.run(["lint", "--format", "json"])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        let score = try #require(json["score"] as? Int)
        #expect(score >= 10)
        #expect(json["passed"] as? Bool == true)
        let checklist = try #require(json["checklist"] as? [[String: Any]])
        #expect(
            checklist.map { $0["item"] as? String } == [
                "plain-words", "short-length", "clear-behaviors", "measurable", "on-brand-tone", "customer-outcome",
                "team-buy-in",
            ]
        )
        for key in ["readability", "alerts", "traceability"] { #expect(json[key] != nil, "missing \(key)") }
    }

    @Test("lint --text exits 1 when the statement is below the gate, and says what to fix first")
    func lintWeakText() throws {
        let output = try CommandRunner.run(["lint", "--text", Self.weakStatement, "--kind", "mission"])
        #expect(output.status == 1)
        #expect(output.standardOutput.contains("below the gate of 10"))
        #expect(output.standardOutput.contains("Fix first"))
        #expect(output.standardOutput.contains("[loophole]"))
        #expect(!output.standardOutput.contains("\u{1B}["), "no colours when stdout is not a terminal")
    }

    @Test("--min-score decides the exit code")
    func minimumScoreGate() throws {
        let passing = try CommandRunner.run(["lint", "--text", Self.weakStatement, "--min-score", "0"])
        #expect(passing.status == 0)
        let impossible = try CommandRunner.run(["lint", "--min-score", "14"])
        #expect(impossible.status == 1)
        let invalid = try CommandRunner.run(["lint", "--min-score", "15"])
        #expect(invalid.status == 64)
        #expect(invalid.standardError.contains("--min-score must be between 0 and 14"))
    }

    @Test("lint exits 2 for a missing file and for an invalid charter")
    func lintUnreadable() throws {
        let missing = try CommandRunner.run(["lint", "no-such-charter.yaml"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no such file"))

        let directory = try CommandRunner.temporaryDirectory()
        let charter = directory.appendingPathComponent("broken.yaml")
        try
            "northstar: 1\norganization: Acme\nvision: x\nmission: y\npromises:\n  - id: a\n    metric: frist-response\n"
            .write(to: charter, atomically: true, encoding: .utf8)
        let invalid = try CommandRunner.run(["lint", charter.path])
        #expect(invalid.status == 2)
        #expect(invalid.standardError.contains("broken.yaml:7:13: error: promises[0].metric"))
    }

    @Test("validate reports every problem with file, line and column, then exits 1")
    func validateReportsEveryProblem() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let charter = directory.appendingPathComponent("charter.yaml")
        try """
        northstar: 1
        organisation: Acme
        timezone: Europe/Amsterdm
        vision: Every customer feels confident.
        mission: We answer chats within 30 seconds.
        promises:
          - id: chat
            metric: first-response
            target: {within: 30, share: 90%}
        """.write(to: charter, atomically: true, encoding: .utf8)
        let output = try CommandRunner.run(["validate", charter.path])
        #expect(output.status == 1)
        let lines = output.standardError.split(separator: "\n")
        #expect(
            lines.contains {
                $0.hasSuffix(
                    "charter.yaml:2:1: error: organisation: unknown key `organisation`. Did you mean `organization`?"
                )
            }
        )
        #expect(
            lines.contains { $0.contains("charter.yaml:3:11: error: timezone:") && $0.contains("Europe/Amsterdam") }
        )
        #expect(
            lines.contains { $0.contains("charter.yaml:9:22: error: promises[0].target.within") && $0.contains("30s") }
        )
        #expect(output.standardError.contains("has 4 problems to fix"))
    }

    @Test("validate --format json lists errors with their locations")
    func validateJSON() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let charter = directory.appendingPathComponent("charter.yaml")
        try "northstar: 2\norganization: Acme\nvision: v\nmission: m\n".write(
            to: charter,
            atomically: true,
            encoding: .utf8
        )
        let output = try CommandRunner.run(["validate", charter.path, "--format", "json"])
        #expect(output.status == 1)
        let json = try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        let errors = try #require(json["errors"] as? [[String: Any]])
        let first = try #require(errors.first)
        #expect(first["code"] as? String == "unsupported-version")
        #expect(first["line"] as? Int == 1)
        #expect(first["column"] as? Int == 12)
        #expect(first["keyPath"] as? String == "northstar")
    }

    @Test("validate exits 2 for a binary file, invalid UTF-8 and a YAML syntax error, naming the place")
    func validateUnreadable() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let cases: [(String, [UInt8], String)] = [
            ("binary.yaml", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01], "binary.yaml:1:5: this is a binary file"),
            (
                "latin1.yaml", Array("northstar: 1\norganization: Caf".utf8) + [0xE9],
                "latin1.yaml:2:18: the file is not valid UTF-8"
            ),
            ("syntax.yaml", Array("northstar: 1\norganization: [Acme\nvision: x\n".utf8), "syntax.yaml:3:"),
            ("empty.yaml", [], "the charter is empty"),
        ]
        for (name, bytes, expected) in cases {
            let file = directory.appendingPathComponent(name)
            try Data(bytes).write(to: file)
            let output = try CommandRunner.run(["validate", file.path])
            #expect(output.status == 2, "\(name)")
            #expect(output.standardError.contains(expected), "\(name): \(output.standardError)")
        }
    }

    @Test("init writes a charter that validates and passes lint, and refuses to overwrite")
    func initWritesAValidCharter() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let written = try CommandRunner.run(
            [
                "init", "--no-interactive", "--organization", "Acme: Support", "--channels", "chat=30s,email=1h",
                "--tiers", "enterprise,smb",
            ],
            in: directory
        )
        #expect(written.status == 0, "\(written.standardError)")
        let charter = directory.appendingPathComponent("charter.yaml").path
        #expect(try CommandRunner.run(["validate", charter]).status == 0)
        let lint = try CommandRunner.run(["lint", charter, "--format", "json"])
        let json = try #require(JSONSerialization.jsonObject(with: Data(lint.standardOutput.utf8)) as? [String: Any])
        let traceability = try #require(json["traceability"] as? [String: Any])
        #expect(
            (traceability["untracedPhrases"] as? [Any])?.isEmpty == true,
            "every number in the starter has a promise"
        )

        let again = try CommandRunner.run(["init", "--no-interactive"], in: directory)
        #expect(again.status == 1)
        #expect(again.standardError.contains("already exists"))
    }

    @Test(
        "init --example writes each worked example, and each validates and passes lint",
        arguments: ["saas", "retail", "clinic", "hospitality", "contact-centre"]
    )
    func initExamples(_ example: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("\(example).yaml").path
        let written = try CommandRunner.run(["init", "--example", example, "--output", file])
        #expect(written.status == 0, "\(written.standardError)")
        #expect(try CommandRunner.run(["validate", file]).status == 0)
        #expect(try CommandRunner.run(["lint", file]).status == 0)
    }

    @Test(
        "colours on a terminal, none with NO_COLOR",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"))
    )
    func coloursOnlyOnATerminal() throws {
        // `script` gives the command a pseudo-terminal, as a person's shell would.
        let command = "\(CommandRunner.executable.path) lint"
        let script = URL(fileURLWithPath: "/usr/bin/script")
        let coloured = try CommandRunner.launch(script, ["-qec", command, "/dev/null"])
        #expect(coloured.standardOutput.contains("\u{1B}["))
        let plain = try CommandRunner.launch(script, ["-qec", command, "/dev/null"], environment: ["NO_COLOR": "1"])
        #expect(plain.standardOutput.contains("passed"))
        #expect(!plain.standardOutput.contains("\u{1B}["))
    }

    @Test(
        "init asks its questions on a terminal and writes the answers",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"))
    )
    func initInteractive() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let file = directory.appendingPathComponent("asked.yaml").path
        // Organisation, owner, zone, customers, channels, tiers, feeling, touchpoint, outcome, tone;
        // an empty line takes the default shown in brackets.
        let answers = "Globex Care\n\nEurope/Berlin\nour members\nchat=45s,email=2h\nvip\n\n\n\ncalm\n"
        let script = URL(fileURLWithPath: "/usr/bin/script")
        let output = try CommandRunner.launch(
            script,
            ["-qec", "\(CommandRunner.executable.path) init --output \(file)", "/dev/null"],
            input: answers
        )
        #expect(output.status == 0, "\(output.standardOutput)")
        #expect(output.standardOutput.contains("Organisation name [Acme Support]:"))
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.contains("organization: Globex Care"))
        #expect(written.contains("timezone: Europe/Berlin"))
        #expect(written.contains("tone: calm"))
        #expect(written.contains("We answer chats within 45 seconds and emails within 2 hours, for our members"))
        #expect(written.contains("vip: {tier: vip}"))
        #expect(try CommandRunner.run(["validate", file]).status == 0)
    }

    @Test("--help teaches with examples and exit codes")
    func helpTeaches() throws {
        let lint = try CommandRunner.run(["lint", "--help"])
        #expect(lint.status == 0)
        #expect(lint.standardOutput.contains("northstar lint --text"))
        #expect(lint.standardOutput.contains("Exit status"))
        let root = try CommandRunner.run(["--help"])
        for command in ["init", "validate", "lint"] { #expect(root.standardOutput.contains(command)) }
    }
}

@Suite("check and import, run as a user would")
struct CheckCommandLineTests {
    static let charter = """
        northstar: 1
        organization: Acme Support
        timezone: UTC
        vision: Every customer feels cared for after every conversation with our team.
        mission: We answer chats within 30 seconds.
        promises:
          - {id: chat-first-response, says: answer chats within 30 seconds, metric: first-response, where: {channel: chat}, target: {within: 30s, share: 90%}, minimumSample: 2}
        """

    static func files() throws -> (charter: String, data: String, folder: URL) {
        let folder = try CommandRunner.temporaryDirectory()
        let charter = folder.appendingPathComponent("charter.yaml")
        try Self.charter.write(to: charter, atomically: true, encoding: .utf8)
        let data = folder.appendingPathComponent("contacts.csv")
        try """
        id,channel,created_at,first_response_at
        A,chat,2026-03-04T10:00:00Z,2026-03-04T10:00:10Z
        B,chat,2026-03-04T11:00:00Z,2026-03-04T11:05:00Z
        C,chat,2026-03-04T12:00:00Z,2026-03-04T11:00:00Z
        D,chat,not a time,
        """.write(to: data, atomically: true, encoding: .utf8)
        return (charter.path, data.path, folder)
    }

    @Test("check reports the verdict, counts refused rows with their reasons, and writes them out")
    func checkText() throws {
        let (charter, data, folder) = try Self.files()
        let rejects = folder.appendingPathComponent("rejects.csv").path
        let output = try CommandRunner.run([
            "check", "--charter", charter, data, "--period", "total", "--rejects", rejects,
        ])
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardOutput.contains("chat-first-response"))
        #expect(output.standardOutput.contains("50.0%"))
        #expect(output.standardError.contains("4 rows read, 2 accepted, 2 rejected"))
        #expect(output.standardError.contains("rejected 1: first response before creation (first at line 4)"))
        let written = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(written.contains("\(data),4,first response before creation,"))
        #expect(written.contains("\(data),5,created_at is not an RFC 3339 time with a zone,"))
    }

    @Test("check --format json follows the contract, and --fail-on broken sets the exit code")
    func checkJSON() throws {
        let (charter, data, _) = try Self.files()
        let output = try CommandRunner.run(
            ["check", "--charter", charter, data, "--period", "total", "--format", "json", "--fail-on", "broken"]
        )
        let json = try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        let promise = try #require((json["promises"] as? [[String: Any]])?.first)
        #expect(promise["id"] as? String == "chat-first-response")
        let period = try #require((promise["periods"] as? [[String: Any]])?.first)
        #expect(period["value"] as? Double == 0.5)
        #expect(period["n"] as? Int == 2)
        #expect(period["verdict"] as? String == "at-risk")
        #expect((period["interval"] as? [String: Any])?["low"] != nil)
        for key in ["start", "end"] { #expect(period[key] as? String != nil) }
        #expect((json["input"] as? [String: Any])?["rejected"] as? Int == 2)
        #expect((json["definitions"] as? [String])?.isEmpty == false)
        #expect(output.status == 0, "at-risk is not broken")
        let strict = try CommandRunner.run([
            "check", "--charter", charter, data, "--period", "total", "--fail-on", "at-risk",
        ])
        #expect(strict.status == 1)
    }

    @Test("check --explain lists the contacts that broke the promise")
    func explain() throws {
        let (charter, data, _) = try Self.files()
        let output = try CommandRunner.run([
            "check", "--charter", charter, data, "--period", "total", "--explain", "chat-first-response",
        ])
        #expect(output.status == 0)
        // Misses first, with their times and the clock's seconds; then the contacts that kept it.
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[2].hasPrefix("  ✗ B  created 2026-03-04T11:00:00Z → 2026-03-04T11:05:00Z  5m"))
        #expect(lines[3].hasPrefix("  ✓ A  created 2026-03-04T10:00:00Z → 2026-03-04T10:00:10Z  10s"))
        let json = try CommandRunner.run(
            [
                "check", "--charter", charter, data, "--period", "total", "--explain", "chat-first-response",
                "--format", "json",
            ]
        )
        let rows = try #require(JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["B", "A"])
        #expect(rows.first?["value"] as? Double == 300)
        #expect(rows.first?["met"] as? Bool == false)
        let unknown = try CommandRunner.run(["check", "--charter", charter, data, "--explain", "nope"])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("no promise `nope`"))
    }

    @Test("an export whose format cannot be told is refused with exit 2 and a way forward")
    func unknownFormat() throws {
        let (charter, _, folder) = try Self.files()
        let odd = folder.appendingPathComponent("odd.csv")
        try "ticket,when\n1,today\n".write(to: odd, atomically: true, encoding: .utf8)
        let output = try CommandRunner.run(["check", "--charter", charter, odd.path])
        #expect(output.status == 2)
        #expect(output.standardError.contains("cannot tell the format"))
        #expect(output.standardError.contains("--input-format"))
    }

    @Test("import lists its formats and normalises an export that reads back the same")
    func importRoundTrip() throws {
        let list = try CommandRunner.run(["import", "--list-formats"])
        for format in ["canonical-csv", "servicenow", "event-log"] { #expect(list.standardOutput.contains(format)) }
        let (_, data, folder) = try Self.files()
        let normalised = folder.appendingPathComponent("normalised.csv").path
        let first = try CommandRunner.run(["import", data, "--output", normalised])
        #expect(first.status == 0)
        #expect(first.standardOutput.contains("2 contacts written"))
        let again = try CommandRunner.run(["import", normalised, "--format", "json"])
        let json = try #require(JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [String: Any])
        #expect(json["contacts"] as? Int == 2)
    }
}

@Suite("The README's main command")
struct DemoCommandLineTests {
    @Test("northstar demo writes the organisation and checks it, and the files check the same again")
    func demo() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let output = try CommandRunner.run(["demo", "--output", folder.path, "--format", "json"])
        #expect(output.status == 0, "\(output.standardError)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        #expect(json["organization"] as? String == "Northwind Support")
        #expect((json["promises"] as? [Any])?.count == 9)
        let charter = folder.appendingPathComponent("charter.yaml").path
        let contacts = folder.appendingPathComponent("contacts.csv").path
        let again = try CommandRunner.run([
            "check", "--charter", charter, contacts, "--format", "json", "--to", "2026-06-29",
        ])
        #expect(again.status == 0, "\(again.standardError)")
        let reread = try #require(JSONSerialization.jsonObject(with: Data(again.standardOutput.utf8)) as? [String: Any])
        // The written CSV holds whole seconds, like the generated contacts, so every verdict is the same.
        func verdicts(_ report: [String: Any]) -> [String] {
            (report["promises"] as? [[String: Any]] ?? []).flatMap { promise in
                (promise["periods"] as? [[String: Any]] ?? []).map {
                    "\(promise["id"]!) \($0["label"]!) \($0["verdict"]!)"
                }
            }
        }
        #expect(verdicts(reread) == verdicts(json))
        #expect((reread["input"] as? [String: Any])?["rejected"] as? Int == 0)
    }
}

@Suite("Report formats on the command line")
struct ReportFormatCommandLineTests {
    @Test("check --format html is one self-contained page with a chart per promise; markdown and csv too")
    func formats() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let html = try CommandRunner.run(["demo", "--output", folder.path, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.standardOutput.hasPrefix("<!DOCTYPE html>"))
        #expect(html.standardOutput.components(separatedBy: "<svg").count - 1 == 9)
        #expect(!html.standardOutput.contains("http://") && !html.standardOutput.contains("https://"))
        let charter = folder.appendingPathComponent("charter.yaml").path
        let contacts = folder.appendingPathComponent("contacts.csv").path
        let markdown = try CommandRunner.run(["check", "--charter", charter, contacts, "--format", "markdown"])
        #expect(markdown.standardOutput.contains("| chat-first-response |"))
        let csv = try CommandRunner.run(["check", "--charter", charter, contacts, "--format", "csv"])
        #expect(
            csv.standardOutput.hasPrefix(
                "promise,metric,period,start,end,partial,dimension,key,value,n,low,high,verdict"
            )
        )
    }
}

@Suite("Progress on long imports")
struct ProgressCommandLineTests {
    @Test(
        "progress shows on a terminal and never in a pipe",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"))
    )
    func progress() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let demo = try CommandRunner.run(["demo", "--scale", "3", "--output", folder.path, "--format", "json"])
        #expect(demo.status == 0)
        let contacts = folder.appendingPathComponent("contacts.csv").path
        let piped = try CommandRunner.run(["import", contacts])
        #expect(!piped.standardError.contains("contacts read"))
        let script = URL(fileURLWithPath: "/usr/bin/script")
        let onTerminal = try CommandRunner.launch(
            script,
            ["-qec", "\(CommandRunner.executable.path) import \(contacts)", "/dev/null"]
        )
        #expect(onTerminal.standardOutput.contains("100000 contacts read"))
    }
}

@Suite("Mapped CSV on the command line")
struct MappedCommandLineTests {
    @Test("--mapping reads a CSV no built-in format knows, and a bad mapping is refused with its place")
    func mapped() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let data = folder.appendingPathComponent("export.csv")
        try """
        Ticket;Source;Opened;First reply (min)
        T1;Voice;02/03/2026 10:00;2
        T2;Web form;02/03/2026 11:00;
        """.write(to: data, atomically: true, encoding: .utf8)
        let mapping = folder.appendingPathComponent("mapping.yaml")
        try """
        columns:
          id: Ticket
          channel: Source
          created_at: Opened
          first_response_at: {column: First reply (min), unit: minutes}
        timestamps: {format: "dd/MM/yyyy HH:mm", timezone: Europe/Amsterdam}
        values:
          channel: {Voice: phone, "Web form": web}
        delimiter: ";"
        """.write(to: mapping, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("contacts.csv").path
        let run = try CommandRunner.run(["import", data.path, "--mapping", mapping.path, "--output", output])
        #expect(run.status == 0, "\(run.standardError)")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        // 10:00 in Amsterdam on 2 March 2026 (CET, UTC+1) is 09:00Z; the reply 2 minutes later.
        #expect(written.contains("T1,phone,2026-03-02T09:00:00Z,,,,,,2026-03-02T09:02:00Z"))
        #expect(written.contains("T2,web,2026-03-02T10:00:00Z"))

        try "columns:\n  idd: Ticket\n".write(to: mapping, atomically: true, encoding: .utf8)
        let bad = try CommandRunner.run(["import", data.path, "--mapping", mapping.path])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("mapping.yaml:2:3"))
    }
}
