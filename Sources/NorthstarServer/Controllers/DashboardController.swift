import Foundation
import Hummingbird
import Logging
import NorthstarCore
import NorthstarStore

/// The pages: the overview (every role) and a promise's page (managers and admins).
struct DashboardController {
    let reports: ReportCache

    /// Who may see which page (docs/server.md).
    static let overviewRoles: Set<Role> = [.admin, .manager, .agent, .viewer]
    static let promiseRoles: Set<Role> = [.admin, .manager]

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/", use: overview)
        router.get("/promises/:id", use: promise)
    }

    @Sendable func overview(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.overviewRoles)
        let entry = try await reports.current()
        return Layout.html(
            OverviewView.render(
                entry.report,
                identity: identity,
                charterVersion: entry.charterVersion.number,
                storedContacts: entry.fingerprint.contacts,
                ownTeam: ScorecardController.ownTeam(identity, entry: entry)
            )
        )
    }

    @Sendable func promise(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.promiseRoles)
        let id = try context.parameters.require("id")
        let entry = try await reports.current()
        guard let promise = entry.report.promises.first(where: { $0.id == id }) else {
            throw ServerError(code: .notFound, message: "The charter has no promise with that id.")
        }
        return Layout.html(PromiseView.render(promise, report: entry.report, identity: identity))
    }
}

/// The JSON API and the health check.
struct APIController {
    let store: any Store
    let reports: ReportCache

    static let promiseRoles: Set<Role> = [.admin, .manager, .agent, .viewer]

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/health", use: health)
        router.get("/api/promises", use: promises)
        router.get("/api/promises/:id", use: promise)
    }

    /// `200 {"status":"ok"}` when the store answers, `503` when it does not; no sign-in needed.
    @Sendable func health(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        do {
            _ = try await store.fingerprint()
            return Self.json(["status": "ok"])
        } catch {
            context.logger.error("health check failed", metadata: ["error": .string("\(error)")])
            return Self.json(["status": "unavailable"], status: .serviceUnavailable)
        }
    }

    /// The report in the shape of `northstar check --format json`. Viewers and agents get the overview's
    /// numbers only: no breakdowns (they name agents) and no breaching contacts.
    @Sendable func promises(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.promiseRoles)
        var report = try await reports.current().report
        if !identity.seesAllData {
            for promise in report.promises.indices { Self.trim(&report.promises[promise]) }
        }
        return Self.json(report)
    }

    /// One promise's result: every period with its breakdowns and breaching contacts (trimmed as in
    /// ``promises(_:context:)`` for viewers and agents).
    @Sendable func promise(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.promiseRoles)
        let id = try context.parameters.require("id")
        let report = try await reports.current().report
        guard var promise = report.promises.first(where: { $0.id == id }) else {
            throw ServerError(code: .notFound, message: "The charter has no promise with that id.")
        }
        if !identity.seesAllData { Self.trim(&promise) }
        return Self.json(promise)
    }

    /// Removes what names agents or contacts: the breakdowns and the breaching contact ids.
    static func trim(_ promise: inout CheckReport.PromiseResult) {
        for period in promise.periods.indices {
            promise.periods[period].breakdown = nil
            promise.periods[period].breaches = []
        }
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: JSONText.encode(value) + "\n"))
        )
    }
}
