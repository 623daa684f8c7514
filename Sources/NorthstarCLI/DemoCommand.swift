import ArgumentParser
import Foundation
import NorthstarCore
import NorthstarServer
import NorthstarStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo support organisation and check its promises: the quickest way to see Northstar work.",
        discussion: """
            Writes Northwind Support's charter and a quarter of its contacts (chat, phone and email; three tiers, \
            four teams, a hundred agents; busy Mondays, quiet weekends, Dutch holidays, a staffing gap in one \
            week) to a folder, then runs `northstar check` on them. The same --seed always builds the same data.

            With --serve, the demo goes into a new SQLite store in that folder, a demo sign-in is made and \
            printed, and the dashboard is served until interrupted.

            Examples:
              northstar demo
              northstar demo --serve
              northstar demo --output demo --by team
              northstar demo --format json
            """
    )

    @Option(help: "The folder to write charter.yaml and contacts.csv to (default: a new temporary folder).")
    var output: String?

    @Option(help: "The random seed: the same seed builds the same organisation.")
    var seed: UInt64 = 42

    @Option(help: "Multiply the daily volume (1 is about 560 contacts a day).")
    var scale: Double = 1

    @Option(help: "Break each period down by these dimensions: channel,tier,priority,team,agent,category.")
    var by: String?

    @Option(help: "Output format: text, json, markdown, csv, or html (one self-contained page with trend charts).")
    var format: ReportFormat = .text

    @Flag(help: "Store the demo in a new SQLite store, make a demo sign-in, and serve the dashboard.")
    var serve = false

    @Option(help: "With --serve: the port to listen on (127.0.0.1 only).")
    var port: Int = 8080

    func validate() throws {
        guard scale > 0, scale <= 100 else { throw ValidationError("--scale must be above 0 and at most 100.") }
        if !(0...65_535).contains(port) { throw ValidationError("--port must be 0 to 65535.") }
        if let by {
            for name in by.split(separator: ",") where Dimension(rawValue: String(name)) == nil {
                throw ValidationError(
                    "--by: `\(name)` is not a dimension; use channel, tier, priority, team, agent or category."
                )
            }
        }
    }

    func run() async throws {
        let organization = DemoOrganization(seed: seed, scale: scale)
        let folder =
            output.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("northstar-demo-\(seed)")
        let charterPath = folder.appendingPathComponent("charter.yaml").path
        let contactsPath = folder.appendingPathComponent("contacts.csv").path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try organization.charterYAML.write(toFile: charterPath, atomically: true, encoding: .utf8)
            var text = CanonicalCSVWriter.header + "\n"
            text.reserveCapacity(organization.contacts.count * 160)
            for contact in organization.contacts { text += CanonicalCSVWriter.row(contact) + "\n" }
            try text.write(toFile: contactsPath, atomically: true, encoding: .utf8)
        } catch {
            printError("Error: cannot write the demo to \(folder.path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let charter: Charter
        do {
            charter = try CharterLoader.load(bytes: Array(organization.charterYAML.utf8), file: charterPath, today: nil)
                .charter
        } catch {
            CharterReporting.printFailure(error)
            throw ExitCode.failure
        }
        var options = CheckEngine.Options(to: organization.asOf)
        options.breakdown = by.map { $0.split(separator: ",").compactMap { Dimension(rawValue: String($0)) } } ?? []
        var report = ImportReport(file: contactsPath, format: "demo")
        report.rowsRead = organization.contacts.count
        report.accepted = organization.contacts.count
        report.contacts = organization.contacts.count
        if serve {
            try await DemoServer.run(organization, report: report, folder: folder, charterPath: charterPath, port: port)
            return
        }
        let result = CheckEngine(charter: charter, options: options).evaluate(organization.contacts, imports: [report])
        if let rendered = format.render(result) {
            print(rendered)
            return
        }
        let terminal = Terminal.standardOutput
        print(terminal.dim("Wrote \(charterPath) and \(contactsPath) (\(organization.contacts.count) contacts)."))
        print("")
        print(CheckTextRenderer(terminal: terminal).render(result))
        print("")
        print(terminal.dim("Next: northstar check --charter \(charterPath) \(contactsPath) --by team"))
        print(
            terminal.dim("      northstar check --charter \(charterPath) \(contactsPath) --format html > report.html")
        )
        print(terminal.dim("      northstar lint \(charterPath)"))
    }
}
