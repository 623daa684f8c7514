import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

/// The agents and teams a test asks about, read from the fixture's store: the agent user's own id and team, and
/// an agent of another team.
struct Subjects {
    var ownAgent: String
    var ownTeam: String
    var otherAgent: String
    var otherTeam: String
    var allAgents: Set<String>
    var contacts: [Contact]
    var charter: Charter

    static func read(_ fixture: ServerFixture) async throws -> Subjects {
        let user = try #require(try await fixture.store.user(named: "agent"))
        let ownAgent = try #require(user.agentID)
        let ownTeam = try #require(user.team)
        var contacts: [Contact] = []
        try await fixture.store.forEachContact { contacts.append($0.contact) }
        let other = try #require(contacts.first(where: { $0.team != nil && $0.team != ownTeam && $0.agent != nil }))
        let version = try #require(try await fixture.store.charterVersions().last)
        let charter = try CharterLoader.load(bytes: Array(version.yaml.utf8), file: "c", today: nil).charter
        return Subjects(
            ownAgent: ownAgent,
            ownTeam: ownTeam,
            otherAgent: other.agent!,
            otherTeam: other.team!,
            allAgents: Set(contacts.compactMap(\.agent)),
            contacts: contacts,
            charter: charter
        )
    }

    /// `OWN-AGENT`, `OTHER-AGENT`, `OWN-TEAM` and `OTHER-TEAM` in a path replaced by ids, percent-encoded.
    func uri(_ path: String) -> String {
        func encoded(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_"))) ?? text
        }
        return path.replacingOccurrences(of: "OWN-AGENT", with: encoded(ownAgent))
            .replacingOccurrences(of: "OTHER-AGENT", with: encoded(otherAgent))
            .replacingOccurrences(of: "OWN-TEAM", with: encoded(ownTeam))
            .replacingOccurrences(of: "OTHER-TEAM", with: encoded(otherTeam))
    }
}

/// The JSON of `/api/agents/{id}` and `/api/teams/{team}`, as a client reads it.
struct ServedScorecard: Decodable {
    struct Figure: Decodable {
        var value: Double?
        var n: Int
        var verdict: String
    }
    struct Period: Decodable {
        var label: String
        var value: Double?
        var n: Int
        var verdict: String
        var smallSample: Bool
        var team: Figure?
        var organization: Figure
    }
    struct PromiseCard: Decodable {
        var id: String
        var minimumSample: Int
        var periods: [Period]
    }
    var kind: String
    var id: String
    var team: String?
    var agents: [String]?
    var promises: [PromiseCard]
}

@Suite("Agents' and teams' scorecards")
struct ScorecardTests {
    /// Every scorecard route for every role: 200, 403, 404, or (anonymous) a redirect to /login.
    static let pageCases: [(String, Role?, HTTPResponse.Status)] = [
        ("/agents", nil, .seeOther), ("/agents", .viewer, .forbidden), ("/agents", .agent, .forbidden),
        ("/agents", .manager, .ok), ("/agents", .admin, .ok),
        ("/teams", nil, .seeOther), ("/teams", .viewer, .forbidden), ("/teams", .agent, .forbidden),
        ("/teams", .manager, .ok), ("/teams", .admin, .ok),
        ("/agents/OWN-AGENT", nil, .seeOther), ("/agents/OWN-AGENT", .viewer, .forbidden),
        ("/agents/OWN-AGENT", .agent, .ok), ("/agents/OWN-AGENT", .manager, .ok), ("/agents/OWN-AGENT", .admin, .ok),
        ("/agents/OTHER-AGENT", .viewer, .forbidden), ("/agents/OTHER-AGENT", .agent, .forbidden),
        ("/agents/OTHER-AGENT", .manager, .ok), ("/agents/OTHER-AGENT", .admin, .ok),
        ("/agents/no-such-agent", nil, .seeOther), ("/agents/no-such-agent", .agent, .forbidden),
        ("/agents/no-such-agent", .manager, .notFound), ("/agents/no-such-agent", .admin, .notFound),
        ("/teams/OWN-TEAM", nil, .seeOther), ("/teams/OWN-TEAM", .viewer, .forbidden),
        ("/teams/OWN-TEAM", .agent, .ok), ("/teams/OWN-TEAM", .manager, .ok), ("/teams/OWN-TEAM", .admin, .ok),
        ("/teams/OTHER-TEAM", .viewer, .forbidden), ("/teams/OTHER-TEAM", .agent, .forbidden),
        ("/teams/OTHER-TEAM", .manager, .ok), ("/teams/OTHER-TEAM", .admin, .ok),
        ("/teams/no-such-team", .agent, .forbidden), ("/teams/no-such-team", .manager, .notFound),
    ]

