import ArgumentParser
import NorthstarCore

/// The import step `check`, `explore` and `import` share: read every export, show progress on a terminal,
/// summarise what was read and refused on standard error, and turn an unreadable export into exit status 2.
enum ExportReading {
    static func read(
        _ paths: [String],
        run: ImportRun,
        summarize: Bool
    ) throws -> (contacts: [Contact], reports: [ImportReport]) {
        try reporting(summarize: summarize, reports: \.reports) { () throws(ImportError) in
            try run.read(paths, progress: importProgress)
        }
    }

    /// The streaming check over contacts CSVs, with the same summaries and exit status as ``read(_:run:summarize:)``.
    static func stream(
        _ paths: [String],
        charter: Charter,
        options: CheckEngine.Options,
        summarize: Bool
    ) throws -> (report: CheckReport, imports: [ImportReport]) {
        try reporting(summarize: summarize, reports: \.imports) { () throws(ImportError) in
            try StreamingCheck.evaluate(charter: charter, options: options, paths: paths, progress: streamProgress())
        }
    }

    /// Runs `work`, clears the progress line, prints each file's summary when `summarize`, and turns an error into
    /// its message and exit status 2.
    private static func reporting<Result>(
        summarize: Bool,
        reports: (Result) -> [ImportReport],
        _ work: () throws(ImportError) -> Result
    ) throws -> Result {
        do {
            let result = try work()
            clearProgress()
            if summarize {
                for report in reports(result) {
                    printError(ImportSummaryText.render(report, terminal: .standardError))
                }
            }
            return result
        } catch {
            clearProgress()
            printError(Terminal.standardError.red("Error: ") + error.description)
            throw ExitStatus.unreadable
        }
    }
}
