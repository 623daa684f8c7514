import Foundation

/// Any CSV read through a ``CSVMapping``: the mapping says which column holds each canonical field, how times are
/// written and in which zone, and what the export's words mean.
///
/// For each row and field: the cells of the field's columns are trimmed and joined with a space; a value listed in
/// the field's ``CSVMapping/values`` is replaced by what it means (an exact match first, then one in any case); an
/// empty cell or one of ``CSVMapping/missing`` is no value, and then the field's default applies. A field's value
/// that cannot be read rejects the row with the column and what was expected; so do a missing id or creation time
/// and the impossible orders (a response, resolution or end before creation). A time written as a duration is
/// counted from the time it names (`after`, `created_at` by default) and is no value when that time is missing.
/// The same id seen again replaces the earlier row.
public struct MappedCSVImporter: ContactImporter {
    /// `mapped`.
    public let formatName = "mapped"
    /// The mapping.
    public let mapping: CSVMapping
    /// The IANA zone times without an offset are read in: the mapping's, else the one the importer was given.
    public let timeZoneIdentifier: String
    private let defaultReader: TimestampReader
    private let readers: [CSVMapping.Field: TimestampReader]

    /// Creates an importer for `mapping`; times without an offset are read in the mapping's `timezone`, or in
    /// `defaultTimeZoneIdentifier` when it names none. Throws when the mapping breaks a rule (no id column, a
    /// format that cannot be read, an unknown zone).
    public init(mapping: CSVMapping, defaultTimeZoneIdentifier: String = "UTC") throws(ImportError) {
        let where_ = mapping.file.map { " in \($0)" } ?? ""
        if let problem = mapping.problems().first {
            throw ImportError(code: .configuration, message: "the mapping\(where_) cannot be used: \(problem.message)")
        }
        let identifier = mapping.timezone ?? defaultTimeZoneIdentifier
        guard let zone = TimeZone(identifier: identifier) else {
            throw ImportError(
                code: .configuration,
                message: "`\(identifier)` is not a known time zone; use an IANA name such as `Europe/Paris` or `UTC`."
            )
        }
        self.mapping = mapping
        self.timeZoneIdentifier = identifier
        self.defaultReader = try mapping.timestampFormat.reader(in: zone)
        var readers: [CSVMapping.Field: TimestampReader] = [:]
        for (field, source) in mapping.columns {
            if let format = source.format { readers[field] = try format.reader(in: zone) }
        }
        self.readers = readers
    }

    public func importContacts(from path: String, into sink: (Contact) -> Void) throws(ImportError) -> ImportReport {
        let reader = try CSVReader(path: path, delimiter: mapping.delimiter)
        return try importContacts(reader: reader, file: path, into: sink)
    }

