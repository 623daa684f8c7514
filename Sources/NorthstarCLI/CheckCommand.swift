import ArgumentParser
import Foundation
import NorthstarCore
import NorthstarStore

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Say per promise and period whether it was kept, broken, at risk, or lacks data.",
        discussion: """
            Reads the exports, computes every promised metric by its written definition (docs/metrics.md), and \
            judges each period: kept when the whole 95% interval meets the target, broken when none of it \
            does, at-risk when it straddles, insufficient below the minimum sample.

            Examples:
              northstar check --charter charter.yaml contacts.csv
              northstar check --charter charter.yaml contacts.csv --by channel,team
              northstar check --charter charter.yaml contacts.csv --format json --fail-on broken
              northstar check --charter charter.yaml --database northstar.db

            With no exports, the contacts come from the store: --database, else $NORTHSTAR_DATABASE_URL, else \
            ./northstar.db (fill it with `northstar import FILES --database …`). The numbers are the same as a \
            check of the same exports.

            Exit status: 0 done (or nothing at the --fail-on level), 1 a promise at the --fail-on level, \
            2 a charter or export that cannot be read.
            """
    )

    @Option(help: "The charter YAML file.", completion: .file(extensions: ["yaml", "yml"]))
    var charter: String

    @Argument(help: "The exports to read (none: the contacts in the store).", completion: .file())
    var data: [String] = []

    @Option(help: "The exports' format (default: detected from the header).")
    var inputFormat: ImportFormat?

    @Option(help: "A mapping file for `--input-format mapped`: which column is which (docs/importers.md).")
    var mapping: String?

    @Option(help: "The IANA zone of times written without one (default: the charter's time zone).")
    var sourceTimezone: String?

    @Option(help: "Only samples from this local date (YYYY-MM-DD, the charter's time zone).")
    var from: String?

    @Option(help: "Only samples before this local date; also the as-of date for open contacts.")
    var to: String?

    @Option(help: "Judge every promise per week, month, quarter, or over the total range.")
    var period: String?

    @Option(help: "Break each period down by these dimensions: channel,tier,priority,team,agent,category.")
    var by: String?

    @Option(help: "Output format: text, json, markdown, csv, or html (one self-contained page with trend charts).")
    var format: ReportFormat = .text

    @Option(help: "Exit 1 when the latest period of any promise is at this level or worse: broken or at-risk.")
    var failOn: Verdict?

    @Option(help: "Write the refused rows, with file, line and reason, to this CSV file.")
    var rejects: String?

    @Option(help: "List the contacts behind one promise's latest period: the samples that broke it.")
    var explain: String?

    @OptionGroup var store: DatabaseOptions

    func validate() throws {
        if !data.isEmpty && store.database != nil {
            throw ValidationError("Give exports to read or --database, not both.")
        }
        if data.isEmpty && (inputFormat != nil || mapping != nil || rejects != nil) {
            throw ValidationError("--input-format, --mapping and --rejects apply to exports; give the exports to read.")
        }
        if let period, Period(rawValue: period) == nil, period != "total" {
            throw ValidationError("--period must be week, month, quarter or total; got \(period).")
        }
        if let by {
            for name in by.split(separator: ",") where Dimension(rawValue: String(name)) == nil {
                throw ValidationError(
                    "--by: `\(name)` is not a dimension; use channel, tier, priority, team, agent or category."
                )
            }
        }
        if let failOn, ![.broken, .atRisk].contains(failOn) {
            throw ValidationError("--fail-on takes broken or at-risk.")
        }
        for date in [from, to].compactMap({ $0 }) where LocalDate.parse(date).successValue == nil {
            throw ValidationError("`\(date)` is not a date; write YYYY-MM-DD.")
        }
    }

    func run() async throws {
        let loaded = try CharterReporting.load(charter, invalidExitCode: ExitStatus.unreadable)
        let charterValue = loaded.charter
        let run = ImportRun(
            format: inputFormat,
            timeZoneIdentifier: sourceTimezone ?? charterValue.timeZoneIdentifier,
            mappingPath: mapping
        )
        let zone = TimeZone(identifier: charterValue.timeZoneIdentifier) ?? TimeZone(identifier: "UTC")!
        var options = CheckEngine.Options()
        options.total = period == "total"
        options.period = period.flatMap(Period.init(rawValue:))
        options.from = from.flatMap { LocalDate.parse($0).successValue }.map { Self.startOfDay($0, zone) }
        options.to = to.flatMap { LocalDate.parse($0).successValue }.map { Self.startOfDay($0, zone) }
        options.breakdown = by.map { $0.split(separator: ",").compactMap { Dimension(rawValue: String($0)) } } ?? []

        if data.isEmpty {
            try await checkStore(charter: charterValue, options: options)
            return
        }

        // Contacts CSVs stream through the check without being held; `--explain` and other formats read them all.
        if explain == nil && StreamingCheck.canRead(data, run: run) {
            let (report, reports) = try ExportReading.stream(
                data,
                charter: charterValue,
                options: options,
                summarize: format == .text
            )
            if let rejects { try RejectsFile.write(reports, to: rejects) }
            try finish(report)
            return
        }
        let (contacts, reports) = try ExportReading.read(data, run: run, summarize: format == .text)
        if let rejects { try RejectsFile.write(reports, to: rejects) }
        let report = CheckEngine(charter: charterValue, options: options).evaluate(
            contacts,
            imports: reports
        )
        try explainOrFinish(report, contacts: contacts, charter: charterValue, options: options)
    }

    /// The check over the stored contacts, streamed page by page from one snapshot of the store (all of them held
    /// only for `--explain`).
    private func checkStore(charter: Charter, options: CheckEngine.Options) async throws {
        let database = try await store.open(createIfMissing: false)
        let engine = CheckEngine(charter: charter, options: options)
        let report: CheckReport
        var contacts: [Contact] = []
        let keepContacts = explain != nil
        do {
            // One snapshot for every page and the import reports, whatever an import writes meanwhile.
            (report, contacts) = try await database.withConsistentRead { reader in
                let imports = try await reader.latestImportReports()
                if keepContacts {
                    var contacts: [Contact] = []
                    try await reader.forEachContact { contacts.append($0.contact) }
                    return (engine.evaluate(contacts, imports: imports), contacts)
                }
                var feed = CheckEngine.Feed(engine: engine)
                try await reader.forEachContact { feed.add($0.contact) }
                return (feed.report(imports: imports), [])
            }
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
        try explainOrFinish(report, contacts: contacts, charter: charter, options: options)
    }

    /// Prints the `--explain` listing when asked, else the report.
    private func explainOrFinish(
        _ report: CheckReport,
        contacts: [Contact],
        charter charterValue: Charter,
        options: CheckEngine.Options
    ) throws {
        if let explain {
            let engine = CheckEngine(charter: charterValue, options: options)
            guard let promise = report.promises.first(where: { $0.id == explain }),
                let rows = engine.explain(explain, contacts: contacts, periodLabel: nil)
            else {
                let ids = report.promises.map(\.id)
                printError(
                    "Error: no promise `\(explain)`.\(ids.isEmpty ? "" : " Promises: \(ids.joined(separator: ", ")).")"
                )
                throw ExitCode.failure
            }
            // The latest complete period, as the text report headlines it.
            let latest = promise.periods.last(where: { !$0.partial }) ?? promise.periods.last
            let shown = rows.filter { $0.period == latest?.label }
            switch format {
            case .json: print(CharterReporting.json(shown))
            default: print(CheckTextRenderer(terminal: .standardOutput).explain(promise, period: latest, rows: shown))
            }
            return
        }
        try finish(report)
    }

    /// Prints the report and applies `--fail-on`.
    private func finish(_ report: CheckReport) throws {
        print(format.render(report) ?? CheckTextRenderer(terminal: .standardOutput).render(report))
        if let failOn {
            let failing = report.promises.contains { promise in
                guard let latest = promise.periods.last else { return false }
                return latest.verdict <= failOn
            }
            if failing { throw ExitCode.failure }
        }
    }

    static func startOfDay(_ date: LocalDate, _ zone: TimeZone) -> Timestamp {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: date.year, month: date.month, day: date.day)
        let instant = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        return Timestamp(seconds: Int64(instant.timeIntervalSince1970))
    }

}

extension Result {
    var successValue: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
