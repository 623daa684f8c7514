import Foundation

/// Salesforce Service Cloud cases exported as CSV: a report export, whose header holds the fields' labels
/// (`Case Number`, `Date/Time Opened`, `Case Origin`, …), or an API or Data Loader export with the API names
/// (`CaseNumber`, `CreatedDate`, `Origin`, …). Both are read; the columns are listed in ``Column``.
///
/// Mapping: `Case Number` (else `Case ID`) → id; `Date/Time Opened` → created; `Date/Time Closed` → resolved,
/// unless the `Closed` checkbox says the case is open again; `Case Origin` lowercased → channel (`unknown` when
/// empty); `Priority` → priority; `Case Owner` → agent; `Type` (else `Case Reason`) → category. Times are read as
/// ``SalesforceTime`` describes, zoneless ones in ``timeZoneIdentifier``. The footer of a classic report export is
/// recognised and skipped.
///
/// Milestones (``SalesforceMilestones``) read before the cases are joined by case id or number: they give the
/// first response and Salesforce's SLA verdict (``Contact/vendorSLAMet``). A case seen again replaces the earlier
/// row. A case closed before it was opened is rejected.
public struct SalesforceCaseImporter: CSVContactImporter {
    /// `salesforce-cases`.
    public let formatName = "salesforce-cases"
    /// The IANA zone the export's zoneless times are read in.
    public let timeZoneIdentifier: String
    /// The milestones to join to the cases.
    public let milestones: SalesforceMilestones
    private let time: SalesforceTime

    /// The columns read, each by its report label and its API name.
    public enum Column {
        /// `Case Number`, the number people see.
        public static let caseNumber = ["Case Number", "CaseNumber"]
        /// `Case ID`, the record id.
        public static let caseID = ["Case ID", "Id", "CaseId"]
        /// When the case was opened.
        public static let opened = ["Date/Time Opened", "CreatedDate", "Created Date"]
        /// When it was closed.
        public static let closed = ["Date/Time Closed", "ClosedDate", "Closed Date"]
        /// The `Closed` checkbox.
        public static let isClosed = ["Closed", "IsClosed"]
        /// Where it came from: the channel.
        public static let origin = ["Case Origin", "Origin"]
        /// Its priority.
        public static let priority = ["Priority"]
        /// Who owns it.
        public static let owner = ["Case Owner", "Owner Name", "Owner", "Owner.Name", "OwnerId", "Owner ID"]
        /// Its type, the category.
        public static let type = ["Type", "Case Type"]
        /// Its reason, the category when there is no type.
        public static let reason = ["Case Reason", "Reason"]
    }

    /// Creates the importer; zoneless times are read in `timeZoneIdentifier` (the zone of the user who exported the
    /// report), and `milestones` are joined to the cases.
    public init(
        timeZoneIdentifier: String = "UTC",
        milestones: SalesforceMilestones = SalesforceMilestones()
    ) throws(ImportError) {
        self.time = try SalesforceTime(timeZoneIdentifier: timeZoneIdentifier)
        self.timeZoneIdentifier = timeZoneIdentifier
        self.milestones = milestones
    }

    /// Whether a header is a Case export's: a case number or case id label, an opening time, and no milestone
    /// columns.
    public static func matches(header: [String]) -> Bool {
        let columns = CSVColumns(header: CSVReader.Record(fields: header, line: 1, invalidUTF8: false))
        return columns.has(["Case Number", "CaseNumber", "Case ID"]) && columns.has(Column.opened)
            && !SalesforceMilestones.matches(header: header)
    }

