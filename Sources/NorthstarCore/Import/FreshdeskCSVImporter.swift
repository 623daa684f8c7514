import Foundation

/// Freshdesk's ticket export from the web app (Tickets › Export, CSV): one row per ticket, labels as the header
/// (`Ticket ID`, `Subject`, `Status`, `Priority`, `Source`, …, `Created time`, `Resolved time`, `Initial response
/// time`, `Agent interactions`, `Survey results`).
///
/// Times are written without a zone, in the account's (or exporting agent's) time zone; they are read as wall-clock
/// times in ``timeZoneIdentifier`` (`--source-timezone`). Durations come from the timestamps: the `… (in hrs)`
/// columns are business hours, often empty or `HH:MM:SS`, and are not read. The last row of a ticket id wins.
///
/// Mapping: `Ticket ID` → id, `Source` → channel (lower case: `email`, `portal`, `phone`, `chat`, `feedback
/// widget`, `outbound email`), `Created time` → created, `Initial response time` → first response, `Resolved time`
/// (or `Closed time`) → resolved while `Status` is Resolved or Closed, `Priority` → priority (lower case), `Agent`
/// → agent, `Group` → team, `Type` → category (lower case), `Agent interactions` → agent replies, `Survey results`
/// → CSAT (happy answers 5, neutral 3, unhappy 1).
public struct FreshdeskCSVImporter: ContactImporter {
    /// `freshdesk-csv`.
    public let formatName = "freshdesk-csv"
    /// The IANA zone the export's zoneless times are read in.
    public let timeZoneIdentifier: String
    private let times: ExportTimeParser

    /// The columns the importer reads, as they are matched (lower case).
    public static let columns = [
        "ticket id", "created time", "resolved time", "closed time", "initial response time", "source", "priority",
        "status", "agent", "group", "type", "agent interactions", "survey results",
    ]
    static let required = ["ticket id", "created time", "source"]

    /// Creates the importer; zoneless times are read in `timeZoneIdentifier`, UTC by default.
    public init(timeZoneIdentifier: String = "UTC") throws(ImportError) {
        self.times = try ExportTimeParser(timeZoneIdentifier: timeZoneIdentifier)
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// Whether a header row is this export's: it names `Ticket ID`, `Created time` and `Source`.
    public static func matches(header: [String]) -> Bool {
        let names = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return required.allSatisfy(names.contains)
    }

    /// Reads the file at `path`, handing each contact to `sink` once the whole file is read.
    public func importContacts(from path: String, into sink: (Contact) -> Void) throws(ImportError) -> ImportReport {
        try importContacts(reader: CSVReader(path: path), file: path, into: sink)
    }

    /// What a kept row contributes to the report once it is final.
    struct RowFacts {
        var reopenedSinceSolve: Bool
        var answered: Bool
        /// A survey result set aside, as written.
        var droppedSurvey: String?
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
            exportName: "Freshdesk's ticket export",
            report: &report
        )
        var rows = KeepLastRow<RowFacts>()
        while let record = try reader.next() {
            guard let fields = CSVHeader.usableFields(record, width: names.count, report: &report) else {
                continue
            }
            func text(_ name: String) -> String? { CSVHeader.cell(name, in: fields, index: index) }
            func reject(_ reason: String) { report.reject(line: record.line, reason: reason, fields: fields) }
            guard let id = text("ticket id") else {
                reject("Ticket ID is missing")
                continue
            }
            guard let source = text("source") else {
                reject("Source is missing")
                continue
            }
            guard let createdText = text("created time") else {
                reject("Created time is missing")
                continue
            }
            guard let created = times.timestamp(createdText) else {
                reject("Created time is not a \(times.expected) time")
                continue
            }
            var contact = Contact(id: id, channel: source.lowercased(), createdAt: created)
            contact.priority = text("priority")?.lowercased()
            contact.agent = text("agent")
            contact.team = text("group")
            contact.category = text("type")?.lowercased()
            if let responseText = text("initial response time") {
                guard let response = times.timestamp(responseText) else {
                    reject("Initial response time is not a \(times.expected) time")
                    continue
                }
                guard response >= created else {
                    reject("first response before creation")
                    continue
                }
                contact.firstResponseAt = response
            }
            var reopened = false
            if let resolvedText = text("resolved time") ?? text("closed time") {
                guard let resolved = times.timestamp(resolvedText) else {
                    reject("Resolved time is not a \(times.expected) time")
                    continue
                }
                guard resolved >= created else {
                    reject("resolution before creation")
                    continue
                }
                if text("status").map({ FreshdeskCodes.isResolved(status: $0.lowercased()) }) ?? true {
                    contact.resolvedAt = resolved
                } else {
                    reopened = true
                }
            }
            do throws(JSONRecordProblem) {
                contact.agentReplies = try ZendeskCSVImporter.count(text("agent interactions"), "Agent interactions")
            } catch {
                reject(error.text)
                continue
            }
            var droppedSurvey: String?
            if let survey = text("survey results") {
                if let score = FreshdeskCodes.surveyScore(text: survey) {
                    contact.csat = score
                } else {
                    droppedSurvey = survey
                }
            }
            report.accepted += 1
            let facts = RowFacts(
                reopenedSinceSolve: reopened,
                answered: contact.csat != nil,
                droppedSurvey: droppedSurvey
            )
            if rows.keep(contact, line: record.line, facts: facts) { report.duplicates += 1 }
        }
        var reopenedSinceSolve = 0
        var answered = 0
        for row in rows.rows {
            if row.facts.reopenedSinceSolve { reopenedSinceSolve += 1 }
            if row.facts.answered { answered += 1 }
            if let survey = row.facts.droppedSurvey {
                report.drop(
                    line: row.line,
                    contactID: row.contact.id,
                    field: "Survey results",
                    value: survey,
                    reason: "Survey results is not a known survey answer"
                )
            }
            report.contacts += 1
            sink(row.contact)
        }
        if reopenedSinceSolve > 0 {
            report.notes.append(
                "\(reopenedSinceSolve) tickets have a Resolved time but a Status other than Resolved or Closed: they "
                    + "count as unresolved."
            )
        }
        if answered > 0 {
            report.notes.append(
                "Satisfaction: happy answers are stored as 5, neutral as 3 and unhappy as 1, so the CSAT share (4–5) "
                    + "equals Freshdesk's share of positive answers."
            )
        }
        if index["agent interactions"] != nil {
            report.notes.append(
                "Agent replies are the Agent interactions column, as Freshdesk counts them."
            )
        }
        report.notes.append(
            "Times without a zone were read in \(timeZoneIdentifier); Freshdesk writes this export in the account's "
                + "time zone (--source-timezone). The (in hrs) columns are business hours and are not read."
        )
        return report
    }
}
