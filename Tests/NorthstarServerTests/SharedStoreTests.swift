import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import SQLKit
import Testing

@testable import NorthstarStore

/// Several server processes on one store, each an application over its own store handle: they count failed
/// sign-ins together and serve the same numbers.
@Suite("Server processes sharing one store")
struct SharedStoreTests {
    static let postgresURL: String? = ProcessInfo.processInfo.environment["NORTHSTAR_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }

    @Test("five failed sign-ins through one server lock the name on another over the same SQLite file")
    func sharedRateLimitOnSQLite() async throws {
        let fixture = try await ServerFixture.make()
        let other = try await openStore(fixture.directory.appendingPathComponent("northstar.db").path)
        try await Self.expectSharedRateLimit(fixture, other: other)
    }

    @Test(
        "five failed sign-ins through one server lock the name on another over the same PostgreSQL database",
        .enabled(if: postgresURL != nil, "NORTHSTAR_TEST_POSTGRES_URL is unset")
    )
    func sharedRateLimitOnPostgres() async throws {
        try await Self.withDatabase { url in
            let fixture = try await ServerFixture.make(location: url)
            let other = try await openStore(url)
            try await Self.expectSharedRateLimit(fixture, other: other)
        }
    }

    /// Fails five sign-ins for `manager` through the fixture's app (from five addresses), then expects the app
    /// over `other` to refuse even the right password until the window has passed.
    static func expectSharedRateLimit(_ fixture: ServerFixture, other: any Store) async throws {
        let appB = buildApplication(
            store: other,
            configuration: fixture.configuration,
            logger: ServerFixture.quietLogger
        )
        do {
            try await fixture.withClient { clientA in
                for attempt in 0..<5 {
                    var browser = Browser(address: "198.51.100.\(attempt)")
                    let status = try await browser.logIn(clientA, name: "manager", password: "nope-\(attempt)").status
                    #expect(status == .unauthorized)
                }
                // The store holds the key's SHA-256, never the name.
                let since = Timestamp(seconds: 0)
                #expect(try await other.loginFailures(key: Secrets.sha256Hex("name:manager"), since: since).count == 5)
                #expect(try await other.loginFailures(key: "name:manager", since: since).isEmpty)
                try await appB.test(.router) { clientB in
                    var browser = Browser(address: "203.0.113.99")
                    let locked = try await browser.logIn(clientB, name: "manager")
                    #expect(locked.status == .tooManyRequests)
                    let wait = try #require(locked.headers[.retryAfter].flatMap { Int($0) })
                    #expect(wait > 0 && wait <= 15 * 60)
                    // Another name from the same address on server B is not locked.
                    var viewer = Browser(address: "203.0.113.99")
                    #expect(try await viewer.logIn(clientB, name: "viewer").status == .seeOther)
                    fixture.clock.advance(TimeInterval(wait))
                    #expect(try await browser.logIn(clientB, name: "manager").status == .seeOther)
                }
            }
            try await other.close()
        } catch {
            try? await other.close()
            throw error
        }
    }

    @Test("a run whose process died reads as abandoned on the Import page once no heartbeat came for the threshold")
    func abandonedRunOnImportPage() async throws {
        try await ServerFixture.withFixture { fixture, client in
            // Another process began a run and was killed before its first batch.
            let started = Timestamp(seconds: Int64(fixture.clock.now.timeIntervalSince1970))
            let id = try await fixture.store.beginImportRun(files: ["killed.csv"], at: started)
            var browser = Browser()
            #expect(try await browser.logIn(client, name: "manager").status == .seeOther)
            let running = String(buffer: try await browser.get(client, "/import/runs/\(id)").body)
            #expect(running.contains("<span class=\"status running\">running</span>"))
            #expect(!running.contains("The import was abandoned"))

            fixture.clock.advance(TimeInterval(StoreDefaults.abandonedAfter + 1))
            let page = try await browser.get(client, "/import/runs/\(id)")
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("<span class=\"status abandoned\">abandoned</span>"))
            #expect(html.contains("The import was abandoned"))
            let list = String(buffer: try await browser.get(client, "/import").body)
            #expect(list.contains("<td class=\"status abandoned\">abandoned</td>"))
        }
    }

    @Test(
        "two servers on one PostgreSQL database answer /api/promises identically, before and after a live contact",
        .enabled(if: postgresURL != nil, "NORTHSTAR_TEST_POSTGRES_URL is unset")
    )
    func twoServersServeTheSameNumbers() async throws {
        try await Self.withDatabase { url in
            let fixture = try await ServerFixture.make(location: url)
            let other = try await openStore(url)
            var configuration = fixture.configuration
            configuration.reportRefreshInterval = 60
            let appB = buildApplication(store: other, configuration: configuration, logger: ServerFixture.quietLogger)
            let token = try #require(fixture.tokens[.admin])
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            // A contact inside the demo's period, created after every stored one.
            let latest = try #require(DemoOrganization(seed: 7, scale: 0.05).contacts.map(\.createdAt).max())
            let created = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(latest.seconds)))
            let contact = """
                [{"id": "LIVE-1", "channel": "chat", "created_at": "\(created)", "first_response_at": "\(created)"}]
                """
            do {
                try await fixture.withClient(configuration: configuration) { clientA in
                    try await appB.test(.router) { clientB in
                        func promises(_ client: any TestClientProtocol) async throws -> String {
                            let response = try await client.execute(
                                uri: "/api/promises",
                                method: .get,
                                headers: headers
                            )
                            #expect(response.status == .ok)
                            return String(buffer: response.body)
                        }
                        let beforeA = try await promises(clientA)
                        let beforeB = try await promises(clientB)
                        #expect(beforeA == beforeB)
                        #expect(beforeA.contains("\"promises\""))

                        let posted = try await fixture.ingest(clientA, contact)
                        #expect(posted.status == .ok, "\(String(buffer: posted.body))")
                        // Within the refresh interval both still serve the report they computed.
                        #expect(try await promises(clientB) == beforeB)

                        fixture.clock.advance(61)
                        let afterA = try await promises(clientA)
                        let afterB = try await promises(clientB)
                        #expect(afterA == afterB)
                        #expect(afterA != beforeA)
                    }
                }
                try await other.close()
            } catch {
                try? await other.close()
                throw error
            }
        }
    }

    /// A new PostgreSQL database for one test, dropped afterwards; `body` gets its URL.
    static func withDatabase(_ body: (String) async throws -> Void) async throws {
        let url = try #require(postgresURL)
        let name = "northstar_server_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var components = try #require(URLComponents(string: url))
        components.path = "/" + name
        let admin = try await PostgresStore(url: url)
        try await admin.storage.session { database in
            try await database.execute(sql: SQLRaw("CREATE DATABASE \(name)")) { _ in }
        }
        do {
            try await body(try #require(components.string))
        } catch {
            try? await drop(name, admin)
            throw error
        }
        try await drop(name, admin)
    }

    private static func drop(_ name: String, _ admin: PostgresStore) async throws {
        try await admin.storage.session { database in
            try await database.execute(sql: SQLRaw("DROP DATABASE \(name) WITH (FORCE)")) { _ in }
        }
        try await admin.close()
    }
}
