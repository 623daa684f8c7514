/// The refused rows of an import as CSV a spreadsheet opens: `northstar import --rejects FILE` writes it, and the
/// dashboard's Import page serves the same text, so both give the same columns.
public enum RejectsCSV {
    /// The header row: `record` (a JSON record's place in its array) comes last, so readers of the older four
    /// columns still work.
    public static let header = "file,line,reason,row,record"

    /// The header and one line per refused row, each ending in a newline.
    public static func text(_ reports: [ImportReport]) -> String {
        var lines = [header]
        for report in reports {
            for row in report.rejects { lines.append(line(row)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One refused row: its file, line, reason, its fields joined by commas, and its record.
    public static func line(_ row: ImportReport.RejectedRow) -> String {
        let fields = [
            row.file, String(row.line), row.reason, row.fields.joined(separator: ","),
            row.record.map(String.init) ?? "",
        ]
        return fields.map(CanonicalCSVWriter.quoted).joined(separator: ",")
    }
}
