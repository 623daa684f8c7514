import Foundation

/// The header and row checks every CSV format shares: names matched without regard to case or surrounding
/// spaces, the required ones checked with a suggestion, the rest listed as ignored.
enum CSVHeader {
    /// The cell under the header `name` (lower case), trimmed; `nil` when the column is absent or the cell empty.
    static func cell(_ name: String, in fields: [String], index: [String: Int]) -> String? {
        guard let column = index[name] else { return nil }
        let value = fields[column].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    /// Reads the header; returns the lower-case names and the first position of each.
    static func read(
        _ reader: CSVReader,
        file: String,
        required: [String],
        known: [String],
        exportName: String,
        emptyMessage: String? = nil,
        fix: String? = nil,
        report: inout ImportReport
    ) throws(ImportError) -> (names: [String], index: [String: Int]) {
        guard let header = try reader.next() else {
            throw ImportError(
                code: .missingColumn,
                message: emptyMessage
                    ?? "\(file) is empty; expected \(exportName) with a header naming "
                    + "\(required.map { "`\($0)`" }.joined(separator: ", "))."
            )
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        let missing = required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            let hints = missing.compactMap { name in
                Suggestion.closest(to: name, in: names).map { "`\($0)` for `\(name)`?" }
            }
            throw ImportError(
                code: .missingColumn,
                message: "the header lacks \(missing.map { "`\($0)`" }.joined(separator: ", "))"
                    + (hints.isEmpty ? "." : "; did you mean \(hints.joined(separator: ", "))")
                    + " " + (fix ?? "Export the tickets again from \(exportName) with these columns."),
                location: SourceLocation(file: file, line: header.line, column: 1)
            )
        }
        report.ignoredColumns = names.filter { !$0.isEmpty && !known.contains($0) }
        return (names, index)
    }

    /// The fields of a data row, or `nil` (having counted and, where due, rejected it) for a blank line, a row
    /// that is not UTF-8 or a row of the wrong width.
    static func usableFields(_ record: CSVReader.Record, width: Int, report: inout ImportReport) -> [String]? {
        if record.fields.count == 1 && record.fields[0].isEmpty { return nil }  // a blank line is not a row
        report.rowsRead += 1
        if record.invalidUTF8 {
            report.reject(line: record.line, reason: "not UTF-8 text", fields: record.fields)
            return nil
        }
        guard record.fields.count == width else {
            report.reject(
                line: record.line,
                reason: "has \(record.fields.count) fields, the header has \(width)",
                fields: record.fields
            )
            return nil
        }
        return record.fields
    }
}
