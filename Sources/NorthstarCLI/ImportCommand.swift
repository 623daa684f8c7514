import ArgumentParser
import Foundation
import NorthstarCore
import NorthstarStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read exports, report what was read and refused, and optionally normalise them to one CSV.",
        discussion: """
            The format is detected from the header when that is unambiguous; name it with --input-format \
            otherwise. Every refused row is counted by reason, and --rejects writes each with its file and line. \
            The same contact seen twice (a re-export, overlapping pages) counts once. The Zendesk and Freshdesk JSON \
            files of one run are read together and joined by ticket id (tickets, metrics, ratings, conversations).

            Examples:
              northstar import --list-formats
              northstar import incident_log.csv --output contacts.csv --rejects rejected.csv
              northstar import tickets.json ticket_metrics.json satisfaction_ratings.json
              northstar import contacts.csv --database northstar.db

            With --database (or $NORTHSTAR_DATABASE_URL), the contacts are stored: a contact already stored with \
            the same source and id is replaced, so importing the same export twice changes nothing. Contacts are \
            written in batches, each in a transaction, and the run's summary last: an import that is stopped at \
            any moment can simply be run again (docs/store.md).
            """
    )

    @Argument(help: "The exports to read.", completion: .file())
    var data: [String] = []

    @Flag(help: "List the formats Northstar reads and exit.")
    var listFormats = false

    @Option(help: "The exports' format (default: detected from the header).")
    var inputFormat: ImportFormat?

    @Option(help: "A mapping file for `--input-format mapped`: which column is which (docs/importers.md).")
    var mapping: String?

    @Option(help: "The IANA zone of times written without one (ServiceNow, event logs).")
    var sourceTimezone = "UTC"

    @Option(help: "Write the contacts as Northstar's canonical CSV to this file.")
    var output: String?

    @Option(help: "Write the refused rows, with file, line and reason, to this CSV file.")
    var rejects: String?

    @Option(help: "Output format: text for people, json for scripts.")
    var format: OutputFormat = .text

    @OptionGroup var store: DatabaseOptions

    func validate() throws {
        if !listFormats && data.isEmpty { throw ValidationError("Give at least one export, or --list-formats.") }
    }

    struct Summary: Encodable {
        let files: [ImportReport]
        let contacts: Int
        /// The store written to, and how many contacts it holds afterwards.
        var database: String?
        var storedContacts: Int?
    }

    func run() async throws {
        if listFormats {
            let width = ImportFormat.allCases.map(\.rawValue.count).max() ?? 0
            for format in ImportFormat.allCases {
                print("\(format.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)) \(format.summary)")
            }
            return
        }
        let run = ImportRun(format: inputFormat, timeZoneIdentifier: sourceTimezone, mappingPath: mapping)
        let (collection, reports) = try ExportReading.collect(data, run: run, summarize: false)
        let contacts = collection.contacts
        var stored: (location: String, count: Int)?
        if store.isNamed { stored = try await save(collection, reports: reports) }
        if let rejects { try RejectsFile.write(reports, to: rejects) }
        if let output {
            var text = CanonicalCSVWriter.header + "\n"
            for contact in contacts { text += CanonicalCSVWriter.row(contact) + "\n" }
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                printError("Error: cannot write \(output): \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
        switch format {
        case .json:
            var trimmed = reports
            for index in trimmed.indices {
                trimmed[index].rejects = []
                trimmed[index].droppedValues = []
            }
            let summary = Summary(
                files: trimmed,
                contacts: contacts.count,
                database: stored?.location,
                storedContacts: stored?.count
            )
            print(CharterReporting.json(summary))
        case .text:
            let terminal = Terminal.standardOutput
            for report in reports {
                print(ImportSummaryText.render(report, terminal: terminal))
            }
            print(terminal.bold("\(contacts.count) contacts") + (output.map { " written to \($0)" } ?? ""))
            if let stored {
                print("Stored in \(stored.location): \(stored.count) contacts in the store.")
            }
        }
    }

    /// Writes the contacts in batches, one transaction each, then the run's summary: a run stopped at any moment
    /// leaves every batch it wrote, and running it again completes it.
    private func save(
        _ collection: ContactCollection,
        reports: [ImportReport]
    ) async throws -> (location: String, count: Int) {
        let database = try await store.open(createIfMissing: true)
        do {
            try await StoreImport.save(collection, reports: reports, files: data, to: database, now: Self.now) {
                stored,
                total in
                if Terminal.standardError.isTerminal {
                    FileHandle.standardError.write(Data("\r\u{1B}[2K\(stored) of \(total) contacts stored…".utf8))
                }
            }
            clearProgress()
            let count = try await database.contactCount()
            let location = database.location
            try await database.close()
            return (location, count)
        } catch {
            try? await database.close()
            throw error
        }
    }

    static func now() -> Timestamp {
        Timestamp(seconds: Int64(Date().timeIntervalSince1970))
    }
}

/// The summary every import prints: read, accepted, rejected by reason, and anything set aside.
enum ImportSummaryText {
    /// Where a refused row is: `line 12`, or `line 1, record 40` in a JSON export.
    static func place(_ row: ImportReport.RejectedRow) -> String {
        "line \(row.line)" + (row.record.map { ", record \($0)" } ?? "")
    }

    static func render(_ report: ImportReport, terminal: Terminal) -> String {
        var lines = [
            "\(report.file) (\(report.format)): \(report.rowsRead) rows read, \(report.accepted) accepted, "
                + "\(report.rejected) rejected"
                + (report.duplicates > 0 ? ", \(report.duplicates) duplicates counted once" : "")
        ]
        for (reason, count) in report.rejectedByReason.sorted(by: { $0.value > $1.value }) {
            let example = report.rejects.first { $0.reason == reason }.map { " (first at \(place($0)))" } ?? ""
            lines.append(terminal.yellow("  rejected \(count): \(reason)\(example)"))
        }
        for (reason, count) in report.droppedByReason.sorted(by: { $0.value > $1.value }) {
            lines.append(terminal.yellow("  set aside \(count): \(reason)"))
        }
        for note in report.notes { lines.append(terminal.dim("  note: \(note)")) }
        if !report.ignoredColumns.isEmpty {
            lines.append(terminal.dim("  ignored columns: \(report.ignoredColumns.joined(separator: ", "))"))
        }
        return lines.joined(separator: "\n")
    }
}
