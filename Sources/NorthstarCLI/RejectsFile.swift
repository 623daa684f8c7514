import ArgumentParser
import Foundation
import NorthstarCore

/// `--rejects FILE`: every refused row with its file, line and reason, as CSV a spreadsheet opens (``RejectsCSV``).
enum RejectsFile {
    static func write(_ reports: [ImportReport], to path: String) throws {
        do {
            try RejectsCSV.text(reports).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            printError("Error: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }
}
