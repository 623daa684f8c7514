import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NorthstarCore
import NorthstarStore

/// The charter pages (managers and admins): the charter in force with its lint scorecard, promises, versions and
/// sign-offs; proposing a new version (validated before it is stored); each version with its diff against the
/// charter in force; and an admin's approval, which makes it the charter the dashboard uses.
struct CharterController {
    let store: any Store
    let now: @Sendable () -> Date

    /// Who may read the charter pages and propose.
    static let roles: Set<Role> = [.admin, .manager]
    /// Who may approve a proposal.
    static let approverRoles: Set<Role> = [.admin]
    /// The largest proposal form read: a 1 MB charter, percent-encoded.
    static let maximumFormBytes = 3 * CharterLoader.maximumBytes + 4_096

    var proposals: CharterProposals { CharterProposals(store: store, now: now) }

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/charter", use: charter)
        router.get("/charter/propose", use: proposeForm)
        router.post("/charter/propose", use: propose)
        router.get("/charter/versions/:number", use: version)
        router.post("/charter/versions/:number/approve", use: approve)
    }

    @Sendable func charter(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let versions = try await store.charterVersions()
        guard let current = versions.last(where: { $0.status == .approved }) else {
            throw ServerError(
                code: .noCharter,
                message: "No approved charter in the store yet: publish one with "
                    + "`northstar charter publish charter.yaml --database …`, or propose one at /charter/propose."
            )
        }
        let charter = try CharterLoader.load(
            bytes: Array(current.yaml.utf8),
            file: "charter version \(current.number)",
            today: nil
        ).charter
        var signOffs: [CharterSignOff] = []
        for version in versions { signOffs += try await store.signOffs(charterVersion: version.number) }
        let today = proposals.today(for: charter)
        let lint = WordingLinter(today: today).lint(charter)
        return Layout.html(
            CharterView.render(
                charter,
                lint: lint,
                current: current,
                versions: versions,
                signOffs: signOffs,
                today: today,
                identity: identity
            )
        )
    }

    /// The proposal form, filled with the charter in force (empty when none is approved yet).
    @Sendable func proposeForm(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let current = try await store.charterVersions().last { $0.status == .approved }
        return Layout.html(
            CharterProposalView.form(
                yaml: current?.yaml ?? "",
                label: "",
                note: "",
                current: current,
                invalid: nil,
                identity: identity
            )
        )
    }

    /// Stores a valid proposal and redirects to it; shows the form again with every problem when it is not.
    @Sendable func propose(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: Self.maximumFormBytes)))
        let yaml = form["yaml"] ?? ""
        let label = form["version"] ?? ""
        let note = form["note"] ?? ""
        switch try await proposals.propose(yaml: yaml, label: label, note: note, by: identity.name) {
        case .proposed(let version):
            context.logger.info(
                "charter proposed",
                metadata: ["number": .stringConvertible(version.number), "user": .string(identity.name)]
            )
            return SessionController.redirect(to: "/charter/versions/\(version.number)")
        case .invalid(let invalid):
            let current = try await store.charterVersions().last { $0.status == .approved }
            return Layout.html(
                CharterProposalView.form(
                    yaml: CharterProposals.normalized(yaml),
                    label: label,
                    note: note,
                    current: current,
                    invalid: invalid,
                    identity: identity
                ),
                status: .unprocessableContent
            )
        }
    }

    /// One version: its words, status and people, its scorecard, and its diff against the charter in force.
    @Sendable func version(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let number = try Self.number(context)
        let versions = try await store.charterVersions()
        guard let version = versions.first(where: { $0.number == number }) else {
            throw ServerError(code: .notFound, message: "There is no charter version \(number).")
        }
        let current = versions.last { $0.status == .approved }
        var lint: LintReport?
        var problems: CharterProposals.Invalid?
        switch CharterProposals.validate(version.yaml) {
        case .success(let loaded):
            lint = WordingLinter(today: proposals.today(for: loaded.charter)).lint(loaded.charter)
        case .failure(let invalid):
            problems = invalid
        }
        return Layout.html(
            CharterProposalView.version(
                version,
                current: current,
                diff: LineDiff.lines(from: current?.yaml ?? "", to: version.yaml),
                lint: lint,
                problems: problems,
                identity: identity
            )
        )
    }

    /// An admin approves a proposed version; it becomes the charter in force.
    @Sendable func approve(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.approverRoles)
        let number = try Self.number(context)
        let version = try await proposals.approve(number, by: identity.name)
        context.logger.info(
            "charter approved",
            metadata: ["number": .stringConvertible(version.number), "user": .string(identity.name)]
        )
        return SessionController.redirect(to: "/charter/versions/\(version.number)")
    }

    /// The `:number` of the path; anything but a number names no version (404).
    static func number(_ context: NorthstarRequestContext) throws -> Int {
        guard let text = context.parameters.get("number"), let number = Int(text), number > 0 else {
            throw ServerError(code: .notFound, message: "There is no such charter version.")
        }
        return number
    }
}
