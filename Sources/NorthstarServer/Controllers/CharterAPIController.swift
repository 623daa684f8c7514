import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NorthstarCore
import NorthstarStore

/// The charter over the API: the charter in force and the versions (every role; proposals only for managers and
/// admins), proposing a version (managers, admins) and approving one (admins). A bearer token needs no CSRF
/// token; a session must send `X-CSRF-Token`.
struct CharterAPIController {
    let store: any Store
    let now: @Sendable () -> Date

    /// Who may read the charter: its words and promises are what the whole team is asked to keep.
    static let readRoles: Set<Role> = [.admin, .manager, .agent, .viewer]
    /// Who may propose a version, and see proposals.
    static let proposerRoles: Set<Role> = [.admin, .manager]
    /// Who may approve a proposal.
    static let approverRoles: Set<Role> = [.admin]

    var proposals: CharterProposals { CharterProposals(store: store, now: now) }

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/api/charter", use: charter)
        router.get("/api/charter/versions/:number", use: version)
        router.post("/api/charter/versions", use: propose)
        router.post("/api/charter/versions/:number/approve", use: approve)
    }

    /// A stored version as JSON; times in RFC 3339 UTC, absent fields left out.
    struct VersionJSON: Encodable {
        var number: Int
        var version: String
        var status: String
        var effectiveDate: String?
        var note: String
        var proposedBy: String?
        var proposedAt: String
        var approvedBy: String?
        var approvedAt: String?
        var yaml: String?

        init(_ version: CharterVersion, withYAML: Bool) {
            number = version.number
            self.version = version.version
            status = version.status.rawValue
            effectiveDate = version.effectiveDate
            note = version.note
            proposedBy = version.proposedBy
            proposedAt = "\(version.proposedAt)"
            approvedBy = version.approvedBy
            approvedAt = version.approvedAt.map { "\($0)" }
            yaml = withYAML ? version.yaml : nil
        }
    }

    /// `GET /api/charter`: `{"current": …with its YAML…, "versions": [… without YAML, oldest first]}`. Agents and
    /// viewers see approved versions only: a proposal is a manager's draft until an admin approves it.
    @Sendable func charter(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.readRoles)
        let versions = try await visibleVersions(identity)
        struct Body: Encodable {
            var current: VersionJSON?
            var versions: [VersionJSON]
        }
        let current = versions.last { $0.status == .approved }
        return APIController.json(
            Body(
                current: current.map { VersionJSON($0, withYAML: true) },
                versions: versions.map { VersionJSON($0, withYAML: false) }
            )
        )
    }

    /// `GET /api/charter/versions/{n}`: one version with its YAML (a proposal is 404 to agents and viewers).
    @Sendable func version(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.readRoles)
        let number = try CharterController.number(context)
        guard let version = try await visibleVersions(identity).first(where: { $0.number == number }) else {
            throw ServerError(code: .notFound, message: "There is no charter version \(number).")
        }
        return APIController.json(VersionJSON(version, withYAML: true))
    }

    /// `POST /api/charter/versions?note=…&version=…` with the charter YAML as the body: `201` with `Location` and
    /// `{"number", "status": "proposed"}`, or `422` with `{"error", "message", "diagnostics": [{line, column,
    /// severity, message}]}`.
    @Sendable func propose(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.proposerRoles)
        var request = request
        let body = try await request.collectBody(upTo: CharterLoader.maximumBytes + 1)
        let yaml = String(buffer: body)
        let note = request.uri.queryParameters["note"].map(String.init) ?? ""
        let label = request.uri.queryParameters["version"].map(String.init) ?? ""
        switch try await proposals.propose(yaml: yaml, label: label, note: note, by: identity.name) {
        case .proposed(let version):
            context.logger.info(
                "charter proposed",
                metadata: ["number": .stringConvertible(version.number), "user": .string(identity.name)]
            )
            struct Created: Encodable {
                var number: Int
                var status: String
                var version: String
            }
            var response = APIController.json(
                Created(number: version.number, status: version.status.rawValue, version: version.version),
                status: .created
            )
            response.headers[.location] = "/api/charter/versions/\(version.number)"
            return response
        case .invalid(let invalid):
            struct Refused: Encodable {
                var error: String
                var message: String
                var diagnostics: [CharterProposals.Problem]
            }
            return APIController.json(
                Refused(
                    error: ServerError.Code.invalidCharter.description,
                    message: invalid.message,
                    diagnostics: invalid.problems
                ),
                status: .unprocessableContent
            )
        }
    }

    /// `POST /api/charter/versions/{n}/approve` (admins): `200` with the approved version, `404`, `409` or `422`.
    @Sendable func approve(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.approverRoles)
        let number = try CharterController.number(context)
        let version = try await proposals.approve(number, by: identity.name)
        context.logger.info(
            "charter approved",
            metadata: ["number": .stringConvertible(version.number), "user": .string(identity.name)]
        )
        return APIController.json(VersionJSON(version, withYAML: false))
    }

    /// The versions `identity` may read, oldest first.
    private func visibleVersions(_ identity: Identity) async throws -> [CharterVersion] {
        let versions = try await store.charterVersions()
        return Self.proposerRoles.contains(identity.role) ? versions : versions.filter { $0.status == .approved }
    }
}
