/// The export formats Northstar reads, with detection from the header (CSV) or the shape (JSON).
public enum ImportFormat: String, Sendable, CaseIterable {
    /// Northstar's canonical contacts CSV.
    case canonicalCSV = "canonical-csv"
    /// A ServiceNow incident audit log (one row per update; the last row per incident wins).
    case serviceNow = "servicenow"
    /// A case/activity/timestamp event log, read through an activity map (default: the help-desk preset).
    case eventLog = "event-log"
    /// Northstar's event stream: JSON Lines, one event a line (created, messages, replies, statuses, …);
    /// all files of a run are read together.
    case eventStream = "event-stream"
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
    /// Zendesk Support API JSON: tickets, ticket metrics, metric events, satisfaction ratings, joined by ticket id.
    case zendeskJSON = "zendesk-json"
    /// Zendesk Support's legacy CSV export.
    case zendeskCSV = "zendesk-csv"
    /// Freshdesk API v2 JSON: tickets with stats, conversations, satisfaction ratings, joined by ticket id.
    case freshdeskJSON = "freshdesk-json"
    /// Freshdesk's ticket CSV export.
    case freshdeskCSV = "freshdesk-csv"

    /// What the format is, for `northstar import --list-formats`.
    public var summary: String {
        switch self {
        case .canonicalCSV: "Northstar's contacts CSV: id, channel, created_at, … (docs/metrics.md)"
        case .serviceNow:
            "ServiceNow incident export: number, incident_state, opened_at, resolved_at, … (docs/importers.md)"
        case .eventLog: "Event log: case, activity, timestamp, with an activity map (docs/importers.md)"
        case .eventStream:
            "Event stream, JSON Lines: {\"contact\", \"type\", \"at\", …} per line; pauses, bot handoffs, next "
                + "replies (docs/importers.md)"
        case .intercom: "Intercom conversations JSON from the REST API: pages, lists or JSON Lines (docs/importers.md)"
        case .salesforceCases: "Salesforce Case report or API CSV: Case Number, Date/Time Opened, … (docs/importers.md)"
        case .salesforceMilestones: "Salesforce CaseMilestone CSV, joined to the cases read with it (docs/importers.md)"
        case .cxone: "NICE CXone Call Detail data download: Contact_ID, Start_Date, InQueue, … (docs/importers.md)"
        case .mapped: "Any CSV through a mapping file: columns, time format and zone, values (docs/importers.md)"
        case .zendeskJSON:
            "Zendesk API JSON: tickets, ticket_metrics, ticket_metric_events, satisfaction_ratings; all files of a "
                + "run joined by ticket id (docs/importers.md)"
        case .zendeskCSV:
            "Zendesk CSV export: Id, Created at, Via, …, First reply time in minutes; times in --source-timezone"
        case .freshdeskJSON:
            "Freshdesk API v2 JSON: tickets with stats, conversations, satisfaction ratings; joined by ticket id"
        case .freshdeskCSV:
            "Freshdesk ticket CSV export: Ticket ID, Created time, Source, …; times in --source-timezone"
        }
    }

    /// Whether the format's records are spread over several files that must be read together (tickets in one,
    /// their metrics or conversations in another): such files are given to one importer call.
    public var joinsFiles: Bool {
        switch self {
        case .zendeskJSON, .freshdeskJSON, .eventStream: true
        default: false
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
        case .eventStream: return EventStreamImporter()
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
        case .zendeskJSON: return ZendeskImporter()
        case .zendeskCSV: return try ZendeskCSVImporter(timeZoneIdentifier: timeZoneIdentifier)
        case .freshdeskJSON: return FreshdeskImporter()
        case .freshdeskCSV: return try FreshdeskCSVImporter(timeZoneIdentifier: timeZoneIdentifier)
        }
    }

    /// The format the file is in, when exactly one matches: a JSON document (it starts with `{` or `[`) by the
    /// names of its top-level members and its first record, anything else by its CSV header.
    public static func detect(path: String) throws(ImportError) -> ImportFormat {
        // JSON exports are told apart by their shape, before anything is read as CSV.
        if IntercomImporter.matches(path: path) { return .intercom }
        if try JSONShape.startsLikeJSON(path: path) { return try detectJSON(path: path) }
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
        if ZendeskCSVImporter.matches(header: header.fields) { matches.append(.zendeskCSV) }
        if FreshdeskCSVImporter.matches(header: header.fields) { matches.append(.freshdeskCSV) }
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

    private static func detectJSON(path: String) throws(ImportError) -> ImportFormat {
        let shape = try JSONShape.read(
            path: path,
            recordArrays: ZendeskImporter.recordArrays.union(FreshdeskImporter.recordArrays)
        )
        var matches: [ImportFormat] = []
        // An event stream's first line is itself the first record: a top-level object naming contact, type, at.
        if let first = shape.firstRecord, Set(shape.topLevelKeys) == first.keys,
            first.keys.isSuperset(of: ["contact", "type", "at"])
        {
            matches.append(.eventStream)
        }
        if ZendeskImporter.matches(topLevelKeys: shape.topLevelKeys, firstRecord: shape.firstRecord) {
            matches.append(.zendeskJSON)
        }
        if FreshdeskImporter.matches(topLevelKeys: shape.topLevelKeys, firstRecord: shape.firstRecord) {
            matches.append(.freshdeskJSON)
        }
        if matches.count == 1 { return matches[0] }
        let described =
            shape.firstRecord.map { "its first record has \($0.keys.sorted().prefix(8).joined(separator: ", "))" }
            ?? "it holds no record"
        throw ImportError(
            code: .unknownFormat,
            message: matches.isEmpty
                ? "cannot tell which export the JSON file \(path) is (\(described)). Name it with --input-format; "
                    + "`northstar import --list-formats` lists them."
                : "the JSON file \(path) fits \(matches.map(\.rawValue).joined(separator: " and ")); name one with "
                    + "--input-format.",
            location: SourceLocation(file: path, line: 1, column: 1)
        )
    }
}
