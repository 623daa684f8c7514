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
        let columnCount = names.count
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

    struct ColumnIndex {
        let id: Int
        let channel: Int
        let createdAt: Int
        let tier, priority, team, agent, category: Int?
        let firstResponseAt, resolvedAt, endedAt: Int?
        let wrapSeconds, abandoned, reopens, agentReplies, csat, nps, selfService, fcrAnswer: Int?
    }

    struct RowProblem: Error, Sendable {
        let text: String
    }

    static func contact(from fields: [String], _ columns: ColumnIndex) -> Result<Contact, RowProblem> {
        do throws(RowProblem) {
            return .success(try parse(fields, columns))
        } catch {
            return .failure(error)
        }
    }

    /// One row as a contact. Plain typed-throws helpers, not closures returning `Result`: this runs once per row
    /// of files with millions of rows, and generic wrappers cost a metadata lookup per call.
    static func parse(_ fields: [String], _ columns: ColumnIndex) throws(RowProblem) -> Contact {
        func text(_ column: Int?) -> String? {
            guard let column else { return nil }
            let value = fields[column]
            return value.isEmpty ? nil : value
        }
        func time(_ column: Int?, _ name: StaticString) throws(RowProblem) -> Timestamp? {
            guard let value = text(column) else { return nil }
            guard let timestamp = Timestamp(rfc3339: value) else {
                throw RowProblem(text: "\(name) is not an RFC 3339 time with a zone")
            }
            return timestamp
        }
        func integer(_ column: Int?, _ name: StaticString, _ low: Int, _ high: Int) throws(RowProblem) -> Int? {
            guard let value = text(column) else { return nil }
            guard let number = Int(value), number >= low, number <= high else {
                throw RowProblem(text: "\(name) is not a whole number in \(low)…\(high)")
            }
            return number
        }
        func flag(_ column: Int?, _ name: StaticString) throws(RowProblem) -> Bool? {
            guard let value = text(column) else { return nil }
            switch value {
            case "true", "TRUE", "True", "yes", "Yes", "1", "y", "Y": return true
            case "false", "FALSE", "False", "no", "No", "0", "n", "N": return false
            default:
                switch value.lowercased() {
                case "true", "yes", "y": return true
                case "false", "no", "n": return false
                default: throw RowProblem(text: "\(name) is not true or false")
                }
            }
        }
        guard let id = text(columns.id) else { throw RowProblem(text: "id is empty") }
        guard let channel = text(columns.channel) else { throw RowProblem(text: "channel is empty") }
        guard let createdText = text(columns.createdAt) else { throw RowProblem(text: "created_at is empty") }
        guard let created = Timestamp(rfc3339: createdText) else {
            throw RowProblem(text: "created_at is not an RFC 3339 time with a zone")
        }
        let lowered = channel.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? channel.lowercased() : channel
        var contact = Contact(id: id, channel: lowered, createdAt: created)
        contact.tier = text(columns.tier)
        contact.priority = text(columns.priority)
        contact.team = text(columns.team)
        contact.agent = text(columns.agent)
        contact.category = text(columns.category)
        contact.firstResponseAt = try time(columns.firstResponseAt, "first_response_at")
        contact.resolvedAt = try time(columns.resolvedAt, "resolved_at")
        contact.endedAt = try time(columns.endedAt, "ended_at")
        contact.wrapSeconds = try integer(columns.wrapSeconds, "wrap_seconds", 0, 86_400)
        contact.abandoned = try flag(columns.abandoned, "abandoned")
        contact.reopens = try integer(columns.reopens, "reopens", 0, 10_000)
        contact.agentReplies = try integer(columns.agentReplies, "agent_replies", 0, 100_000)
        contact.nps = try integer(columns.nps, "nps", 0, 10)
        contact.selfService = try flag(columns.selfService, "self_service")
        contact.fcrAnswer = try flag(columns.fcrAnswer, "fcr_answer")
        if let value = text(columns.csat) {
            guard let score = Double(value), score.isFinite, score >= 0 else {
                throw RowProblem(text: "csat is not a number")
            }
            contact.csat = score
        }
        // Impossible orders are data errors, not fast service.
        if let first = contact.firstResponseAt, first < created {
            throw RowProblem(text: "first response before creation")
        }
        if let resolved = contact.resolvedAt, resolved < created {
            throw RowProblem(text: "resolution before creation")
        }
        if let ended = contact.endedAt, ended < created {
            throw RowProblem(text: "end before creation")
        }
        return contact
    }
}
