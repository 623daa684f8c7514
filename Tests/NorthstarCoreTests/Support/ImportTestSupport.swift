import Foundation
import Testing

@testable import NorthstarCore

/// Writes hand-typed exports to a temporary folder and imports them.
enum ImportTesting {
    /// A folder of its own for this test process.
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("northstar-import-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes `text` to a new file and returns its path: with CRLF line ends when `crlf`, behind a UTF-8 byte
    /// order mark when `bom`.
    static func write(_ text: String, crlf: Bool = false, bom: Bool = false) throws -> String {
        var bytes = Array((crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text).utf8)
        if bom { bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        let url = folder.appendingPathComponent("\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Imports the file at `path` and returns the contacts in the order they came, with the report.
    static func run(
        _ importer: some ContactImporter,
        path: String
    ) throws -> (contacts: [Contact], report: ImportReport) {
        var contacts: [Contact] = []
        let report = try importer.importContacts(from: path) { contacts.append($0) }
        return (contacts, report)
    }

    /// Imports `text` written to a temporary file.
    static func run(
        _ importer: some ContactImporter,
        text: String,
        crlf: Bool = false,
        bom: Bool = false
    ) throws -> (contacts: [Contact], report: ImportReport) {
        try run(importer, path: write(text, crlf: crlf, bom: bom))
    }
}

/// The median, done the obvious way: sort, then the middle value or the mean of the two middle values.
func plainMedian(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Hours from `start` to `end`.
func hours(from start: Timestamp, to end: Timestamp) -> Double {
    Double(start.seconds(until: end)) / 3_600
}

/// Whether `value` agrees with a reference figure printed to four decimals (it rounds to it).
func agreesToFourDecimals(_ value: Double, _ reference: Double) -> Bool {
    abs(value - reference) <= 0.000_05 + 1e-12
}
