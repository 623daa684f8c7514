import Foundation

/// Northstar's own contacts CSV: one row per contact, fixed header names, RFC 3339 timestamps with a zone.
/// The columns are listed in `docs/metrics.md`; only `id`, `channel` and `created_at` are required.
public struct CanonicalCSVImporter: CSVContactImporter {
    /// `canonical-csv`.
    public let formatName = "canonical-csv"

    /// Every column the format knows, in the documented order.
    public static let columns = [
        "id", "channel", "created_at", "tier", "priority", "team", "agent", "category", "first_response_at",
        "resolved_at", "ended_at", "wrap_seconds", "abandoned", "reopens", "agent_replies", "csat", "nps",
        "self_service", "fcr_answer",
    ]
    static let required = ["id", "channel", "created_at"]

    /// Creates the importer.
    public init() {}

    /// Whether a header row is this format's: it names the three required columns.
    public static func matches(header: [String]) -> Bool {
        let names = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return required.allSatisfy(names.contains)
    }

    /// Reads from a prepared reader; `file` names the source in the report.
    public func importContacts(
        reader: CSVReader,
        file: String,
        into sink: (Contact) -> Void
    ) throws(ImportError) -> ImportReport {
        var report = ImportReport(file: file, format: formatName)
        let (columnCount, columns) = try Self.readHeader(reader, file: file, report: &report)
        while let record = try reader.next() {
            // Blank lines, bytes that are not UTF-8 and rows of the wrong width are counted and refused here.
            guard CSVHeader.usableFields(record, width: columnCount, report: &report) != nil else { continue }
            switch Self.contact(from: record.fields, columns) {
            case .success(let contact):
                report.accepted += 1
                report.contacts += 1
                sink(contact)
            case .failure(let reason):
                report.reject(line: record.line, reason: reason.text, fields: record.fields)
            }
        }
        return report
    }

    /// Reads the header: the number of columns and where each known one is.
    static func readHeader(
        _ reader: CSVReader,
        file: String,
        report: inout ImportReport
    ) throws(ImportError) -> (width: Int, columns: ColumnIndex) {
        let (names, index) = try CSVHeader.read(
            reader,
            file: file,
            required: Self.required,
            known: Self.columns,
            exportName: "Northstar's contacts CSV",
            emptyMessage: "\(file) is empty; expected a header row starting `id,channel,created_at`.",
            fix: "The canonical columns are: \(Self.columns.joined(separator: ", ")).",
            report: &report
        )
        func column(_ name: String) -> Int? { index[name] }
        let columns = ColumnIndex(
            id: index["id"]!,
            channel: index["channel"]!,
            createdAt: index["created_at"]!,
            tier: column("tier"),
            priority: column("priority"),
            team: column("team"),
            agent: column("agent"),
            category: column("category"),
            firstResponseAt: column("first_response_at"),
            resolvedAt: column("resolved_at"),
            endedAt: column("ended_at"),
            wrapSeconds: column("wrap_seconds"),
            abandoned: column("abandoned"),
            reopens: column("reopens"),
            agentReplies: column("agent_replies"),
            csat: column("csat"),
            nps: column("nps"),
            selfService: column("self_service"),
            fcrAnswer: column("fcr_answer")
        )
        return (names.count, columns)
    }

    struct ColumnIndex {
        let id: Int
        let channel: Int
        let createdAt: Int
        let tier, priority, team, agent, category: Int?
        let firstResponseAt, resolvedAt, endedAt: Int?
        let wrapSeconds, abandoned, reopens, agentReplies, csat, nps, selfService, fcrAnswer: Int?

        /// The columns of the population values after the channel, with their ``ContactRow/dimensions`` place.
        var otherDimensions: [(column: Int, position: Int)] {
            [(tier, Dimension.tier), (priority, .priority), (team, .team), (agent, .agent), (category, .category)]
                .compactMap { column, dimension in column.map { ($0, dimension.position) } }
        }
    }

    /// Why a row was refused: the reason, and the column it concerns.
    struct RowProblem: Error, Sendable {
        /// The column at fault (`created_at`), or for an impossible order the later of the two times.
        let field: String
        /// The reason, as reports give it (`created_at is not an RFC 3339 time with a zone`).
        let text: String
    }

    static func contact(from fields: [String], _ columns: ColumnIndex) -> Result<Contact, RowProblem> {
        RecordFields.withFields(of: fields) { record in
            do throws(RowProblem) {
                let row = try parse(record, columns)
                func text(_ column: Int?) -> String? {
                    guard let column, !fields[column].isEmpty else { return nil }
                    return fields[column]
                }
                let channel = fields[columns.channel]
                let lowered = channel.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? channel.lowercased() : channel
                var contact = Contact(id: fields[columns.id], channel: lowered, createdAt: row.createdAt)
                contact.tier = text(columns.tier)
                contact.priority = text(columns.priority)
                contact.team = text(columns.team)
                contact.agent = text(columns.agent)
                contact.category = text(columns.category)
                contact.firstResponseAt = row.firstResponseAt
                contact.resolvedAt = row.resolvedAt
                contact.endedAt = row.endedAt
                contact.wrapSeconds = row.wrapSeconds
                contact.abandoned = row.abandoned
                contact.reopens = row.reopens
                contact.agentReplies = row.agentReplies
                contact.csat = row.csat
                contact.nps = row.nps
                contact.selfService = row.selfService
                contact.fcrAnswer = row.fcrAnswer
                return .success(contact)
            } catch {
                return .failure(error)
            }
        }
    }

