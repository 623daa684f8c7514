import ArgumentParser
import Foundation
import NorthstarCore

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "See what the data says before writing promises: volumes, speeds, SLA misses, what you meet today.",
        discussion: """
            Shows volume by channel and tier, first response and resolution (median, p80, p90, p95 in calendar \
            time) by channel and tier, the source system's SLA misses where it records them, volume by weekday \
            and hour, the ten biggest categories, and first-response promises the team already keeps, as charter \
            lines to start from.

            Examples:
              northstar explore contacts.csv
              northstar explore incident_log.csv --timezone Europe/Amsterdam --format json
            """
    )

    @Argument(help: "The exports to read.", completion: .file())
    var data: [String]

    @Option(help: "The exports' format (default: detected from the header).")
    var inputFormat: ImportFormat?

    @Option(help: "A mapping file for `--input-format mapped`: which column is which (docs/importers.md).")
    var mapping: String?

    @Option(help: "The IANA zone for weekdays and hours, and for times written without one.")
    var timezone = "UTC"

    @Option(help: "Output format: text for people, json for scripts.")
    var format: OutputFormat = .text

    func validate() throws {
        if data.isEmpty { throw ValidationError("Give at least one export to read.") }
        if TimeZone(identifier: timezone) == nil { throw ValidationError("`\(timezone)` is not an IANA time zone.") }
    }

    func run() throws {
        let run = ImportRun(format: inputFormat, timeZoneIdentifier: timezone, mappingPath: mapping)
        let (contacts, _) = try ExportReading.read(data, run: run, summarize: true)
        let report = Explorer(timeZoneIdentifier: timezone).explore(contacts)
        switch format {
        case .json: print(CharterReporting.json(report))
        case .text: print(render(report))
        }
    }

    func render(_ report: ExploreReport) -> String {
        let terminal = Terminal.standardOutput
        func time(_ seconds: Double?) -> String { seconds.map(CheckTextRenderer.duration) ?? "—" }
        func pad(_ text: String, _ width: Int) -> String {
            text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
        }
        var lines = [
            terminal.bold("\(report.contacts) contacts") + " from \(report.from ?? "—") to \(report.to ?? "—")", "",
        ]
        for dimension in ["channel", "tier", "channel+tier"] {
            let groups = report.groups.filter { $0.dimension == dimension }
            guard !groups.isEmpty else { continue }
            lines.append(terminal.bold("By \(dimension.replacingOccurrences(of: "+", with: " and "))"))
            lines.append(
                terminal.dim(
                    "  " + pad("", 26) + pad("contacts", 16) + pad("first response: median / p80 / p90", 38)
                        + "resolution: median / p90"
                )
            )
            for group in groups {
                var line =
                    "  " + pad(group.key, 26)
                    + pad("\(group.contacts) (\(String(format: "%.1f", group.share * 100))%)", 16)
                let first = group.firstResponse
                line += pad(first.n > 0 ? "\(time(first.median)) / \(time(first.p80)) / \(time(first.p90))" : "—", 38)
                let resolution = group.resolution
                line += resolution.n > 0 ? "\(time(resolution.median)) / \(time(resolution.p90))" : "—"
                if let missed = group.vendorSLAMissed, let judged = group.vendorSLAJudged {
                    line += terminal.dim("  SLA missed \(missed) of \(judged)")
                }
                lines.append(line)
            }
            lines.append("")
        }
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        lines.append(
            terminal.bold("By weekday") + "  "
                + zip(days, report.byWeekday).map { "\($0) \($1)" }.joined(separator: "  ")
        )
        let busiest = report.byHour.enumerated().max { $0.element < $1.element }
        if let busiest {
            lines.append(terminal.bold("Busiest hour") + "  \(busiest.offset):00 (\(busiest.element) contacts)")
        }
        if !report.topCategories.isEmpty {
            lines.append("")
            lines.append(terminal.bold("Top categories"))
            for category in report.topCategories {
                lines.append("  " + pad(category.category, 26) + "\(category.contacts)")
            }
        }
        if !report.suggestions.isEmpty {
            lines.append("")
            lines.append(
                terminal.bold("Promises you already keep") + terminal.dim(" (calendar time; paste under `promises:`)")
            )
            for suggestion in report.suggestions { lines.append("  " + suggestion.yaml) }
        }
        return lines.joined(separator: "\n")
    }
}