    @Test("scorecard pages answer each role as the access table says", arguments: pageCases)
    func pages(_ path: String, _ role: Role?, _ expected: HTTPResponse.Status) async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            var browser = Browser()
            if let role { try await browser.logIn(client, name: role.rawValue) }
            let uri = subjects.uri(path)
            let response = try await browser.get(client, uri)
            #expect(response.status == expected, "\(uri) as \(role?.rawValue ?? "anonymous")")
            if expected == .seeOther { #expect(response.headers[.location]?.hasPrefix("/login") == true) }
            if expected == .ok {
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                if path.contains("OWN") || path.contains("OTHER") {
                    #expect(String(buffer: response.body).contains("class=\"sparkline\""))
                }
            }
        }
    }

    /// The JSON routes: sessions for each role, anonymous 401, and an agent token (which names no agent) 403.
    static let apiCases: [(String, Role?, HTTPResponse.Status)] = [
        ("/api/agents/OWN-AGENT", nil, .unauthorized), ("/api/agents/OWN-AGENT", .viewer, .forbidden),
        ("/api/agents/OWN-AGENT", .agent, .ok), ("/api/agents/OWN-AGENT", .manager, .ok),
        ("/api/agents/OWN-AGENT", .admin, .ok), ("/api/agents/OTHER-AGENT", .agent, .forbidden),
        ("/api/agents/no-such-agent", .agent, .forbidden), ("/api/agents/no-such-agent", .manager, .notFound),
        ("/api/teams/OWN-TEAM", nil, .unauthorized), ("/api/teams/OWN-TEAM", .viewer, .forbidden),
        ("/api/teams/OWN-TEAM", .agent, .ok), ("/api/teams/OWN-TEAM", .manager, .ok),
        ("/api/teams/OWN-TEAM", .admin, .ok), ("/api/teams/OTHER-TEAM", .agent, .forbidden),
        ("/api/teams/no-such-team", .admin, .notFound),
    ]

    @Test("the scorecard API answers each role as the access table says", arguments: apiCases)
    func api(_ path: String, _ role: Role?, _ expected: HTTPResponse.Status) async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            var browser = Browser()
            if let role { try await browser.logIn(client, name: role.rawValue) }
            let response = try await browser.get(client, subjects.uri(path))
            #expect(response.status == expected, "\(path) as \(role?.rawValue ?? "anonymous")")
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            if expected == .ok {
                let card = try JSONDecoder().decode(
                    ServedScorecard.self,
                    from: Data(String(buffer: response.body).utf8)
                )
                #expect(!card.promises.isEmpty)
            }
        }
    }

    @Test("an agent's API token names no agent, so it opens no scorecard")
    func agentToken() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            let headers: HTTPFields = [.authorization: "Bearer \(fixture.tokens[.agent]!)"]
            let agent = try await client.execute(
                uri: subjects.uri("/api/agents/OWN-AGENT"),
                method: .get,
                headers: headers
            )
            #expect(agent.status == .forbidden)
            let manager: HTTPFields = [.authorization: "Bearer \(fixture.tokens[.manager]!)"]
            let team = try await client.execute(
                uri: subjects.uri("/api/teams/OTHER-TEAM"),
                method: .get,
                headers: manager
            )
            #expect(team.status == .ok)
        }
    }

    @Test("an agent's numbers equal the check engine run on that agent's contacts alone")
    func numbersMatchIndependentCheck() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            var browser = Browser()
            try await browser.logIn(client, name: "manager")
            for agent in [subjects.ownAgent, subjects.otherAgent] {
                let response = try await browser.get(client, "/api/agents/\(agent)")
                let served = try JSONDecoder().decode(
                    ServedScorecard.self,
                    from: Data(String(buffer: response.body).utf8)
                )
                // The whole data's as-of time, so open contacts are judged at the same instant.
                let whole = CheckEngine(charter: subjects.charter).evaluate(subjects.contacts)
                let asOf = try #require(Timestamp(rfc3339: whole.asOf))
                let own = subjects.contacts.filter { $0.agent == agent }
                let alone = CheckEngine(charter: subjects.charter, options: .init(to: asOf)).evaluate(own)
                let withSamples = alone.promises.filter { $0.periods.contains { $0.n > 0 } }.map(\.id)
                #expect(Set(served.promises.map(\.id)).isSuperset(of: withSamples))
                for promise in alone.promises {
                    guard let card = served.promises.first(where: { $0.id == promise.id }) else { continue }
                    let minimum = try #require(subjects.charter.promises.first(where: { $0.id == promise.id }))
                        .minimumSample
                    #expect(card.minimumSample == minimum)
                    for period in promise.periods {
                        let found = try #require(
                            card.periods.first(where: { $0.label == period.label }),
                            "\(period.label)"
                        )
                        #expect(found.n == period.n, "\(agent) \(promise.id) \(period.label)")
                        #expect(found.value == period.value, "\(agent) \(promise.id) \(period.label)")
                        #expect(found.verdict == period.verdict.rawValue, "\(agent) \(promise.id) \(period.label)")
                        #expect(found.smallSample == (period.n < minimum))
                    }
                    // Periods the agent has no sample in show nothing.
                    let labels = Set(promise.periods.map(\.label))
                    for period in card.periods where !labels.contains(period.label) {
                        #expect(period.n == 0 && period.value == nil)
                    }
                    // The organisation's figure is the whole data's.
                    let organization = try #require(whole.promises.first(where: { $0.id == promise.id }))
                    for period in organization.periods {
                        let found = card.periods.first { $0.label == period.label }
                        #expect(found?.organization.n == period.n)
                        #expect(found?.organization.value == period.value)
                    }
                }
                // The team's figure is the check of the team's contacts alone.
                let teamName = try #require(served.team)
                let team = CheckEngine(charter: subjects.charter, options: .init(to: asOf))
                    .evaluate(subjects.contacts.filter { $0.team == teamName })
                for card in served.promises {
                    guard let promise = team.promises.first(where: { $0.id == card.id }) else { continue }
                    for period in promise.periods {
                        let found = card.periods.first { $0.label == period.label }
                        #expect(found?.team?.n == period.n, "team \(teamName) \(card.id) \(period.label)")
                        #expect(found?.team?.value == period.value)
                    }
                }
            }
        }
    }

    @Test("a period with fewer samples than the promise's minimum carries a visible caution")
    func smallSampleCaution() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            var browser = Browser()
            try await browser.logIn(client, name: "agent")
            let html = String(buffer: try await browser.get(client, subjects.uri("/agents/OWN-AGENT")).body)
            let whole = CheckEngine(charter: subjects.charter).evaluate(subjects.contacts)
            let asOf = try #require(Timestamp(rfc3339: whole.asOf))
            let alone = CheckEngine(charter: subjects.charter, options: .init(to: asOf))
                .evaluate(subjects.contacts.filter { $0.agent == subjects.ownAgent })
            var checked = 0
            for promise in alone.promises {
                let minimum = try #require(subjects.charter.promises.first(where: { $0.id == promise.id }))
                    .minimumSample
                for period in promise.periods where period.n > 0 && period.n < minimum {
                    let section = try #require(Self.section(of: promise.id, in: html))
                    #expect(
                        section.contains("small sample: n = \(period.n) &lt; \(minimum), do not judge on this"),
                        "\(promise.id) \(period.label): n = \(period.n) below \(minimum)"
                    )
                    checked += 1
                }
            }
            #expect(checked > 0, "the fixture's agent has a promise with too few samples")
        }
    }

    @Test("an agent's team page shows the team and their own row, and no other agent's id")
    func agentTeamPage() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            var browser = Browser()
            try await browser.logIn(client, name: "agent")
            let response = try await browser.get(client, subjects.uri("/teams/OWN-TEAM"))
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("Team \(subjects.ownTeam)"))
            #expect(html.contains("class=\"sparkline\""))
            #expect(html.contains("href=\"/agents/\(subjects.ownAgent)\""))
            for agent in subjects.allAgents where agent != subjects.ownAgent {
                #expect(!html.contains(agent), "\(agent) must not appear on another agent's team page")
            }
            let api = try await browser.get(client, subjects.uri("/api/teams/OWN-TEAM"))
            let card = try JSONDecoder().decode(ServedScorecard.self, from: Data(String(buffer: api.body).utf8))
            #expect(card.agents == [subjects.ownAgent])
            // A manager sees every agent of the team.
            var manager = Browser()
            try await manager.logIn(client, name: "manager")
            let full = String(buffer: try await manager.get(client, subjects.uri("/teams/OWN-TEAM")).body)
            let members = Set(subjects.contacts.filter { $0.team == subjects.ownTeam }.compactMap(\.agent))
            #expect(members.count > 1)
            for agent in members { #expect(full.contains("href=\"/agents/\(agent)\"")) }
        }
    }

    @Test("the lists name every agent and team in the data, with links")
    func lists() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            var browser = Browser()
            try await browser.logIn(client, name: "admin")
            let agents = String(buffer: try await browser.get(client, "/agents").body)
            for agent in subjects.allAgents { #expect(agents.contains("href=\"/agents/\(agent)\"")) }
            let teams = String(buffer: try await browser.get(client, "/teams").body)
            for team in Set(subjects.contacts.compactMap(\.team)) {
                #expect(teams.contains(">\(team)</a>"))
            }
            #expect(agents.contains("href=\"/staffing\"") && agents.contains("href=\"/explore\""))
        }
    }

    @Test("an agent's overview and navigation link to their scorecard and team; a viewer's do not")
    func agentLinks() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            var browser = Browser()
            try await browser.logIn(client, name: "agent")
            let html = String(buffer: try await browser.get(client, "/").body)
            #expect(html.contains("href=\"/agents/\(subjects.ownAgent)\">My scorecard</a>"))
            #expect(html.contains(">My team</a>"))
            #expect(!html.contains("href=\"/staffing\""))
            var viewer = Browser()
            try await viewer.logIn(client, name: "viewer")
            let plain = String(buffer: try await viewer.get(client, "/").body)
            #expect(!plain.contains("My scorecard") && !plain.contains("href=\"/teams\""))
        }
    }

    @Test(
        "markup in a path parameter is a plain value: refused or not found, never echoed raw",
        arguments: [
            "/agents/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/teams/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "/api/agents/%3Cscript%3E", "/agents/%22%3E%3Cimg%20src%3Dx%3E",
        ]
    )
    func injection(_ path: String) async throws {
        try await ServerFixture.withFixture { _, client in
            for role in [Role.manager, .agent] {
                var browser = Browser()
                try await browser.logIn(client, name: role.rawValue)
                let response = try await browser.get(client, path)
                #expect(response.status == (role == .agent ? .forbidden : .notFound), "\(path) as \(role)")
                let body = String(buffer: response.body)
                #expect(!body.contains("<script") && !body.contains("<img"))
            }
        }
    }

    /// The HTML of one promise's section on a scorecard.
    static func section(of id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"promise-\(id)\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</section>") else { return nil }
        return String(rest[..<end.lowerBound])
    }
}