    /// One row's numbers and times, checked; the population values are left for the caller (as strings for a
    /// contact, as codes for a streaming check). Plain typed-throws helpers, not closures returning `Result`:
    /// this runs once per row of files with millions of rows.
    static func parse(_ fields: RecordFields, _ columns: ColumnIndex) throws(RowProblem) -> ContactRow {
        func time(_ column: Int?, _ name: StaticString) throws(RowProblem) -> Timestamp? {
            guard let column else { return nil }
            let value = fields[column]
            guard !value.isEmpty else { return nil }
            guard let timestamp = Timestamp.parse(rfc3339: value) else {
                throw RowProblem(field: "\(name)", text: "\(name) is not an RFC 3339 time with a zone")
            }
            return timestamp
        }
        func integer(_ column: Int?, _ name: StaticString, _ low: Int, _ high: Int) throws(RowProblem) -> Int? {
            guard let column else { return nil }
            let value = fields[column]
            guard !value.isEmpty else { return nil }
            guard let number = FieldNumber.integer(value), number >= low, number <= high else {
                throw RowProblem(field: "\(name)", text: "\(name) is not a whole number in \(low)…\(high)")
            }
            return number
        }
        func flag(_ column: Int?, _ name: StaticString) throws(RowProblem) -> Bool? {
            guard let column else { return nil }
            let value = fields[column]
            guard !value.isEmpty else { return nil }
            guard let flag = FieldNumber.flag(value) else {
                throw RowProblem(field: "\(name)", text: "\(name) is not true or false")
            }
            return flag
        }
        guard !fields[columns.id].isEmpty else { throw RowProblem(field: "id", text: "id is empty") }
        guard !fields[columns.channel].isEmpty else { throw RowProblem(field: "channel", text: "channel is empty") }
        guard !fields[columns.createdAt].isEmpty else {
            throw RowProblem(field: "created_at", text: "created_at is empty")
        }
        guard let created = Timestamp.parse(rfc3339: fields[columns.createdAt]) else {
            throw RowProblem(field: "created_at", text: "created_at is not an RFC 3339 time with a zone")
        }
        var row = ContactRow(createdAt: created)
        row.firstResponseAt = try time(columns.firstResponseAt, "first_response_at")
        row.resolvedAt = try time(columns.resolvedAt, "resolved_at")
        row.endedAt = try time(columns.endedAt, "ended_at")
        row.wrapSeconds = try integer(columns.wrapSeconds, "wrap_seconds", 0, 86_400)
        row.abandoned = try flag(columns.abandoned, "abandoned")
        row.reopens = try integer(columns.reopens, "reopens", 0, 10_000)
        row.agentReplies = try integer(columns.agentReplies, "agent_replies", 0, 100_000)
        row.nps = try integer(columns.nps, "nps", 0, 10)
        row.selfService = try flag(columns.selfService, "self_service")
        row.fcrAnswer = try flag(columns.fcrAnswer, "fcr_answer")
        if let column = columns.csat, !fields[column].isEmpty {
            guard let score = FieldNumber.decimal(fields[column]), score.isFinite, score >= 0 else {
                throw RowProblem(field: "csat", text: "csat is not a number")
            }
            row.csat = score
        }
        // Impossible orders are data errors, not fast service.
        if let first = row.firstResponseAt, first < created {
            throw RowProblem(field: "first_response_at", text: "first response before creation")
        }
        if let resolved = row.resolvedAt, resolved < created {
            throw RowProblem(field: "resolved_at", text: "resolution before creation")
        }
        if let ended = row.endedAt, ended < created {
            throw RowProblem(field: "ended_at", text: "end before creation")
        }
        return row
    }

    /// The population values of a parsed row, as codes: the channel in lower case, as contacts hold it.
    static func intern(
        _ fields: RecordFields,
        channel channelColumn: Int,
        others: [(column: Int, position: Int)],
        into row: inout ContactRow,
        values: inout ValueInterner
    ) {
        let channel = fields[channelColumn]
        if channel.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            var lowered = String(decoding: channel, as: UTF8.self).lowercased()
            row.dimensions[0] = lowered.withUTF8 { values.code(of: UnsafeRawBufferPointer($0)) }
        } else {
            row.dimensions[0] = values.code(of: UnsafeRawBufferPointer(channel))
        }
        for (column, position) in others {
            row.dimensions[position] = values.code(of: UnsafeRawBufferPointer(fields[column]))
        }
    }
}
