import Foundation

/// Zendesk Support's legacy CSV export (Admin Center › Account › Tools › Reports › CSV export): one row per
/// ticket, labels as the header (`Id`, `Created at`, `Via`, …, `First reply time in minutes`, `Satisfaction
/// Score`), custom fields after the standard columns.
///
/// Zendesk writes the export's times in the account's time zone, without the zone; they are read as wall-clock
/// times in ``timeZoneIdentifier`` (`--source-timezone`), so set it to the account's zone. Times written with a zone
/// or offset are read as written. The first reply is `Created at` + `First reply time in minutes` (whole minutes,
/// as Zendesk rounds them). The last row of an id wins; contacts come out in the order ids first appear.
///
/// Mapping: `Id` → id, `Via` → channel (``ZendeskVia``: a via type or description becomes the API's word),
/// `Created at` → created, `Priority` → priority (lower case), `Group` → team, `Assignee` → agent, `Ticket type` →
/// category (lower case), `Solved at` → resolved (only while `Status` is Solved or Closed), `Reopens` → reopens,
/// `Replies` → agent replies, `Satisfaction Score` Good → 5 and Bad → 1 (Offered and Not Offered are no answer).
public struct ZendeskCSVImporter: ContactImporter {
    /// `zendesk-csv`.
    public let formatName = "zendesk-csv"
    /// The IANA zone the export's zoneless times are read in.
    public let timeZoneIdentifier: String
    private let times: ExportTimeParser

    /// The columns the importer reads, as they are matched (lower case).
    public static let columns = [
        "id", "created at", "via", "priority", "group", "assignee", "status", "ticket type", "solved at", "reopens",
        "replies", "first reply time in minutes", "satisfaction score",
    ]
    static let required = ["id", "created at", "via"]

    /// Creates the importer; zoneless times are read in `timeZoneIdentifier`, UTC by default.
    public init(timeZoneIdentifier: String = "UTC") throws(ImportError) {
        self.times = try ExportTimeParser(timeZoneIdentifier: timeZoneIdentifier)
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// Whether a header row is this export's: it names `Id`, `Created at`, `Via` and `First reply time in minutes`.
    public static func matches(header: [String]) -> Bool {
        let names = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return (required + ["first reply time in minutes"]).allSatisfy(names.contains)
    }

    /// Reads the file at `path`, handing each contact to `sink` once the whole file is read.
    public func importContacts(from path: String, into sink: (Contact) -> Void) throws(ImportError) -> ImportReport {
        try importContacts(reader: CSVReader(path: path), file: path, into: sink)
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
            exportName: "Zendesk's CSV export",
            report: &report
        )
        var rows = KeepLastRow<RowFacts>()
        var reopenedSinceSolve = 0
        var unknownChannel = 0
        var answered = 0
        while let record = try reader.next() {
            guard let fields = CSVHeader.usableFields(record, width: names.count, report: &report) else {
                continue
            }
            func text(_ name: String) -> String? { CSVHeader.cell(name, in: fields, index: index) }
            func reject(_ reason: String) { report.reject(line: record.line, reason: reason, fields: fields) }
            guard let id = text("id") else {
                reject("Id is missing")
                continue
            }
            guard let createdText = text("created at") else {
                reject("Created at is missing")
                continue
            }
            guard let created = times.timestamp(createdText) else {
                reject("Created at is not a \(times.expected) time")
                continue
            }
            let channel = text("via").flatMap(ZendeskVia.channel(word:)) ?? "unknown"
            var contact = Contact(id: id, channel: channel, createdAt: created)
            contact.priority = text("priority")?.lowercased()
            contact.team = text("group")
            contact.agent = text("assignee")
            contact.category = text("ticket type")?.lowercased()
            var reopened = false
            if let minutesText = text("first reply time in minutes") {
                guard let minutes = Double(minutesText), minutes.isFinite else {
                    reject("First reply time in minutes is not a number")
                    continue
                }
                guard minutes >= 0 else {
                    reject("first response before creation")
                    continue
                }
                contact.firstResponseAt = Timestamp(seconds: created.seconds + Int64((minutes * 60).rounded()))
            }
            if let solvedText = text("solved at") {
                guard let solved = times.timestamp(solvedText) else {
                    reject("Solved at is not a \(times.expected) time")
                    continue
                }
                guard solved >= created else {
                    reject("resolution before creation")
                    continue
                }
                let status = text("status")?.lowercased()
                if status == nil || status == "solved" || status == "closed" {
                    contact.resolvedAt = solved
                } else {
                    reopened = true
                }
            }
            do throws(JSONRecordProblem) {
                contact.reopens = try Self.count(text("reopens"), "Reopens")
                contact.agentReplies = try Self.count(text("replies"), "Replies")
            } catch {
                reject(error.text)
                continue
            }
            var droppedScore: String?
            let score = text("satisfaction score")
            switch score?.lowercased() {
            case "good"?: contact.csat = ZendeskImporter.goodScore
            case "bad"?: contact.csat = ZendeskImporter.badScore
            case nil, "offered"?, "not offered"?, "unoffered"?: break
            case _?: droppedScore = score
            }
            report.accepted += 1
            let replaced = rows.keep(
                contact,
                line: record.line,
                facts: RowFacts(
                    reopenedSinceSolve: reopened,
                    unknownChannel: channel == "unknown",
                    answered: contact.csat != nil,
                    dropped: droppedScore.map { ("Satisfaction Score", $0) }
                )
            )
            if replaced { report.duplicates += 1 }
        }
        for row in rows.rows {
            if row.facts.reopenedSinceSolve { reopenedSinceSolve += 1 }
            if row.facts.unknownChannel { unknownChannel += 1 }
            if row.facts.answered { answered += 1 }
            if let (column, value) = row.facts.dropped {
                report.drop(
                    line: row.line,
                    contactID: row.contact.id,
                    field: column,
                    value: value,
                    reason: "Satisfaction Score is not Good, Bad, Offered or Not Offered"
                )
            }
            report.contacts += 1
            sink(row.contact)
        }
        if reopenedSinceSolve > 0 {
            report.notes.append(
                "\(reopenedSinceSolve) tickets have a Solved at but a Status other than Solved or Closed: they count "
                    + "as unresolved."
            )
        }
        if unknownChannel > 0 {
            report.notes.append("\(unknownChannel) tickets have an empty Via: their channel is `unknown`.")
        }
        if answered > 0 {
            report.notes.append(
                "Satisfaction: Good is stored as 5 and Bad as 1, so the CSAT share (4–5) equals Zendesk's "
                    + "good / (good + bad)."
            )
        }
        report.notes.append(
            "Times without a zone were read in \(timeZoneIdentifier); Zendesk writes this export in the account's "
                + "time zone (--source-timezone)."
        )
        return report
    }

    /// What a kept row contributes to the report once it is final.
    struct RowFacts {
        var reopenedSinceSolve: Bool
        var unknownChannel: Bool
        var answered: Bool
        /// A value set aside: the column and the value as written.
        var dropped: (String, String)?
    }

    static func count(_ text: String?, _ name: String) throws(JSONRecordProblem) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), (0...100_000).contains(value) else {
            throw JSONRecordProblem("\(name) is not a whole number in 0…100000")
        }
        return value
    }
}
