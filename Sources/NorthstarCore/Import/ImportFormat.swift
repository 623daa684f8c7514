/// The export formats Northstar reads, with detection from the header.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// Northstar's canonical contacts CSV.
    case canonicalCSV = "canonical-csv"

    /// What the format is, for `northstar import --list-formats`.
    public var summary: String {
        switch self {
        case .canonicalCSV: "Northstar's contacts CSV: id, channel, created_at, … (docs/metrics.md)"
        }
    }

    /// The importer for this format.
    public func importer() -> any ContactImporter {
        switch self {
        case .canonicalCSV: CanonicalCSVImporter()
        }
    }

    /// The format whose header the file starts with, when exactly one matches.
    public static func detect(path: String) throws(ImportError) -> ImportFormat {
        let reader = try CSVReader(path: path)
        guard let header = try reader.next() else {
            throw ImportError(code: .unknownFormat, message: "\(path) is empty.")
        }
        if CanonicalCSVImporter.matches(header: header.fields) { return .canonicalCSV }
        let shown = header.fields.prefix(6).joined(separator: ",")
        throw ImportError(
            code: .unknownFormat,
            message: "cannot tell the format of \(path) from its header (\(shown)…). Name it with --input-format; "
                + "`northstar import --list-formats` lists them.",
            location: SourceLocation(file: path, line: 1, column: 1)
        )
    }
}
