/// The export formats Northstar reads, with detection from the header.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// Northstar's canonical contacts CSV.
    case canonicalCSV = "canonical-csv"
    /// A ServiceNow incident audit log (one row per update; the last row per incident wins).
    case serviceNow = "servicenow"
    /// A case/activity/timestamp event log, read through an activity map (default: the help-desk preset).
    case eventLog = "event-log"

    /// What the format is, for `northstar import --list-formats`.
    public var summary: String {
        switch self {
        case .canonicalCSV: "Northstar's contacts CSV: id, channel, created_at, … (docs/metrics.md)"
        case .serviceNow:
            "ServiceNow incident export: number, incident_state, opened_at, resolved_at, … (docs/importers.md)"
        case .eventLog: "Event log: case, activity, timestamp, with an activity map (docs/importers.md)"
        }
    }

    /// The importer for this format, reading zoneless times in `timeZoneIdentifier`.
    public func importer(timeZoneIdentifier: String = "UTC") throws(ImportError) -> any ContactImporter {
        switch self {
        case .canonicalCSV: return CanonicalCSVImporter()
        case .serviceNow: return try ServiceNowImporter(timeZoneIdentifier: timeZoneIdentifier)
        case .eventLog:
            var map = ActivityMap.helpdesk
            map.timezone = timeZoneIdentifier
            return try EventLogImporter(map: map)
        }
    }

    /// The format whose header the file starts with, when exactly one matches.
    public static func detect(path: String) throws(ImportError) -> ImportFormat {
        let reader = try CSVReader(path: path)
        guard let header = try reader.next() else {
            throw ImportError(code: .unknownFormat, message: "\(path) is empty.")
        }
        var matches: [ImportFormat] = []
        if CanonicalCSVImporter.matches(header: header.fields) { matches.append(.canonicalCSV) }
        if ServiceNowImporter.matches(header: header.fields) { matches.append(.serviceNow) }
        if (try? EventLogImporter())?.matches(header: header.fields) == true { matches.append(.eventLog) }
        if matches.count == 1 { return matches[0] }
        let shown = header.fields.prefix(6).joined(separator: ",")
        throw ImportError(
            code: .unknownFormat,
            message: matches.isEmpty
                ? "cannot tell the format of \(path) from its header (\(shown)…). Name it with --input-format; "
                    + "`northstar import --list-formats` lists them."
                : "the header of \(path) fits \(matches.map(\.rawValue).joined(separator: " and ")); name one with --input-format.",
            location: SourceLocation(file: path, line: 1, column: 1)
        )
    }
}
