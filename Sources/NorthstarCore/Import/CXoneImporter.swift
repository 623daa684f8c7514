import Foundation

/// NICE CXone "Call Detail" data-download reports (and their relatives with more columns): one row per contact,
/// with CXone's column names (`Contact_ID`, `Master_Contact_ID`, `Skill_Name`, `Agent_Name`, `Team_Name`, `SLA`,
/// `Start_Date`, `Start_Time`, `PreQueue`, `InQueue`, `Agent_Time`, `Abandon`, `Abandon_Time`, `ACW_Seconds`, …).
///
/// `Start_Date` (`MM/DD/YYYY`) and `Start_Time` (`HH:MM:SS`) say when the contact entered the system, read as a
/// wall-clock time in ``timeZoneIdentifier``; the durations are seconds. A call:
/// - enters the queue after its `PreQueue` seconds (IVR and routing): that is its ``Contact/createdAt``;
/// - when `Abandon` is `Y`, is abandoned, and ended `Abandon_Time` seconds after it entered the system;
/// - otherwise, when it reached an agent (`Agent_Time` above 0, or an agent named), is answered `InQueue` seconds
///   after entering the queue (``Contact/firstResponseAt``), ends `Agent_Time` plus `Hold_Time` seconds later
///   (``Contact/endedAt``), and is followed by `ACW_Seconds` of after-call work (``Contact/wrapSeconds``);
/// - otherwise (the IVR, a voicemail, a flow that ended it) is neither answered nor abandoned: it leaves the queue
///   after `InQueue` seconds, recorded as its resolution so that it is not taken for a call still waiting.
///
/// `Agent_Name` (else `Agent_No`) → agent, `Team_Name` (else `Team_No`) → team, `Skill_Name` (else `Skill_No`) →
/// category, `SLA` → ``Contact/vendorSLAMet`` (`0` within the service level, `1` outside, `-1` never queued),
/// `Media_Name` → channel (phone unless it names another medium). Each `Contact_ID` is one contact: the legs of a
/// transferred call (same `Master_Contact_ID`) count separately, as in CXone's skill reports. The same id seen
/// again replaces the earlier row.
public struct CXoneImporter: CSVContactImporter {
    /// `cxone`.
    public let formatName = "cxone"
    /// The IANA zone the report's times are read in (the zone chosen when it was downloaded).
    public let timeZoneIdentifier: String
    private let zone: TimeZone

    /// The columns read, by CXone's names and close variants.
    enum Column {
        static let contactID = ["Contact_ID", "Contact ID", "ContactId"]
        static let masterContactID = ["Master_Contact_ID", "Master Contact ID", "MasterContactId"]
        static let media = ["Media_Name", "Media Name", "Media_Type"]
        static let skillName = ["Skill_Name", "Skill Name"]
        static let skillNumber = ["Skill_No", "Skill No"]
        static let agentName = ["Agent_Name", "Agent Name"]
        static let agentNumber = ["Agent_No", "Agent No"]
        static let teamName = ["Team_Name", "Team Name"]
        static let teamNumber = ["Team_No", "Team No"]
        static let serviceLevel = ["SLA"]
        static let startDate = ["Start_Date", "Start Date"]
        static let startTime = ["Start_Time", "Start Time"]
        static let preQueue = ["PreQueue", "Pre_Queue", "Pre Queue"]
        static let inQueue = ["InQueue", "In_Queue", "In Queue"]
        static let agentTime = ["Agent_Time", "Agent Time"]
        static let holdTime = ["Hold_Time", "Hold Time"]
        static let abandon = ["Abandon", "Abandoned"]
        static let abandonTime = ["Abandon_Time", "Abandon Time"]
        static let afterCallWork = ["ACW_Seconds", "ACW Seconds"]
    }

    /// The date-and-time forms read, the report's own first.
    static let timeFormats: [LocalTimeFormat] = [
        "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy h:mm:ss a", "M/d/yyyy h:mm a", "yyyy-MM-dd H:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss",
    ].map { try! LocalTimeFormat($0) }

    /// Creates the importer; the report's times are read in `timeZoneIdentifier`.
    public init(timeZoneIdentifier: String = "UTC") throws(ImportError) {
        guard let zone = TimeZone(identifier: timeZoneIdentifier) else {
            throw ImportError(
                code: .configuration,
                message: "`\(timeZoneIdentifier)` is not a known time zone; use an IANA name such as "
                    + "`America/Denver` or `UTC`."
            )
        }
        self.timeZoneIdentifier = timeZoneIdentifier
        self.zone = zone
    }

