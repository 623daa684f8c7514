import ArgumentParser
import Foundation
import NorthstarCore

/// `--rejects FILE`: every refused row with its file, line and reason, as CSV a spreadsheet opens.
enum RejectsFile {
    static func write(_ reports: [ImportReport], to path: String) throws {
        var lines = ["file,line,reason,row"]
        for report in reports {
            for row in report.rejects {
                let fields = [row.file, String(row.line), row.reason, row.fields.joined(separator: ",")]
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
