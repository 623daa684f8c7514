import Foundation

/// The entitlement milestones of Salesforce cases (the CaseMilestone object), read from a report or API export so
/// that ``SalesforceCaseImporter`` can join them to the cases it reads.
///
/// Each row is one milestone of one case: `CaseId` (report: `Case ID`, or the case's `Case Number`), the
/// milestone type (`MilestoneTypeId`; report: `Milestone`), `StartDate`, `TargetDate`, `CompletionDate`,
/// `IsCompleted` (report: `Completed`) and `IsViolated` (report: `Violation`). Headers may be field labels or API
/// names. What the join gives a case:
/// - its first response: the earliest completion of a completed first-response milestone (see
///   ``isFirstResponse(_:)``), as Salesforce has no first-response field of its own;
/// - ``Contact/vendorSLAMet``, Salesforce's own verdict: `false` when any milestone of the case is violated, `true`
///   when all are completed and none is, unknown while one is still running.
///
/// Read the milestone files with ``load(from:timeZoneIdentifier:)`` before the case files, then hand the result to
/// ``SalesforceCaseImporter/init(timeZoneIdentifier:milestones:)``. Memory grows with the milestones.
public struct SalesforceMilestones: Sendable {
    /// One milestone of one case.
    struct Milestone: Sendable {
        var caseID: String?
        var caseNumber: String?
        var type: String?
        var start: Timestamp?
        var completion: Timestamp?
        var completionText: String?
        var completed: Bool
        var violated: Bool?
        var file: String
        var line: Int
    }

    /// What the milestones of one case say.
    public struct CaseSummary: Sendable, Hashable {
        /// How many milestones the case has.
        public var milestones: Int
        /// The earliest completion of a completed first-response milestone.
        public var firstResponseAt: Timestamp?
        /// Salesforce's verdict: `false` when a milestone is violated, `true` when all are completed on time,
        /// `nil` while one runs.
        public var met: Bool?
        /// Where the first-response completion was read, for reporting it when it cannot be used.
        var firstResponseFile: String?
        var firstResponseLine: Int?
        var firstResponseText: String?

        init(milestones: Int, firstResponseAt: Timestamp?, met: Bool?) {
            self.milestones = milestones
            self.firstResponseAt = firstResponseAt
            self.met = met
        }
    }

    /// Milestone types that count as the first response, compared without regard to case: names or
    /// `MilestoneTypeId`s. Empty: ``isFirstResponse(_:)``'s default rule.
    public let firstResponseTypes: [String]
    private var milestones: [String: Milestone] = [:]

    /// Creates an empty set; `firstResponseTypes` names the milestone types that mean the first response when the
    /// default rule (a name with "first response", "first reply" or "initial response") does not fit.
    public init(firstResponseTypes: [String] = []) {
        self.firstResponseTypes = firstResponseTypes
    }

    /// How many milestones are held.
    public var count: Int { milestones.count }

    /// Whether a milestone type means the first response: one of ``firstResponseTypes`` when given, otherwise a
    /// name containing "first response", "first reply" or "initial response" (any case).
    public func isFirstResponse(_ type: String?) -> Bool {
        guard let type else { return false }
        let lowered = type.lowercased()
        if !firstResponseTypes.isEmpty { return firstResponseTypes.contains { $0.lowercased() == lowered } }
        return ["first response", "first reply", "initial response"].contains { lowered.contains($0) }
    }

    /// A case id as a join key: Salesforce ids are 15 characters, case-sensitive, or 18 with a 3-character
    /// checksum that reports leave off, so the first 15 are compared.
    static func idKey(_ id: String) -> String {
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        return "id:" + (trimmed.count == 18 ? String(trimmed.prefix(15)) : trimmed)
    }

    static func numberKey(_ number: String) -> String { "number:" + number.trimmingCharacters(in: .whitespaces) }