    /// Reads from a prepared reader; `file` names the source in the report.
    public func importContacts(
        reader: CSVReader,
        file: String,
        into sink: (Contact) -> Void
    ) throws(ImportError) -> ImportReport {
        var report = ImportReport(file: file, format: formatName)
        guard let header = try reader.next() else {
            throw ImportError(code: .missingColumn, message: "\(file) is empty; expected a header row.")
        }
        let columns = CSVColumns(header: header)
        var positions: [CSVMapping.Field: [Int]] = [:]
        var missing: [String] = []
        for (field, source) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            var found: [Int] = []
            for name in source.columns {
                if let position = columns.position([name]) {
                    found.append(position)
                } else {
                    let hint = Suggestion.closest(to: name, in: columns.names).map { " (did you mean `\($0)`?)" } ?? ""
                    missing.append("`\(name)` for \(field.rawValue)\(hint)")
                }
            }
            positions[field] = found
        }
        guard missing.isEmpty else {
            throw ImportError(
                code: .missingColumn,
                message: "the header lacks \(missing.joined(separator: ", ")), which the mapping"
                    + (mapping.file.map { " \($0)" } ?? "") + " names. The header has: "
                    + columns.names.prefix(30).joined(separator: ", ") + ".",
                location: SourceLocation(file: file, line: columns.line, column: 1)
            )
        }
        report.ignoredColumns = columns.unused(positions.values.flatMap { $0 })
        let missingValues = Set(mapping.missing.map { $0.trimmingCharacters(in: .whitespaces) } + [""])
        var contacts = LatestContacts()
        try reader.forEachRow(width: columns.count, report: &report) { record, report in
            switch contact(from: record.fields, positions: positions, missing: missingValues) {
            case .success(let contact): contacts.accept(contact, line: record.line, in: &report)
            case .failure(let problem): report.reject(line: record.line, reason: problem.text, fields: record.fields)
            }
        }
        contacts.deliver(to: sink, report: &report)
        return report
    }

    struct RowProblem: Error {
        let text: String
    }

    private func contact(
        from fields: [String],
        positions: [CSVMapping.Field: [Int]],
        missing: Set<String>
    ) -> Result<Contact, RowProblem> {
        func named(_ field: CSVMapping.Field) -> String {
            guard let source = mapping.columns[field] else { return field.rawValue }
            return source.columns.map { "`\($0)`" }.joined(separator: " and ")
        }
        /// The field's value as text after value maps, missing values and defaults.
        func raw(_ field: CSVMapping.Field) -> String? {
            var value: String?
            if let places = positions[field], !places.isEmpty {
                let parts = places.map { fields[$0].trimmingCharacters(in: .whitespaces) }.filter {
                    !missing.contains($0)
                }
                if !parts.isEmpty { value = parts.joined(separator: " ") }
            }
            if let written = value, let map = mapping.values[field] {
                if let meant = map[written] {
                    value = meant
                } else if let meant = map.first(where: { $0.key.lowercased() == written.lowercased() })?.value {
                    value = meant
                }
            }
            if let text = value, missing.contains(text) { value = nil }
            return value ?? mapping.defaults[field]
        }
        func value(_ field: CSVMapping.Field) throws(RowProblem) -> CSVMapping.FieldValue? {
            guard let text = raw(field) else { return nil }
            var converted = text
            if field == .wrapSeconds, let unit = mapping.columns[field]?.unit {
                guard let number = Double(text), number.isFinite else {
                    throw RowProblem(text: "\(named(field)) is not a number of \(unit.rawValue)")
                }
                converted = String(Int((number * unit.seconds).rounded()))
            }
            guard let value = CSVMapping.read(converted, as: field) else {
                throw RowProblem(text: "\(named(field)) is not \(field.kind.expected)")
            }
            return value
        }
        var times: [CSVMapping.Field: Timestamp] = [:]
        func time(_ field: CSVMapping.Field) throws(RowProblem) -> Timestamp? {
            guard let text = raw(field) else { return nil }
            if let unit = mapping.columns[field]?.unit {
                guard let number = Double(text), number.isFinite, number >= 0 else {
                    throw RowProblem(text: "\(named(field)) is not a number of \(unit.rawValue)")
                }
                guard let anchor = times[mapping.columns[field]?.after ?? .createdAt] else { return nil }
                return Timestamp(seconds: anchor.seconds + Int64((number * unit.seconds).rounded()))
            }
            let reader = readers[field] ?? defaultReader
            guard let instant = reader.instant(text) else {
                throw RowProblem(text: "\(named(field)) is not \(reader.described)")
            }
            return instant
        }
        do throws(RowProblem) {
            guard let id = raw(.id) else { throw RowProblem(text: "\(named(.id)) is missing") }
            guard raw(.createdAt) != nil, let created = try time(.createdAt) else {
                throw RowProblem(text: "\(named(.createdAt)) is missing")
            }
            times[.createdAt] = created
            for field in CSVMapping.Field.times.dropFirst() { times[field] = try time(field) }
            guard let channel = raw(.channel) else { throw RowProblem(text: "\(named(.channel)) is missing") }
            var contact = Contact(id: id, channel: channel.lowercased(), createdAt: created)
            contact.firstResponseAt = times[.firstResponseAt]
            contact.resolvedAt = times[.resolvedAt]
            contact.endedAt = times[.endedAt]
            contact.tier = raw(.tier)
            contact.priority = raw(.priority)
            contact.team = raw(.team)
            contact.agent = raw(.agent)
            contact.category = raw(.category)
            for field: CSVMapping.Field in [
                .wrapSeconds, .abandoned, .reopens, .agentReplies, .csat, .nps, .selfService, .fcrAnswer,
                .vendorSLAMet,
            ] {
                switch (field, try value(field)) {
                case (.wrapSeconds, .count(let number)?): contact.wrapSeconds = number
                case (.abandoned, .flag(let flag)?): contact.abandoned = flag
                case (.reopens, .count(let number)?): contact.reopens = number
                case (.agentReplies, .count(let number)?): contact.agentReplies = number
                case (.csat, .score(let score)?): contact.csat = score
                case (.nps, .count(let number)?): contact.nps = number
                case (.selfService, .flag(let flag)?): contact.selfService = flag
                case (.fcrAnswer, .flag(let flag)?): contact.fcrAnswer = flag
                case (.vendorSLAMet, .flag(let flag)?): contact.vendorSLAMet = flag
                default: break
                }
            }
            if let first = contact.firstResponseAt, first < created {
                throw RowProblem(text: "first response before creation")
            }
            if let resolved = contact.resolvedAt, resolved < created {
                throw RowProblem(text: "resolution before creation")
            }
            if let ended = contact.endedAt, ended < created { throw RowProblem(text: "end before creation") }
            return .success(contact)
        } catch {
            return .failure(error)
        }
    }
}
