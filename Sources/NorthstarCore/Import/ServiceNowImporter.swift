import Foundation

/// ServiceNow incident exports: the incident table as CSV with its field names as the header (`number`,
/// `opened_at`, `contact_type`, …), either one row per incident or, as in an audit log, one row per update.
///
/// The last row of an incident in file order is its final state and the one kept; earlier rows are counted as
/// duplicates. Memory grows with the number of incidents, not rows. `?` and empty cells are missing values.
/// Times are written `d/M/yyyy HH:mm` with no zone and are read as wall-clock times in ``timeZoneIdentifier``
/// (UTC unless told otherwise), so set it to the instance's zone when that is not UTC.
///
/// Mapping: `number` → id, `contact_type` lowercased → channel, `opened_at` → created, `resolved_at` →
/// resolved, `priority` → priority (the text, such as `3 - Moderate`), `assignment_group` → team,
/// `resolved_by` (or `assigned_to` when nobody resolved it) → agent, `category` → category, `reopen_count` →
/// reopens, `made_sla` → ``Contact/vendorSLAMet``. A row is rejected when `number`, `opened_at` or
/// `contact_type` is missing or a value cannot be read; a resolution before the opening is not a rejection
/// but is dropped from the incident, which is kept unresolved, and recorded in ``ImportReport/droppedValues``.
public struct ServiceNowImporter: CSVContactImporter {
    /// `servicenow`.
    public let formatName = "servicenow"
    /// The IANA zone the export's zoneless times are read in.
    public let timeZoneIdentifier: String
    private let zone: TimeZone

    /// The columns the importer reads.
    public static let columns = [
        "number", "opened_at", "contact_type", "resolved_at", "priority", "assignment_group", "resolved_by",
        "assigned_to", "category", "reopen_count", "made_sla",
    ]
    static let required = ["number", "opened_at", "contact_type"]
    static let timeFormat = LocalTimeFormat.serviceNow