    /// Reads from a prepared reader; `file` names the source in the report.
    public func importContacts(
        reader: CSVReader,
        file: String,
        into sink: (Contact) -> Void
    ) throws(ImportError) -> ImportReport {
        var report = ImportReport(file: file, format: formatName)
        guard let header = try reader.next() else {
            throw ImportError(code: .missingColumn, message: "\(file) is empty; expected a Salesforce Case header.")
        }
        let columns = CSVColumns(header: header)
        let number = columns.position(Column.caseNumber)
        let caseID = columns.position(Column.caseID)
        guard let opened = columns.position(Column.opened), number != nil || caseID != nil else {
            let missing = [
                number == nil && caseID == nil ? "`Case Number` (API: `CaseNumber`)" : nil,
                columns.has(Column.opened) ? nil : "`Date/Time Opened` (API: `CreatedDate`)",
            ].compactMap { $0 }
            let hint =
                columns.has(["Opened Date", "Date Opened"])
                ? " The report has the opening date only; add the Date/Time Opened column." : ""
            throw ImportError(
                code: .missingColumn,
                message: "the header lacks \(missing.joined(separator: " and ")).\(hint)",
                location: SourceLocation(file: file, line: columns.line, column: 1)
            )
        }
        let positions = (
            closed: columns.position(Column.closed), isClosed: columns.position(Column.isClosed),
            origin: columns.position(Column.origin), priority: columns.position(Column.priority),
            owner: columns.position(Column.owner), type: columns.position(Column.type),
            reason: columns.position(Column.reason)
        )
        report.ignoredColumns = columns.unused([
            number, caseID, opened, positions.closed, positions.isClosed, positions.origin, positions.priority,
            positions.owner, positions.type, positions.reason,
        ])
        var contacts = LatestContacts()
        var drops: [String: (line: Int, field: String, value: String, reason: String)] = [:]
        var afterBlank = false
        var footer = 0
        var noOrigin = 0
        var joined: Set<String> = []
        var seenKeys: Set<String> = []
        let width = columns.count
        /// Blank lines and the footer after them are not rows.
        func isFooter(_ record: CSVReader.Record) -> Bool {
            if record.fields.count == 1 && record.fields[0].isEmpty {
                afterBlank = true
                return true
            }
            guard SalesforceTime.isFooter(record, afterBlankLine: afterBlank, width: width) else { return false }
            footer += 1
            return true
        }
        try reader.forEachRow(width: width, report: &report, skip: isFooter) { record, report in
            let fields = record.fields
            func text(_ position: Int?) -> String? {
                guard let position else { return nil }
                let value = fields[position].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            func reject(_ reason: String) { report.reject(line: record.line, reason: reason, fields: fields) }
            func name(_ position: Int) -> String { columns.names[position] }
            let numberText = text(number)
            let idText = text(caseID)
            guard let id = numberText ?? idText else { return reject("\(name(number ?? caseID!)) is missing") }
            guard let openedText = text(opened) else { return reject("\(name(opened)) is missing") }
            guard let created = time.instant(openedText) else {
                return reject("\(name(opened)) is not \(SalesforceTime.described)")
            }
            var resolved: Timestamp?
            if let closedPosition = positions.closed, let closedText = text(closedPosition) {
                guard let instant = time.instant(closedText) else {
                    return reject("\(name(closedPosition)) is not \(SalesforceTime.described)")
                }
                resolved = instant
            }
            if let position = positions.isClosed, let value = text(position) {
                guard let isClosed = SalesforceTime.flag(value) else {
                    return reject("\(name(position)) is not true or false")
                }
                if !isClosed { resolved = nil }
            }
            if let resolved, resolved < created { return reject("resolution before creation") }
            let origin = text(positions.origin)
            if origin == nil { noOrigin += 1 }
            var contact = Contact(id: id, channel: origin?.lowercased() ?? "unknown", createdAt: created)
            contact.resolvedAt = resolved
            contact.priority = text(positions.priority)
            contact.agent = text(positions.owner)
            contact.category = text(positions.type) ?? text(positions.reason)
            drops[id] = nil
            joined.remove(id)
            if let idText { seenKeys.insert(SalesforceMilestones.idKey(idText)) }
            if let numberText { seenKeys.insert(SalesforceMilestones.numberKey(numberText)) }
            if let summary = milestones.summary(caseID: idText, caseNumber: numberText) {
                joined.insert(id)
                contact.vendorSLAMet = summary.met
                if let first = summary.firstResponseAt {
                    if first < created {
                        drops[id] = (
                            summary.firstResponseLine ?? record.line, "CompletionDate", summary.firstResponseText ?? "",
                            "first-response milestone completed before the case was opened"
                        )
                    } else {
                        contact.firstResponseAt = first
                    }
                }
            }
            contacts.accept(contact, line: record.line, in: &report)
        }
        for entry in contacts.entries {
            if let drop = drops[entry.contact.id] {
                report.drop(
                    line: drop.line,
                    contactID: entry.contact.id,
                    field: drop.field,
                    value: drop.value,
                    reason: drop.reason
                )
            }
        }
        if footer > 0 {
            report.notes.append("skipped the report's footer (\(footer) line\(footer == 1 ? "" : "s") after the data).")
        }
        if noOrigin > 0 {
            report.notes.append(
                "\(noOrigin) case\(noOrigin == 1 ? " has" : "s have") no Case Origin; channel `unknown`."
            )
        }
        if milestones.count > 0 {
            let kind = caseID != nil ? "id:" : "number:"
            let unmatched = milestones.caseKeys.subtracting(seenKeys).filter { $0.hasPrefix(kind) }.count
            let firstResponses = contacts.entries.filter { $0.contact.firstResponseAt != nil }.count
            report.notes.append(
                "milestones joined to \(joined.count) case\(joined.count == 1 ? "" : "s"); \(firstResponses) took "
                    + "their first response from a completed first-response milestone"
                    + (joined.isEmpty ? " (do both exports name cases the same way, by Case ID or Case Number?)." : ".")
            )
            if unmatched > 0 && !joined.isEmpty {
                report.notes.append("\(unmatched) of the cases the milestones name are not in this file.")
            }
        }
        contacts.deliver(to: sink, report: &report)
        return report
    }
}
