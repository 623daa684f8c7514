import Foundation
import Hummingbird
import NorthstarCore
import NorthstarStore

/// The scorecards: every agent and every team (managers and admins), one agent's or one team's numbers per
/// promise, as pages and as JSON. An agent sees only their own scorecard and their own team, and on the team
/// page no other agent's numbers; asking for anything else is 403 whether it exists or not, so ids cannot be
/// probed.
struct ScorecardController {
    let reports: ReportCache

    /// Who may open the lists.
    static let listRoles: Set<Role> = [.admin, .manager]
    /// Who may open a scorecard; agents only their own (checked in the handler).
    static let scorecardRoles: Set<Role> = [.admin, .manager, .agent]

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/agents", use: agents)
        router.get("/agents/:id", use: agent)
        router.get("/teams", use: teams)
        router.get("/teams/:team", use: team)
        router.get("/api/agents/:id", use: agentJSON)
        router.get("/api/teams/:team", use: teamJSON)
    }

    // MARK: Pages

    @Sendable func agents(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.listRoles)
        let entry = try await reports.current()
        let rows = Scorecard.keys("agent", in: entry.report).map { ($0, entry.agentTeams[$0]) }
        return Layout.html(ScorecardView.agentList(rows, identity: identity))
    }

    @Sendable func teams(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.listRoles)
        let entry = try await reports.current()
        var sizes: [String: Int] = [:]
        for team in entry.agentTeams.values { sizes[team, default: 0] += 1 }
        let rows = Scorecard.keys("team", in: entry.report).map { ($0, sizes[$0] ?? 0) }
        return Layout.html(ScorecardView.teamList(rows, identity: identity))
    }

    @Sendable func agent(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.scorecardRoles)
        let (card, entry) = try await agentScorecard(try Self.parameter("id", context), identity: identity)
        return Layout.html(ScorecardView.scorecard(card, report: entry.report, identity: identity))
    }

    @Sendable func team(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.scorecardRoles)
        let (card, entry) = try await teamScorecard(try Self.parameter("team", context), identity: identity)
        return Layout.html(ScorecardView.scorecard(card, report: entry.report, identity: identity))
    }

    // MARK: JSON

    @Sendable func agentJSON(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.scorecardRoles)
        return APIController.json(try await agentScorecard(try Self.parameter("id", context), identity: identity).0)
    }

    @Sendable func teamJSON(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.scorecardRoles)
        return APIController.json(try await teamScorecard(try Self.parameter("team", context), identity: identity).0)
    }

    // MARK: Access and lookup

    /// An agent's scorecard, when the asker may see it: managers and admins any agent in the data (else 404),
    /// an agent only their own id (else 403, before looking, so a missing id answers the same).
    func agentScorecard(_ id: String, identity: Identity) async throws -> (Scorecard, ReportCache.Entry) {
        if identity.role == .agent {
            guard let own = identity.agentID, own == id else {
                throw ServerError(code: .forbidden, message: "An agent sees only their own scorecard.")
            }
        }
        let entry = try await reports.current()
        let known = Scorecard.keys("agent", in: entry.report).contains(id)
        guard known || identity.role == .agent else {
            throw ServerError(code: .notFound, message: "No contacts name that agent.")
        }
        let card = Scorecard.make(
            kind: "agent",
            id: id,
            team: entry.agentTeams[id],
            report: entry.report,
            charter: entry.charter
        )
        return (card, entry)
    }

    /// A team's scorecard, when the asker may see it: managers and admins any team in the data (else 404) with
    /// all its agents, an agent only their own team (else 403) with no other agent in the list.
    func teamScorecard(_ team: String, identity: Identity) async throws -> (Scorecard, ReportCache.Entry) {
        let entry = try await reports.current()
        if identity.role == .agent {
            guard let own = Self.ownTeam(identity, entry: entry), own == team else {
                throw ServerError(code: .forbidden, message: "An agent sees only their own team.")
            }
        }
        let known = Scorecard.keys("team", in: entry.report).contains(team)
        guard known || identity.role == .agent else {
            throw ServerError(code: .notFound, message: "No contacts name that team.")
        }
        var members = entry.agentTeams.filter { $0.value == team }.map { $0.key }.sorted()
        if !identity.seesAllData { members = identity.agentID.map { [$0] } ?? [] }
        let card = Scorecard.make(
            kind: "team",
            id: team,
            team: team,
            report: entry.report,
            charter: entry.charter,
            agents: members
        )
        return (card, entry)
    }

    /// An agent's team: the one their user names, else the one most of their contacts name.
    static func ownTeam(_ identity: Identity, entry: ReportCache.Entry) -> String? {
        identity.team ?? identity.agentID.flatMap { entry.agentTeams[$0] }
    }

    /// A path parameter, percent-decoded (a team may be `Tier%202`).
    static func parameter(_ name: String, _ context: NorthstarRequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
