import ArgumentParser
import Foundation
import NorthstarCore

/// `--rejects FILE`: every refused row with its file, line and reason, as CSV a spreadsheet opens.
enum RejectsFile {
    static func write(_ reports: [ImportReport], to path: String) throws {
        // `record` (a JSON record's place in its array) comes last, so readers of the older four columns still work.
        var lines = ["file,line,reason,row,record"]
        for report in reports {
            for row in report.rejects {
                let fields = [
                    row.file, String(row.line), row.reason, row.fields.joined(separator: ","),
                    row.record.map(String.init) ?? "",
                ]
                lines.append(fields.map(CanonicalCSVWriter.quoted).joined(separator: ","))
            }
        }
        do {
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            printError("Error: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }
}
