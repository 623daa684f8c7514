/// The export formats Northstar reads, with detection from the header.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// Northstar's canonical contacts CSV.
    case canonicalCSV = "canonical-csv"
    /// A ServiceNow incident audit log (one row per update; the last row per incident wins).
    case serviceNow = "servicenow"
    /// A case/activity/timestamp event log, read through an activity map (default: the help-desk preset).
    case eventLog = "event-log"
    /// Intercom conversations as the REST API returns them (JSON pages, lists or JSON Lines).
    case intercom
    /// Salesforce Service Cloud cases, from a report (field labels) or the API (field names).
    case salesforceCases = "salesforce-cases"
    /// Salesforce CaseMilestone rows: joined to the cases of the same run, no contacts of their own.
    case salesforceMilestones = "salesforce-milestones"
    /// A NICE CXone Call Detail data download.
    case cxone
    /// Any CSV, read through a mapping file (``CSVMapping``, ``MappedCSVImporter``).
    case mapped

    /// What the format is, for `northstar import --list-formats`.
    public var summary: String {
        switch self {
        case .canonicalCSV: "Northstar's contacts CSV: id, channel, created_at, … (docs/metrics.md)"
        case .serviceNow:
            "ServiceNow incident export: number, incident_state, opened_at, resolved_at, … (docs/importers.md)"
        case .eventLog: "Event log: case, activity, timestamp, with an activity map (docs/importers.md)"
        case .intercom: "Intercom conversations JSON from the REST API: pages, lists or JSON Lines (docs/importers.md)"
        case .salesforceCases: "Salesforce Case report or API CSV: Case Number, Date/Time Opened, … (docs/importers.md)"
        case .salesforceMilestones: "Salesforce CaseMilestone CSV, joined to the cases read with it (docs/importers.md)"
        case .cxone: "NICE CXone Call Detail data download: Contact_ID, Start_Date, InQueue, … (docs/importers.md)"
        case .mapped: "Any CSV through a mapping file: columns, time format and zone, values (docs/importers.md)"
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
        case .intercom: return IntercomImporter()
        case .salesforceCases: return try SalesforceCaseImporter(timeZoneIdentifier: timeZoneIdentifier)
        case .salesforceMilestones: return try SalesforceMilestoneImporter(timeZoneIdentifier: timeZoneIdentifier)
        case .cxone: return try CXoneImporter(timeZoneIdentifier: timeZoneIdentifier)
        case .mapped:
            throw ImportError(
                code: .configuration,
                message: "the `mapped` format needs a mapping file that says which column is which; give it with "
                    + "--mapping FILE (docs/importers.md)."
            )
        }
    }

    /// The format whose header the file starts with, when exactly one matches.
    public static func detect(path: String) throws(ImportError) -> ImportFormat {
        // JSON exports are told apart by their shape, before anything is read as CSV.
        if IntercomImporter.matches(path: path) { return .intercom }
        let reader = try CSVReader(path: path)
        guard let header = try reader.next() else {
            throw ImportError(code: .unknownFormat, message: "\(path) is empty.")
        }
        var matches: [ImportFormat] = []
        if CanonicalCSVImporter.matches(header: header.fields) { matches.append(.canonicalCSV) }
        if ServiceNowImporter.matches(header: header.fields) { matches.append(.serviceNow) }
        if (try? EventLogImporter())?.matches(header: header.fields) == true { matches.append(.eventLog) }
        if SalesforceCaseImporter.matches(header: header.fields) { matches.append(.salesforceCases) }
        if SalesforceMilestones.matches(header: header.fields) { matches.append(.salesforceMilestones) }
        if CXoneImporter.matches(header: header.fields) { matches.append(.cxone) }
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