    /// What the milestones of the case with this id or number say, or `nil` when it has none.
    public func summary(caseID: String?, caseNumber: String?) -> CaseSummary? {
        let keys = Set([caseID.map(Self.idKey), caseNumber.map(Self.numberKey)].compactMap { $0 })
        let mine = byCase(keys)
        guard !mine.isEmpty else { return nil }
        var summary = CaseSummary(milestones: mine.count, firstResponseAt: nil, met: nil)
        for milestone in mine where milestone.completed && isFirstResponse(milestone.type) {
            if let completion = milestone.completion, summary.firstResponseAt.map({ completion < $0 }) ?? true {
                summary.firstResponseAt = completion
                summary.firstResponseFile = milestone.file
                summary.firstResponseLine = milestone.line
                summary.firstResponseText = milestone.completionText
            }
        }
        if mine.contains(where: { $0.violated == true }) {
            summary.met = false
        } else if mine.allSatisfy({ $0.completed && $0.violated == false }) {
            summary.met = true
        }
        return summary
    }

    /// The milestones filed under any of `keys` (a case's id and its number), each once.
    private func byCase(_ keys: Set<String>) -> [Milestone] {
        var seen: Set<String> = []
        return keys.sorted().flatMap { caseIndex[$0] ?? [] }.filter { seen.insert($0).inserted }
            .compactMap { milestones[$0] }
    }

    private var caseIndex: [String: [String]] = [:]

    /// The case keys (ids and numbers) that have milestones.
    var caseKeys: Set<String> { Set(caseIndex.keys) }

    // MARK: Reading

    /// The columns read, by accepted names (labels and API names).
    enum Column {
        static let caseID = ["CaseId", "Case ID", "Case", "Case.Id"]
        static let caseNumber = ["Case Number", "CaseNumber", "Case.CaseNumber"]
        static let milestoneID = ["Id", "Case Milestone ID", "CaseMilestone ID"]
        static let type = [
            "Milestone", "Milestone Name", "Milestone Type", "MilestoneType", "MilestoneType.Name", "MilestoneTypeId",
        ]
        static let start = ["StartDate", "Start Date"]
        static let target = ["TargetDate", "Target Date"]
        static let completion = ["CompletionDate", "Completion Date"]
        static let completed = ["IsCompleted", "Completed"]
        static let violated = ["IsViolated", "Violation", "Violated"]
    }

    /// Whether a header is a CaseMilestone export's: a case id or number, a target date, and a milestone type or
    /// violation column.
    public static func matches(header: [String]) -> Bool {
        let columns = CSVColumns(header: CSVReader.Record(fields: header, line: 1, invalidUTF8: false))
        return (columns.has(Column.caseID) || columns.has(Column.caseNumber)) && columns.has(Column.target)
            && (columns.has(Column.type) || columns.has(Column.violated))
    }

    /// Reads a CaseMilestone CSV, adding its milestones (a milestone seen again, by its id or else by case, type and
    /// start, replaces the earlier row); zoneless times are read in `timeZoneIdentifier`.
    public mutating func load(from path: String, timeZoneIdentifier: String = "UTC") throws(ImportError) -> ImportReport
    {
        let reader = try CSVReader(path: path)
        return try load(reader: reader, file: path, timeZoneIdentifier: timeZoneIdentifier)
    }

