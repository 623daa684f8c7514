import Foundation

/// Generic event logs: a CSV with one row per event, naming a case, an activity and a time, read through an
/// ``ActivityMap`` that says which columns hold them and what the activities mean.
///
/// Each case becomes one contact: it starts at its first event, its first response is its first
/// first-response activity, its resolution its last resolving activity, and it is reopened each time a
/// reopen or first-response activity follows a resolution. A case reopened after its last resolution is still
/// open and has no resolution. The log does not say the channel: every contact gets the map's ``ActivityMap/channel``.
///
/// Events must be listed in time order within each case (cases may interleave): an event earlier than the
/// previous event of its case is rejected with its line, as its place in the case cannot be known without
/// holding the whole log. An event that repeats the previous event of its case exactly (same activity, same
/// time) counts once and is reported as a duplicate. Memory grows with the number of cases, not events.
public struct EventLogImporter: CSVContactImporter {
    /// `event-log`.
    public let formatName = "event-log"
    /// What the columns and activities mean.
    public let map: ActivityMap
    private let zone: TimeZone
    private let timeFormat: LocalTimeFormat

    /// Creates an importer for logs described by `map`; throws when the map cannot be used (an unknown zone,
    /// a timestamp format it cannot read, an activity given two meanings, nothing marking a response or a
    /// resolution).
    public init(map: ActivityMap = .helpdesk) throws(ImportError) {
        guard let zone = TimeZone(identifier: map.timezone) else {
            throw ImportError(
                code: .configuration,
                message: "the activity map's timezone `\(map.timezone)` is not a known time zone; use an IANA "
                    + "name such as `Europe/Rome` or `UTC`."
            )
        }
        let timeFormat = try LocalTimeFormat(map.timestampFormat)
        for (name, column) in [
            ("caseColumn", map.caseColumn), ("activityColumn", map.activityColumn),
            ("timestampColumn", map.timestampColumn), ("channel", map.channel),
        ] where column.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ImportError(code: .configuration, message: "the activity map's `\(name)` is empty.")
        }
        guard !map.firstResponse.isEmpty || !map.resolved.isEmpty else {
            throw ImportError(
                code: .configuration,
                message: "the activity map names no `firstResponse` and no `resolved` activity, so no contact "
                    + "would have a response or a resolution; list the activity codes that mean them."
            )
        }
        var meaning: [String: String] = [:]
        for (role, codes) in [
            ("firstResponse", map.firstResponse), ("resolved", map.resolved), ("reopened", map.reopened),
            ("waiting", map.waiting),
        ] {
            for code in codes {
                if let other = meaning[code], other != role {
                    throw ImportError(
                        code: .configuration,
                        message: "the activity map lists `\(code)` under both `\(other)` and `\(role)`; "
                            + "an activity can mean one thing only."
                    )
                }
                meaning[code] = role
            }
        }
        self.map = map
        self.zone = zone
        self.timeFormat = timeFormat
    }

    /// Whether a header row names the map's case, activity and timestamp columns.
    public func matches(header: [String]) -> Bool {
        let names = Set(header.map(Self.normalized))
        return [map.caseColumn, map.activityColumn, map.timestampColumn].map(Self.normalized)
            .allSatisfy(names.contains)
    }

    private static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// What an activity means for the contact.
    enum Role: UInt8 {
        case created, firstResponse, resolved, reopened, waiting, other
    }

    /// What the importer keeps per case while reading: a few numbers, never the events.
    struct CaseState {
        var start: Timestamp
        var firstResponse: Timestamp?
        var lastResolution: Timestamp?
        var reopens = 0
        /// A resolution has come since the last response or reopen: the next one reopens the case.
        var resolvedSinceResponse = false
        /// The previous event, to keep time order and spot exact repeats.
        var lastTime: Timestamp
        var lastActivity: Int32
        var startsWithCreation: Bool
    }

    /// Reads from a prepared reader; `file` names the source in the report.
    public func importContacts(
        reader: CSVReader,
        file: String,
        into sink: (Contact) -> Void
    ) throws(ImportError) -> ImportReport {
        var report = ImportReport(file: file, format: formatName)
        let wanted = [map.caseColumn, map.activityColumn, map.timestampColumn]
        guard let header = try reader.next() else {
            throw ImportError(
                code: .missingColumn,
                message: "\(file) is empty; expected a header naming "
                    + "\(wanted.map { "`\($0)`" }.joined(separator: ", "))."
            )
        }
        let names = header.fields.map(Self.normalized)
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        let missing = wanted.filter { index[Self.normalized($0)] == nil }
        guard missing.isEmpty else {
            let hints = missing.compactMap { name in
                Suggestion.closest(to: Self.normalized(name), in: names).map { "`\($0)` for `\(name)`?" }
            }
            throw ImportError(
                code: .missingColumn,
                message: "the header lacks \(missing.map { "`\($0)`" }.joined(separator: ", "))"
                    + (hints.isEmpty ? "." : "; did you mean \(hints.joined(separator: ", "))")
                    + " Set the activity map's caseColumn, activityColumn and timestampColumn to the header's names.",
                location: SourceLocation(file: file, line: header.line, column: 1)
            )
        }
        let caseColumn = index[Self.normalized(map.caseColumn)]!
        let activityColumn = index[Self.normalized(map.activityColumn)]!
        let timestampColumn = index[Self.normalized(map.timestampColumn)]!
        report.ignoredColumns = names.enumerated()
            .filter { !$0.element.isEmpty && ![caseColumn, activityColumn, timestampColumn].contains($0.offset) }
            .map(\.element)

        var roles: [String: Role] = [:]
        for code in map.created { roles[code] = .created }
        for code in map.firstResponse { roles[code] = .firstResponse }
        for code in map.resolved { roles[code] = .resolved }
        for code in map.reopened { roles[code] = .reopened }
        for code in map.waiting { roles[code] = .waiting }
        // Activity codes are few: number them so a case keeps an integer, not a string.
        var activityNumbers: [String: Int32] = [:]

        var cases: [CaseState] = []
        var caseIDs: [String] = []
        var position: [String: Int] = [:]
        while let record = try reader.next() {
            // Blank lines, bytes that are not UTF-8 and rows of the wrong width are counted and refused here.
            guard CSVHeader.usableFields(record, width: names.count, report: &report) != nil else { continue }
            let caseID = record.fields[caseColumn].trimmingCharacters(in: .whitespaces)
            let activity = record.fields[activityColumn].trimmingCharacters(in: .whitespaces)
            guard !caseID.isEmpty else {
                report.reject(line: record.line, reason: "\(map.caseColumn) is missing", fields: record.fields)
                continue
            }
            guard !activity.isEmpty else {
                report.reject(line: record.line, reason: "\(map.activityColumn) is missing", fields: record.fields)
                continue
            }
            guard let local = timeFormat.localSeconds(record.fields[timestampColumn]) else {
                report.reject(
                    line: record.line,
                    reason: "\(map.timestampColumn) is not a \(map.timestampFormat) time",
                    fields: record.fields
                )
                continue
            }
            let time = Timestamp(localSeconds: local, in: zone)
            let activityNumber: Int32
            if let known = activityNumbers[activity] {
                activityNumber = known
            } else {
                activityNumber = Int32(activityNumbers.count)
                activityNumbers[activity] = activityNumber
            }
            let role = roles[activity] ?? .other

            guard let existing = position[caseID] else {
                var state = CaseState(
                    start: time,
                    lastTime: time,
                    lastActivity: activityNumber,
                    startsWithCreation: role == .created
                )
                state.apply(role, at: time)
                position[caseID] = cases.count
                cases.append(state)
                caseIDs.append(caseID)
                report.accepted += 1
                continue
            }
            if time < cases[existing].lastTime {
                report.reject(
                    line: record.line,
                    reason: "earlier than the previous event of its case (sort the log by case, then time)",
                    fields: record.fields
                )
                continue
            }
            report.accepted += 1
            if time == cases[existing].lastTime && activityNumber == cases[existing].lastActivity {
                report.duplicates += 1
                continue
            }
            cases[existing].lastTime = time
            cases[existing].lastActivity = activityNumber
            cases[existing].apply(role, at: time)
        }

        var otherStarts = 0
        var reopenedAndOpen = 0
        for (offset, state) in cases.enumerated() {
            var contact = Contact(id: caseIDs[offset], channel: map.channel, createdAt: state.start)
            contact.firstResponseAt = state.firstResponse
            contact.reopens = state.reopens
            if !state.resolvedSinceResponse && state.lastResolution != nil {
                reopenedAndOpen += 1  // a response or reopen after the last resolution: open again
            } else {
                contact.resolvedAt = state.lastResolution
            }
            if !state.startsWithCreation { otherStarts += 1 }
            report.contacts += 1
            sink(contact)
        }
        if !map.created.isEmpty && otherStarts > 0 {
            report.notes.append(
                "\(otherStarts) of \(cases.count) cases begin with an activity other than a creation "
                    + "(\(map.created.joined(separator: ", "))); each starts at its first event."
            )
        }
        if reopenedAndOpen > 0 {
            report.notes.append(
                "\(reopenedAndOpen) cases were reopened after their last resolution and are open: "
                    + "they have no resolution time."
            )
        }
        return report
    }
}

extension EventLogImporter.CaseState {
    /// Takes one event of the case, in time order.
    mutating func apply(_ role: EventLogImporter.Role, at time: Timestamp) {
        switch role {
        case .firstResponse:
            if firstResponse == nil { firstResponse = time }
            if resolvedSinceResponse {
                reopens += 1
                resolvedSinceResponse = false
            }
        case .reopened:
            if resolvedSinceResponse {
                reopens += 1
                resolvedSinceResponse = false
            }
        case .resolved:
            lastResolution = time
            resolvedSinceResponse = true
        case .created, .waiting, .other:
            break
        }
    }
}