    /// Creates the importer; zoneless times are read in `timeZoneIdentifier` (an IANA name such as
    /// `Europe/Amsterdam`), UTC by default.
    public init(timeZoneIdentifier: String = "UTC") throws(ImportError) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw ImportError(
                code: .configuration,
                message: "`\(timeZoneIdentifier)` is not a known time zone; use an IANA name such as "
                    + "`Europe/Amsterdam` or `UTC`."
            )
        }
        self.timeZoneIdentifier = timeZoneIdentifier
        self.zone = zone
    }

    /// Whether a header row is a ServiceNow incident export's: it names `number`, `opened_at` and
    /// `incident_state`.
    public static func matches(header: [String]) -> Bool {
        let names = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return ["number", "opened_at", "incident_state"].allSatisfy(names.contains)
    }

    /// Reads from a prepared reader; `file` names the source in the report.
    public func importContacts(
        reader: CSVReader,
        file: String,
        into sink: (Contact) -> Void
    ) throws(ImportError) -> ImportReport {
        var report = ImportReport(file: file, format: formatName)
        let (names, index) = try CSVHeader.read(
            reader,
            file: file,
            required: Self.required,
            known: Self.columns,
            exportName: "a ServiceNow incident export",
            emptyMessage: "\(file) is empty; expected a ServiceNow incident header naming "
                + "\(Self.required.map { "`\($0)`" }.joined(separator: ", ")).",
            fix: "Export the incident table with field names, not labels, as the header.",
            report: &report
        )
        let columns = ColumnIndex(
            number: index["number"]!,
            openedAt: index["opened_at"]!,
            contactType: index["contact_type"]!,
            resolvedAt: index["resolved_at"],
            priority: index["priority"],
            assignmentGroup: index["assignment_group"],
            resolvedBy: index["resolved_by"],
            assignedTo: index["assigned_to"],
            category: index["category"],
            reopenCount: index["reopen_count"],
            madeSLA: index["made_sla"]
        )

        // The latest usable row of each incident, in the order incidents first appear.
        var incidents: [Incident] = []
        var position: [String: Int] = [:]
        while let record = try reader.next() {
            // Blank lines, bytes that are not UTF-8 and rows of the wrong width are counted and refused here.
            guard CSVHeader.usableFields(record, width: names.count, report: &report) != nil else { continue }
            switch incident(from: record, columns) {
            case .success(let incident):
                report.accepted += 1
                if let existing = position[incident.contact.id] {
                    report.duplicates += 1
                    incidents[existing] = incident
                } else {
                    position[incident.contact.id] = incidents.count
                    incidents.append(incident)
                }
            case .failure(let problem):
                report.reject(line: record.line, reason: problem.text, fields: record.fields)
            }
        }
        for incident in incidents {
            if let dropped = incident.droppedResolution {
                report.drop(
                    line: incident.line,
                    contactID: incident.contact.id,
                    field: "resolved_at",
                    value: dropped,
                    reason: "resolved_at before opened_at"
                )
            }
            report.contacts += 1
            sink(incident.contact)
        }
        return report
    }

    struct ColumnIndex {
        let number, openedAt, contactType: Int
        let resolvedAt, priority, assignmentGroup, resolvedBy, assignedTo, category, reopenCount, madeSLA: Int?
    }

    /// An incident as its latest usable row describes it.
    struct Incident {
        var contact: Contact
        /// The line of that row.
        var line: Int
        /// `resolved_at` as written, when it came before `opened_at` and was dropped.
        var droppedResolution: String?
    }

    struct RowProblem: Error {
        let text: String
    }

    func incident(from record: CSVReader.Record, _ columns: ColumnIndex) -> Result<Incident, RowProblem> {
        let fields = record.fields
        func text(_ column: Int?) -> String? {
            guard let column else { return nil }
            let value = fields[column].trimmingCharacters(in: .whitespaces)
            return value.isEmpty || value == "?" ? nil : value
        }
        func time(_ value: String) -> Timestamp? {
            Self.timeFormat.localSeconds(value).map { Timestamp(localSeconds: $0, in: zone) }
        }
        guard let number = text(columns.number) else { return .failure(RowProblem(text: "number is missing")) }
        guard let openedText = text(columns.openedAt) else {
            return .failure(RowProblem(text: "opened_at is missing"))
        }
        guard let opened = time(openedText) else {
            return .failure(RowProblem(text: "opened_at is not a d/M/yyyy HH:mm time"))
        }
        guard let contactType = text(columns.contactType) else {
            return .failure(RowProblem(text: "contact_type is missing"))
        }
        var contact = Contact(id: number, channel: contactType.lowercased(), createdAt: opened)
        contact.priority = text(columns.priority)
        contact.team = text(columns.assignmentGroup)
        contact.agent = text(columns.resolvedBy) ?? text(columns.assignedTo)
        contact.category = text(columns.category)
        if let value = text(columns.reopenCount) {
            guard let count = Int(value), (0...10_000).contains(count) else {
                return .failure(RowProblem(text: "reopen_count is not a whole number in 0…10000"))
            }
            contact.reopens = count
        }
        if let value = text(columns.madeSLA) {
            switch value.lowercased() {
            case "true": contact.vendorSLAMet = true
            case "false": contact.vendorSLAMet = false
            default: return .failure(RowProblem(text: "made_sla is not true or false"))
            }
        }
        var dropped: String?
        if let resolvedText = text(columns.resolvedAt) {
            guard let resolved = time(resolvedText) else {
                return .failure(RowProblem(text: "resolved_at is not a d/M/yyyy HH:mm time"))
            }
            if resolved < opened {
                dropped = resolvedText
            } else {
                contact.resolvedAt = resolved
            }
        }
        return .success(Incident(contact: contact, line: record.line, droppedResolution: dropped))
    }
}
