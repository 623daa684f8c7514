import Foundation
import NorthstarCore
import NorthstarStore

/// Proposing and approving charter versions, shared by the pages and the API so both validate, label and refuse
/// alike: a proposal must pass ``CharterLoader`` to be stored, and is validated again when an admin approves it.
struct CharterProposals {
    let store: any Store
    let now: @Sendable () -> Date

    /// One problem of a charter that does not validate, as the form and the API show it.
    struct Problem: Sendable, Hashable, Encodable {
        /// The line, from 1; `nil` when the problem has no one place (a charter too large).
        var line: Int?
        /// The column, from 1, in Unicode scalars.
        var column: Int?
        /// `error` or `warning`.
        var severity: String
        /// What is wrong (with its key path) and how to fix it.
        var message: String
    }

    /// A charter that does not validate: the loader's summary and every problem.
    struct Invalid: Error, Sendable {
        var message: String
        var problems: [Problem]
    }

    /// What a proposal came to.
    enum Outcome: Sendable {
        /// Stored as proposed.
        case proposed(CharterVersion)
        /// Refused: the charter does not validate, or the label or note cannot be stored.
        case invalid(Invalid)
    }

    /// The longest version label and note stored.
    static let maximumLabelLength = 100
    static let maximumNoteLength = 2_000

    /// The charter in `yaml`, or why it cannot be used. Dates are not checked against today, as the dashboard
    /// reads the stored charter (``ReportCache``).
    static func validate(_ yaml: String) -> Result<CharterLoader.Result, Invalid> {
        do throws(CharterError) {
            return .success(try CharterLoader.load(bytes: Array(yaml.utf8), file: "proposal", today: nil))
        } catch {
            var problems = error.diagnostics.map { diagnostic in
                Problem(
                    line: diagnostic.location.line,
                    column: diagnostic.location.column,
                    severity: diagnostic.severity.rawValue,
                    message: (diagnostic.keyPath.isEmpty ? "" : diagnostic.keyPath + ": ") + diagnostic.message
                        + (diagnostic.fix.map { " " + $0 } ?? "")
                )
            }
            if problems.isEmpty {
                problems = [
                    Problem(
                        line: error.location?.line,
                        column: error.location?.column,
                        severity: "error",
                        message: error.message
                    )
                ]
            }
            let count = max(1, problems.filter { $0.severity == CharterDiagnostic.Severity.error.rawValue }.count)
            return .failure(
                Invalid(
                    message: "The charter does not validate: \(count) problem\(count == 1 ? "" : "s") to fix.",
                    problems: problems
                )
            )
        }
    }

    /// Text from a form or a request body with its line breaks made `\n`: browsers send a textarea's lines
    /// ending in CRLF, which would make every line differ from the stored charter.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Validates `yaml` and stores it as a proposed version by `proposer`. An empty `label` takes the charter's
    /// latest history entry (as `northstar charter publish` does), and an empty `note` that entry's note.
    func propose(yaml: String, label: String, note: String, by proposer: String) async throws -> Outcome {
        let yaml = Self.normalized(yaml)
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines)
        let note = Self.normalized(note).trimmingCharacters(in: .whitespacesAndNewlines)
        if label.count > Self.maximumLabelLength || label.contains(where: { $0.isNewline }) {
            return .invalid(
                Invalid(
                    message: "The version label must be one line of at most \(Self.maximumLabelLength) characters.",
                    problems: []
                )
            )
        }
        if note.count > Self.maximumNoteLength {
            return .invalid(
                Invalid(message: "The note must be at most \(Self.maximumNoteLength) characters.", problems: [])
            )
        }
        let loaded: CharterLoader.Result
        switch Self.validate(yaml) {
        case .success(let result): loaded = result
        case .failure(let invalid): return .invalid(invalid)
        }
        let latest = loaded.charter.history.last
        let version = try await store.addCharterVersion(
            CharterDraft(
                yaml: yaml,
                version: label.isEmpty ? (latest?.version ?? "unversioned") : label,
                effectiveDate: label.isEmpty || label == latest?.version ? latest.map { "\($0.date)" } : nil,
                note: note.isEmpty ? (latest?.note ?? "") : note,
                proposedBy: proposer,
                proposedAt: timestamp(now()),
                approved: false
            )
        )
        return .proposed(version)
    }

    /// Approves the proposed version `number` as `approver`, after validating it again. Refuses an unknown
    /// version (404), one approved already or older than the approved one in force (409: approving it would not
    /// change the charter in force, which is the latest approved), and one that no longer validates (422).
    func approve(_ number: Int, by approver: String) async throws -> CharterVersion {
        let versions = try await store.charterVersions()
        guard let version = versions.first(where: { $0.number == number }) else {
            throw ServerError(code: .notFound, message: "There is no charter version \(number).")
        }
        guard version.status == .proposed else {
            throw ServerError(
                code: .conflict,
                message: "Charter version \(number) is approved already"
                    + (version.approvedBy.map { " (by \($0))" } ?? "") + "."
            )
        }
        if let current = versions.last(where: { $0.status == .approved }), current.number > number {
            throw ServerError(
                code: .conflict,
                message: "Charter version \(number) is older than version \(current.number), approved since it was "
                    + "proposed: approving it would change nothing. Propose it again on top of the current charter."
            )
        }
        if case .failure(let invalid) = Self.validate(version.yaml) {
            let first = invalid.problems.first.map { problem in
                (problem.line.map { "line \($0), column \(problem.column ?? 1): " } ?? "") + problem.message
            }
            throw ServerError(
                code: .invalidCharter,
                message: "Charter version \(number) no longer validates" + (first.map { ": \($0)" } ?? ".")
            )
        }
        do {
            try await store.approveCharterVersion(number, by: approver, at: timestamp(now()))
        } catch let error as StoreError where error.code == .conflict {
            // Someone else approved it between the read above and this write.
            throw ServerError(code: .conflict, message: "Charter version \(number) is approved already.")
        }
        return try await store.charterVersions().first { $0.number == number } ?? version
    }

    /// Today in the charter's zone by the server's clock, for the wording scorecard and the review date.
    func today(for charter: Charter) -> LocalDate {
        let seconds = Int64(now().timeIntervalSince1970)
        return LocalDate.containing(Timestamp(seconds: seconds), timeZoneIdentifier: charter.timeZoneIdentifier)
    }
}
