import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

@Suite("Every route, every role")
struct RouteAccessTests {
    /// What each role gets from each page: 200, 403, or (anonymous) a redirect to /login.
    static let pageCases: [(String, Role?, HTTPResponse.Status)] = [
        ("/", nil, .seeOther), ("/", .viewer, .ok), ("/", .agent, .ok), ("/", .manager, .ok), ("/", .admin, .ok),
        ("/promises/first-response", nil, .seeOther), ("/promises/first-response", .viewer, .forbidden),
        ("/promises/first-response", .agent, .forbidden), ("/promises/first-response", .manager, .ok),
        ("/promises/first-response", .admin, .ok),
        ("/charter", nil, .seeOther), ("/charter", .viewer, .forbidden), ("/charter", .agent, .forbidden),
        ("/charter", .manager, .ok), ("/charter", .admin, .ok),
    ]

    @Test("pages answer each role as the access table says", arguments: pageCases)
    func pages(_ path: String, _ role: Role?, _ expected: HTTPResponse.Status) async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            if let role { try await browser.logIn(client, name: role.rawValue) }
            let promise = try await Self.firstPromiseID(fixture)
            let uri = path.replacingOccurrences(of: "first-response", with: promise)
            let response = try await browser.get(client, uri)
            #expect(response.status == expected, "\(uri) as \(role?.rawValue ?? "anonymous")")
            if expected == .seeOther {
                #expect(response.headers[.location]?.hasPrefix("/login") == true)
            }
            if expected == .ok {
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                // The overview and promise pages draw charts; the charter page is words and tables.
                if path != "/charter" { #expect(String(buffer: response.body).contains("<svg")) }
            }
        }
    }

    @Test("the API answers each role and each token; anonymous gets 401 JSON", arguments: [nil] + Role.allCases)
    func api(_ role: Role?) async throws {
        try await ServerFixture.withFixture { fixture, client in
            var headers: HTTPFields = [:]
            if let role { headers[.authorization] = "Bearer \(fixture.tokens[role]!)" }
            let response = try await client.execute(uri: "/api/promises", method: .get, headers: headers)
            guard let role else {
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                #expect(String(buffer: response.body).contains("\"error\" : \"unauthenticated\""))
                return
            }
            #expect(response.status == .ok)
            let report = try JSONDecoder().decode(CheckReport.self, from: Data(String(buffer: response.body).utf8))
            #expect(!report.promises.isEmpty)
            let breakdowns = report.promises.flatMap(\.periods).compactMap(\.breakdown).flatMap { $0 }
            let agentRows = breakdowns.filter { $0.dimension == "agent" }
            if role == .manager || role == .admin {
                #expect(!agentRows.isEmpty, "managers and admins see the agent breakdown")
            } else {
                #expect(breakdowns.isEmpty, "\(role.rawValue) never sees other agents' numbers")
            }
        }
    }

    @Test(
        "a promise's own API answers each role; only managers and admins get breakdowns",
        arguments: [nil] + Role.allCases
    )
    func apiPromise(_ role: Role?) async throws {
        try await ServerFixture.withFixture { fixture, client in
            var headers: HTTPFields = [:]
            if let role { headers[.authorization] = "Bearer \(fixture.tokens[role]!)" }
            let id = try await Self.firstPromiseID(fixture)
            let response = try await client.execute(uri: "/api/promises/\(id)", method: .get, headers: headers)
            guard let role else {
                #expect(response.status == .unauthorized)
                return
            }
            #expect(response.status == .ok)
            let promise = try JSONDecoder().decode(
                CheckReport.PromiseResult.self,
                from: Data(String(buffer: response.body).utf8)
            )
            #expect(promise.id == id)
            let breakdowns = promise.periods.compactMap(\.breakdown).flatMap { $0 }
            #expect(breakdowns.isEmpty == !(role == .manager || role == .admin))
            let unknown = try await client.execute(uri: "/api/promises/%3Cscript%3E", method: .get, headers: headers)
            #expect(unknown.status == .notFound)
            #expect(!String(buffer: unknown.body).contains("<script>"))
        }
    }

    @Test("the API with a session cookie answers like the page")
    func apiWithSession() async throws {
        try await ServerFixture.withFixture { _, client in
            var browser = Browser()
            try await browser.logIn(client, name: "viewer")
            let response = try await browser.get(client, "/api/promises")
            #expect(response.status == .ok)
        }
    }

    @Test("an unknown bearer token is refused with 401, and a page with one is not served")
    func unknownToken() async throws {
        try await ServerFixture.withFixture { _, client in
            let headers: HTTPFields = [.authorization: "Bearer not-a-token"]
            let api = try await client.execute(uri: "/api/promises", method: .get, headers: headers)
            #expect(api.status == .unauthorized)
        }
    }

    @Test("the API's JSON has the shape of `check --format json` over the same store")
    func apiMatchesCheck() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let headers: HTTPFields = [.authorization: "Bearer \(fixture.tokens[.admin]!)"]
            let response = try await client.execute(uri: "/api/promises", method: .get, headers: headers)
            let served = try JSONDecoder().decode(CheckReport.self, from: Data(String(buffer: response.body).utf8))
            // The same evaluation done here, independently of the server's cache.
            let version = try #require(try await fixture.store.charterVersions().last)
            let charter = try CharterLoader.load(bytes: Array(version.yaml.utf8), file: "c", today: nil).charter
            var contacts: [Contact] = []
            try await fixture.store.forEachContact { contacts.append($0.contact) }
            let expected = CheckEngine(charter: charter).evaluate(contacts, imports: [])
            #expect(served.promises.map(\.id) == expected.promises.map(\.id))
            #expect(
                served.promises.map { $0.periods.map(\.value) } == expected.promises.map { $0.periods.map(\.value) }
            )
            #expect(
                served.promises.map { $0.periods.map(\.verdict) } == expected.promises.map { $0.periods.map(\.verdict) }
            )
        }
    }

    @Test("/health needs no sign-in")
    func health() async throws {
        try await ServerFixture.withFixture { _, client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("\"status\" : \"ok\""))
        }
    }

    @Test("the overview shows one card per promise with its verdict in words and a sparkline")
    func overviewCards() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: "viewer")
            let html = String(buffer: try await browser.get(client, "/").body)
            let version = try #require(try await fixture.store.charterVersions().last)
            let charter = try CharterLoader.load(bytes: Array(version.yaml.utf8), file: "c", today: nil).charter
            #expect(html.components(separatedBy: "<article class=\"card\"").count - 1 == charter.promises.count)
            #expect(html.components(separatedBy: "class=\"sparkline\"").count - 1 == charter.promises.count)
            #expect(html.contains("class=\"target\""))
            #expect(!html.contains("href=\"/promises/"), "viewers get no links to pages they may not open")
            #expect(html.contains("name=\"csrf_token\""), "the logout form carries the CSRF token")
        }
    }

    @Test("a promise page shows the trend chart, the periods, the breakdowns and the breaching contacts")
    func promisePage() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: "manager")
            let id = try await Self.firstPromiseID(fixture)
            let html = String(buffer: try await browser.get(client, "/promises/\(id)").body)
            #expect(html.contains("class=\"periods\""))
            for dimension in ["channel", "tier", "team", "agent"] {
                #expect(html.contains("<caption>By \(dimension)</caption>"), "breakdown by \(dimension)")
            }
            #expect(html.contains("Contacts that broke it"))
            let missing = try await browser.get(client, "/promises/no-such-promise")
            #expect(missing.status == .notFound)
        }
    }

    @Test("the charter page shows the words, the lint scorecard, the promises, the versions, and a due review")
    func charterPage() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: "admin")
            let html = String(buffer: try await browser.get(client, "/charter").body)
            #expect(html.contains("<h2>Vision</h2>") && html.contains("<h2>Mission</h2>"))
            #expect(html.contains("Wording scorecard: "))
            #expect(html.contains("plain-words") && html.contains("team-buy-in"))
            let id = try await Self.firstPromiseID(fixture)
            #expect(html.contains("<a href=\"/promises/\(id)\">"))
            #expect(html.contains("Versions in the store"))
            // The demo charter's next review is 2027-07-15; the fixture's clock starts in May 2026.
            #expect(html.contains("Next review: 2027-07-15") && !html.contains("due now"))
            fixture.clock.advance(500 * 86_400)
            try await browser.logIn(client, name: "admin")  // the session expired meanwhile
            let later = String(buffer: try await browser.get(client, "/charter").body)
            #expect(later.contains("due now") && later.contains("review due"))
        }
    }

    static func firstPromiseID(_ fixture: ServerFixture) async throws -> String {
        let version = try #require(try await fixture.store.charterVersions().last)
        let charter = try CharterLoader.load(bytes: Array(version.yaml.utf8), file: "c", today: nil).charter
        return try #require(charter.promises.first?.id)
    }
}