    /// Whether a header is a CXone contact report's: `Contact_ID`, `Start_Date`, `Abandon` and `InQueue`.
    public static func matches(header: [String]) -> Bool {
        let columns = CSVColumns(header: CSVReader.Record(fields: header, line: 1, invalidUTF8: false))
        return [Column.contactID, Column.startDate, Column.abandon, Column.inQueue].allSatisfy(columns.has)
    }

    /// The channel of a CXone `Media_Name`: phone for calls (and when empty), `chat`, `email`, `messaging` for
    /// SMS and digital messaging, anything else in lower case.
    public static func channel(forMedia media: String?) -> String {
        guard let media, !media.isEmpty else { return "phone" }
        let lowered = media.lowercased()
        if ["call", "phone", "phone call", "voice", "voicemail", "voice mail"].contains(lowered) { return "phone" }
        if lowered.contains("chat") { return "chat" }
        if lowered.contains("mail") { return "email" }
        if ["sms", "digital", "messaging", "text"].contains(lowered) { return "messaging" }
        return lowered
    }

    /// Reads from a prepared reader; `file` names the source in the report.
    public func importContacts(
        reader: CSVReader,
        file: String,
        into sink: (Contact) -> Void
    ) throws(ImportError) -> ImportReport {
        var report = ImportReport(file: file, format: formatName)
        guard let header = try reader.next() else {
            throw ImportError(code: .missingColumn, message: "\(file) is empty; expected a CXone Call Detail header.")
        }
        let columns = CSVColumns(header: header)
        let required = [
            ("Contact_ID", Column.contactID), ("Start_Date", Column.startDate), ("Abandon", Column.abandon),
            ("InQueue", Column.inQueue),
        ]
        let missing = required.filter { !columns.has($0.1) }.map { "`\($0.0)`" }
        guard missing.isEmpty else {
            throw ImportError(
                code: .missingColumn,
                message: "the header lacks \(missing.joined(separator: ", ")); download the Call Detail report "
                    + "with CXone's column names.",
                location: SourceLocation(file: file, line: columns.line, column: 1)
            )
        }
        let position = (
            id: columns.position(Column.contactID)!, master: columns.position(Column.masterContactID),
            media: columns.position(Column.media), skillName: columns.position(Column.skillName),
            skillNumber: columns.position(Column.skillNumber), agentName: columns.position(Column.agentName),
            agentNumber: columns.position(Column.agentNumber), teamName: columns.position(Column.teamName),
            teamNumber: columns.position(Column.teamNumber), serviceLevel: columns.position(Column.serviceLevel),
            date: columns.position(Column.startDate)!, time: columns.position(Column.startTime),
            preQueue: columns.position(Column.preQueue), inQueue: columns.position(Column.inQueue)!,
            agentTime: columns.position(Column.agentTime), hold: columns.position(Column.holdTime),
            abandon: columns.position(Column.abandon)!, abandonTime: columns.position(Column.abandonTime),
            afterCallWork: columns.position(Column.afterCallWork)
        )
        report.ignoredColumns = columns.unused([
            position.id, position.master, position.media, position.skillName, position.skillNumber,
            position.agentName, position.agentNumber, position.teamName, position.teamNumber, position.serviceLevel,
            position.date, position.time, position.preQueue, position.inQueue, position.agentTime, position.hold,
            position.abandon, position.abandonTime, position.afterCallWork,
        ])
        let knowsAgents = position.agentTime != nil || position.agentName != nil || position.agentNumber != nil
        var contacts = LatestContacts()
        var legs: Set<String> = []
        var unhandled: Set<String> = []
        try reader.forEachRow(width: columns.count, report: &report) { record, report in
            let fields = record.fields
            func text(_ position: Int?) -> String? {
                guard let position else { return nil }
                let value = fields[position].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            func reject(_ reason: String) { report.reject(line: record.line, reason: reason, fields: fields) }
            func seconds(_ position: Int?) -> Int64?? {
                guard let value = text(position) else { return .some(nil) }
                guard let seconds = Self.seconds(value) else {
                    reject("\(columns.names[position!]) is not a number of seconds")
                    return nil
                }
                return .some(seconds)
            }
            guard let id = text(position.id) else { return reject("\(columns.names[position.id]) is missing") }
            guard let dateText = text(position.date) else {
                return reject("\(columns.names[position.date]) is missing")
            }
            let written = text(position.time).map { "\(dateText) \($0)" } ?? dateText
            guard let start = Self.timeFormats.lazy.compactMap({ $0.instant(written, in: zone) }).first else {
                return reject("Start_Date and Start_Time are not a MM/DD/YYYY HH:MM:SS time")
            }
            guard let abandonText = text(position.abandon) else {
                return reject("\(columns.names[position.abandon]) is missing")
            }
            let abandoned: Bool
            switch abandonText.lowercased() {
            case "y", "yes", "1", "true": abandoned = true
            case "n", "no", "0", "false": abandoned = false
            default: return reject("\(columns.names[position.abandon]) is not Y or N")
            }
            guard let preQueue = seconds(position.preQueue), let inQueue = seconds(position.inQueue),
                let agentTime = seconds(position.agentTime), let hold = seconds(position.hold),
                let abandonTime = seconds(position.abandonTime), let afterCallWork = seconds(position.afterCallWork)
            else { return }
            var met: Bool?
            switch text(position.serviceLevel) {
            case nil, "-1": met = nil
            case "0": met = true
            case "1": met = false
            default: return reject("SLA is not -1, 0 or 1")
            }
            if let afterCallWork, afterCallWork > 86_400 { return reject("ACW_Seconds is over a day") }
            let queued = Timestamp(seconds: start.seconds + (preQueue ?? 0))
            var contact = Contact(id: id, channel: Self.channel(forMedia: text(position.media)), createdAt: queued)
            contact.agent = text(position.agentName) ?? text(position.agentNumber)
            contact.team = text(position.teamName) ?? text(position.teamNumber)
            contact.category = text(position.skillName) ?? text(position.skillNumber)
            contact.vendorSLAMet = met
            let reachedAgent = !knowsAgents || (agentTime ?? 0) > 0 || contact.agent != nil
            if abandoned {
                contact.abandoned = true
                if let abandonTime {
                    contact.endedAt = Timestamp(seconds: max(queued.seconds, start.seconds + abandonTime))
                }
                unhandled.remove(id)
            } else if reachedAgent {
                contact.abandoned = false
                let answered = Timestamp(seconds: queued.seconds + (inQueue ?? 0))
                contact.firstResponseAt = answered
                contact.endedAt = Timestamp(seconds: answered.seconds + (agentTime ?? 0) + (hold ?? 0))
                contact.wrapSeconds = afterCallWork.map { Int($0) }
                unhandled.remove(id)
            } else {
                contact.resolvedAt = Timestamp(seconds: queued.seconds + (inQueue ?? 0))
                unhandled.insert(id)
            }
            if let master = text(position.master), master != id { legs.insert(id) } else { legs.remove(id) }
            contacts.accept(contact, line: record.line, in: &report)
        }
        if !legs.isEmpty {
            report.notes.append(
                "\(legs.count) contact\(legs.count == 1 ? " is a later leg" : "s are later legs") of a transferred "
                    + "call (Master_Contact_ID differs from Contact_ID); each leg counts as a contact, as in CXone's "
                    + "skill reports."
            )
        }
        if !unhandled.isEmpty {
            report.notes.append(
                "\(unhandled.count) contact\(unhandled.count == 1 ? "" : "s") neither reached an agent nor abandoned "
                    + "(IVR, voicemail, a flow that ended the call): counted in volumes, left out of speed of answer "
                    + "and abandonment."
            )
        }
        contacts.deliver(to: sink, report: &report)
        return report
    }

    /// Seconds written as a number (`65`, `65.4`, rounded) or as `H:MM:SS`/`MM:SS`; `nil` for anything else or a
    /// negative value.
    static func seconds(_ text: String) -> Int64? {
        if text.contains(":") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count) else { return nil }
            var total: Int64 = 0
            for (index, part) in parts.enumerated() {
                guard let value = Int64(part), value >= 0, index == 0 || (part.count == 2 && value < 60) else {
                    return nil
                }
                total = total * 60 + value
            }
            return total
        }
        guard let value = Double(text), value.isFinite, value >= 0, value < 1e9 else { return nil }
        return Int64(value.rounded())
    }
}