    /// Reads from a prepared reader; `file` names the source in the report.
    public mutating func load(
        reader: CSVReader,
        file: String,
        timeZoneIdentifier: String = "UTC"
    ) throws(ImportError) -> ImportReport {
        let time = try SalesforceTime(timeZoneIdentifier: timeZoneIdentifier)
        var report = ImportReport(file: file, format: SalesforceMilestoneImporter.name)
        guard let header = try reader.next() else {
            throw ImportError(code: .missingColumn, message: "\(file) is empty; expected a CaseMilestone header.")
        }
        let columns = CSVColumns(header: header)
        let caseID = columns.position(Column.caseID)
        let caseNumber = columns.position(Column.caseNumber)
        guard caseID != nil || caseNumber != nil else {
            throw ImportError(
                code: .missingColumn,
                message: "the header names no case: add `CaseId` (report: `Case ID`) or `Case Number` to the export.",
                location: SourceLocation(file: file, line: columns.line, column: 1)
            )
        }
        let positions = (
            id: columns.position(Column.milestoneID), type: columns.position(Column.type),
            start: columns.position(Column.start), target: columns.position(Column.target),
            completion: columns.position(Column.completion), completed: columns.position(Column.completed),
            violated: columns.position(Column.violated)
        )
        report.ignoredColumns = columns.unused([
            caseID, caseNumber, positions.id, positions.type, positions.start, positions.target, positions.completion,
            positions.completed, positions.violated,
        ])
        var afterBlank = false
        var footer = 0
        let width = columns.count
        var added: [(key: String, milestone: Milestone)] = []
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
            func name(_ position: Int?) -> String { position.map { columns.names[$0] } ?? "" }
            func instant(_ position: Int?) -> (Timestamp?, String?)? {
                guard let value = text(position) else { return (nil, nil) }
                guard let instant = time.instant(value) else {
                    reject("\(name(position)) is not \(SalesforceTime.described)")
                    return nil
                }
                return (instant, value)
            }
            func flag(_ position: Int?) -> Bool?? {
                guard let value = text(position) else { return .some(nil) }
                guard let flag = SalesforceTime.flag(value) else {
                    reject("\(name(position)) is not true or false")
                    return nil
                }
                return .some(flag)
            }
            let idText = text(caseID)
            let numberText = text(caseNumber)
            guard idText != nil || numberText != nil else {
                return reject("\(name(caseID ?? caseNumber)) is missing")
            }
            guard let (start, _) = instant(positions.start), let (target, _) = instant(positions.target),
                let (completion, completionText) = instant(positions.completion),
                let completedFlag = flag(positions.completed), let violatedFlag = flag(positions.violated)
            else { return }
            if let start, let target, target < start { return reject("target before start") }
            if let start, let completion, completion < start { return reject("completion before start") }
            let completed = completedFlag ?? (completion != nil)
            if completed && completion == nil { return reject("completed without a completion date") }
            var violated = violatedFlag
            if violated == nil, let target, let completion { violated = completion > target }
            let type = text(positions.type)
            let milestone = Milestone(
                caseID: idText,
                caseNumber: numberText,
                type: type,
                start: start,
                completion: completion,
                completionText: completionText,
                completed: completed,
                violated: violated,
                file: file,
                line: record.line
            )
            let caseKey = idText.map(Self.idKey) ?? numberText.map(Self.numberKey) ?? ""
            let key =
                text(positions.id).map { "milestone:" + Self.idKey($0) }
                ?? "\(caseKey)|\(type ?? "")|\(start?.seconds ?? 0)"
            report.accepted += 1
            added.append((key, milestone))
        }
        for (key, milestone) in added {
            if milestones[key] != nil { report.duplicates += 1 }
            milestones[key] = milestone
            for caseKey in [milestone.caseID.map(Self.idKey), milestone.caseNumber.map(Self.numberKey)]
                .compactMap({ $0 })
            where !(caseIndex[caseKey]?.contains(key) ?? false) {
                caseIndex[caseKey, default: []].append(key)
            }
        }
        if footer > 0 {
            report.notes.append("skipped the report's footer (\(footer) line\(footer == 1 ? "" : "s") after the data).")
        }
        let firstResponses = added.filter { isFirstResponse($0.milestone.type) }.count
        report.notes.append(
            "\(firstResponses) of \(added.count) milestone rows are first-response milestones"
                + (firstResponseTypes.isEmpty
                    ? " (names with \"first response\", \"first reply\" or \"initial response\")."
                    : " (\(firstResponseTypes.joined(separator: ", "))).")
        )
        return report
    }
}
