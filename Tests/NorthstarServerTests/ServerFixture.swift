import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Synchronization
import Testing

/// A clock the tests move by hand.
final class ManualClock: Sendable {
    private let time = Mutex(Date(timeIntervalSince1970: 1_780_000_000))
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 += seconds } }
}

/// A real SQLite store in a temporary directory with the demo organisation's charter (approved) and a slice of
/// its contacts, one user and one API token per role.
struct ServerFixture {
    static let password = "correct horse battery"
    /// Low cost keeps the tests fast; production uses 12.
    static let testCost: UInt8 = 4

    let directory: URL
    let store: any Store
    let clock = ManualClock()
    /// The plain token of each role's API token.
    var tokens: [Role: String] = [:]

    /// - Parameter location: the store to fill (an empty PostgreSQL database); `nil`, a new SQLite file in
    ///   ``directory``.
    static func make(location: String? = nil) async throws -> ServerFixture {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("northstar-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try await openStore(location ?? directory.appendingPathComponent("northstar.db").path)
        var fixture = ServerFixture(directory: directory, store: store)
        let demo = DemoOrganization(seed: 7, scale: 0.05)
        _ = try await store.addCharterVersion(
            CharterDraft(yaml: demo.charterYAML, version: "1.0.0", proposedAt: demo.asOf, approved: true)
        )
        let run = try await store.beginImportRun(files: ["demo.csv"], at: demo.asOf)
        try await store.upsertContacts(demo.contacts.map { SourcedContact(source: "demo", contact: $0) })
        try await store.completeImportRun(run, reports: [], contacts: demo.contacts.count, at: demo.asOf)
        for role in Role.allCases {
            try await store.addUser(
                User(
                    name: role.rawValue,
                    role: role,
                    agentID: role == .agent ? demo.contacts.first?.agent : nil,
                    team: role == .agent ? demo.contacts.first?.team : nil,
                    passwordHash: Secrets.hashPassword(password, cost: testCost),
                    createdAt: demo.asOf
                )
            )
            let token = Secrets.randomToken()
            try await store.addToken(
                APIToken(
                    name: "\(role.rawValue)-token",
                    role: role,
                    tokenHash: Secrets.sha256Hex(token),
                    createdAt: demo.asOf
                )
            )
            fixture.tokens[role] = token
        }
        return fixture
    }

    /// Warnings and errors only, so the test output stays readable.
    static var quietLogger: Logger {
        var logger = Logger(label: "northstar.server.tests")
        logger.logLevel = .warning
        return logger
    }

    var configuration: ServerConfiguration {
        let clock = self.clock
        var configuration = ServerConfiguration(reportRefreshInterval: 0, trustForwardedFor: true, now: { clock.now })
        configuration.passwordHashCost = Self.testCost
        // A busy CI machine can take seconds to recompute: the tests want the new report, not the previous one
        // (WebhookTests.staleWhileRecomputing sets no budget to test the other side).
        configuration.reportWaitBudget = .seconds(300)
        return configuration
    }

    /// Runs `body` with a router test client of the app over this store, then removes the store.
    func withClient<Value: Sendable>(
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await withClient(configuration: configuration, body)
    }

    /// The same with another configuration (``configuration`` changed).
    func withClient<Value: Sendable>(
        configuration: ServerConfiguration,
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let app = buildApplication(store: store, configuration: configuration, logger: Self.quietLogger)
        do {
            let value = try await app.test(.router) { client in try await body(client) }
            try await store.close()
            try? FileManager.default.removeItem(at: directory)
            return value
        } catch {
            try? await store.close()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    static func withFixture<Value: Sendable>(
        _ body: @Sendable (ServerFixture, any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let fixture = try await make()
        return try await fixture.withClient { client in try await body(fixture, client) }
    }
}

/// A browser's cookie jar, enough for these tests.
struct Browser {
    var cookies: [String: String] = [:]
    var address = "192.0.2.10"

    var headers: HTTPFields {
        var fields: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: address]
        if !cookies.isEmpty {
            fields[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: "; ")
        }
        return fields
    }

    /// Notes every `Set-Cookie` of a response; an empty value or `Max-Age=0` deletes.
    mutating func take(_ response: TestResponse) {
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(
                separator: "=",
                maxSplits: 1,
                omittingEmptySubsequences: false
            )
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    /// GETs a page, keeping its cookies.
    mutating func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        take(response)
        return response
    }

    /// POSTs a form, keeping the response's cookies.
    mutating func post(
        _ client: any TestClientProtocol,
        _ uri: String,
        form: [(String, String)]
    ) async throws -> TestResponse {
        var fields = headers
        fields[.contentType] = "application/x-www-form-urlencoded"
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await client.execute(
            uri: uri,
            method: .post,
            headers: fields,
            body: ByteBuffer(string: body)
        )
        take(response)
        return response
    }

    /// Opens /login and signs in; returns the POST's response.
    @discardableResult
    mutating func logIn(
        _ client: any TestClientProtocol,
        name: String,
        password: String = ServerFixture.password
    ) async throws -> TestResponse {
        let page = try await get(client, "/login")
        let token = try #require(Self.hiddenField("csrf_token", in: String(buffer: page.body)))
        return try await post(client, "/login", form: [("csrf_token", token), ("name", name), ("password", password)])
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// The value of a hidden form field in a page.
    static func hiddenField(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
