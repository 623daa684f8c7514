import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

/// What `POST /api/contacts` answers.
struct IngestResult: Decodable {
    struct Reject: Decodable {
        var index: Int
        var id: String?
        var field: String?
        var reason: String
    }
    var accepted: Int
    var rejected: Int
    var rejects: [Reject]
    var storedContacts: Int
    var importRun: Int64
}

extension ServerFixture {
    /// POSTs `body` to /api/contacts with a role's token.
    func ingest(
        _ client: any TestClientProtocol,
        _ body: String,
        role: Role? = .admin,
        contentType: String = "application/json",
        query: String = ""
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let role { headers[.authorization] = "Bearer \(tokens[role]!)" }
        return try await client.execute(
            uri: "/api/contacts" + query,
            method: .post,
            headers: headers,
            body: ByteBuffer(string: body)
        )
    }
}

@Suite("Live ingest: POST /api/contacts")
struct IngestTests {
    static func decode(_ response: TestResponse) throws -> IngestResult {
        try JSONDecoder().decode(IngestResult.self, from: Data(String(buffer: response.body).utf8))
    }

    static let arrayBody = """
        [
          {"id": "A-1", "channel": "Email", "created_at": "2026-05-20T09:00:00Z",
           "first_response_at": "2026-05-20T09:30:00+00:00", "resolved_at": null, "tier": "gold",
           "reopens": 2, "csat": 4.5, "abandoned": false, "self_service": "true", "nps": "9"},
          {"id": "A-2", "channel": "chat", "created_at": "yesterday"},
          {"id": 3, "channel": "phone", "created_at": "2026-05-20T10:00:00Z", "wrap_seconds": 30},
          {"id": "A-4", "channel": "chat", "created_at": "2026-05-20T10:00:00Z", "resolvedAt": "2026-05-20T11:00:00Z"},
          {"id": "A-5", "channel": "chat", "created_at": "2026-05-20T10:00:00Z",
           "first_response_at": "2026-05-20T09:00:00Z"},
          "not an object",
          {"id": "A-7", "channel": "chat", "created_at": "2026-05-20T10:00:00Z", "team": ["a"]}
        ]
        """

    @Test("a JSON array: good contacts stored, bad ones refused with index, field and reason")
    func jsonArray() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let before = try await fixture.store.contactCount()
            let response = try await fixture.ingest(client, Self.arrayBody)
            #expect(response.status == .ok)
            let result = try Self.decode(response)
            #expect(result.accepted == 2)
            #expect(result.rejected == 5)
            #expect(result.storedContacts == before + 2)
            #expect(try await fixture.store.contactCount() == before + 2)
            let rejects = result.rejects.map { "\($0.index) \($0.id ?? "-") \($0.field ?? "-")" }
            #expect(
                rejects == [
                    "1 A-2 created_at", "3 A-4 resolvedAt", "4 A-5 first_response_at", "5 - -", "6 A-7 team",
                ]
            )
            #expect(result.rejects[0].reason == "created_at is not an RFC 3339 time with a zone")
            #expect(result.rejects[1].reason.contains("unknown key `resolvedAt`"))
            #expect(result.rejects[2].reason == "first response before creation")
            let stored = try #require(try await fixture.store.contact(source: "api", id: "A-1"))
            #expect(stored.channel == "email")
            #expect(stored.createdAt == Timestamp(rfc3339: "2026-05-20T09:00:00Z"))
            #expect(stored.firstResponseAt == Timestamp(rfc3339: "2026-05-20T09:30:00Z"))
            #expect(stored.resolvedAt == nil)
            #expect(stored.tier == "gold" && stored.reopens == 2 && stored.csat == 4.5 && stored.nps == 9)
            #expect(stored.abandoned == false && stored.selfService == true)
            #expect(try await fixture.store.contact(source: "api", id: "3")?.wrapSeconds == 30)
            // The request is an import run with its report and refused rows.
            let run = try #require(try await fixture.store.importRuns().first)
            #expect(run.id == result.importRun)
            #expect(run.files == ["api:api"])
            #expect(run.status == .completed && run.contacts == 2)
            let report = try #require(try await fixture.store.importReports(ofRun: run.id).first)
            #expect(report.format == "canonical-json" && report.rowsRead == 7 && report.rejected == 5)
            #expect(report.rejects.map(\.record) == [2, 4, 5, 6, 7])
        }
    }

    @Test("NDJSON: one object a line, rejects by line number, ?source= names the source")
    func ndjson() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let body = """
                {"id": "N-1", "channel": "email", "created_at": "2026-05-20T09:00:00Z"}
                {"id": "N-2", "channel": "", "created_at": "2026-05-20T09:00:00Z"}

                {"id": "N-3", "channel": "chat", "created_at": "2026-05-20T09:00:00Z", "nps": 11}
                {"id": "N-4", "channel": "chat", "created_at": "2026-05-20T09:00:00Z"}
                """
            let response = try await fixture.ingest(
                client,
                body,
                contentType: "application/x-ndjson; charset=utf-8",
                query: "?source=crm"
            )
            #expect(response.status == .ok)
            let result = try Self.decode(response)
            #expect(result.accepted == 2 && result.rejected == 2)
            #expect(result.rejects.map(\.index) == [2, 4])
            #expect(result.rejects.map(\.field) == ["channel", "nps"])
            #expect(try await fixture.store.contact(source: "crm", id: "N-4") != nil)
            #expect(try await fixture.store.contact(source: "api", id: "N-4") == nil)
            #expect(try await fixture.store.importRuns().first?.files == ["api:crm"])
            // An array sent as NDJSON, and NDJSON sent as JSON, are refused whole.
            let wrong = try await fixture.ingest(client, "[]", contentType: "application/x-ndjson")
            #expect(wrong.status == .badRequest)
            let alsoWrong = try await fixture.ingest(client, body)
            #expect(alsoWrong.status == .badRequest)
        }
    }

    @Test("the same body twice stores nothing new and leaves the contacts revision alone")
    func idempotent() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let first = try Self.decode(try await fixture.ingest(client, Self.arrayBody))
            let revision = try await fixture.store.fingerprint().contactsRevision
            let second = try Self.decode(try await fixture.ingest(client, Self.arrayBody))
            #expect(second.storedContacts == first.storedContacts)
            #expect(second.accepted == first.accepted)
            #expect(try await fixture.store.fingerprint().contactsRevision == revision)
            #expect(try await fixture.store.importRuns().filter { $0.files == ["api:api"] }.count == 2)
        }
    }

    @Test(
        "admins and managers may send; agents and viewers get 403; nobody gets 401 JSON",
        arguments: [nil] + Role.allCases
    )
    func roles(_ role: Role?) async throws {
        try await ServerFixture.withFixture { fixture, client in
            let body = #"[{"id": "R-1", "channel": "email", "created_at": "2026-05-20T09:00:00Z"}]"#
            let response = try await fixture.ingest(client, body, role: role)
            let stored = try await fixture.store.contact(source: "api", id: "R-1") != nil
            switch role {
            case nil:
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("\"error\" : \"unauthenticated\""))
            case .viewer?, .agent?:
                #expect(response.status == .forbidden)
            case .manager?, .admin?:
                #expect(response.status == .ok)
            }
            #expect(stored == (role == .manager || role == .admin))
        }
    }

    @Test("a session must send its CSRF token in X-CSRF-Token")
    func sessionNeedsCSRF() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: "manager")
            let page = String(buffer: try await browser.get(client, "/").body)
            let token = try #require(Browser.hiddenField("csrf_token", in: page))
            let body = #"[{"id": "S-1", "channel": "email", "created_at": "2026-05-20T09:00:00Z"}]"#
            var headers = browser.headers
            headers[.contentType] = "application/json"
            let refused = try await client.execute(
                uri: "/api/contacts",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: body)
            )
            #expect(refused.status == .forbidden)
            #expect(try await fixture.store.contact(source: "api", id: "S-1") == nil)
            headers[HTTPField.Name("X-CSRF-Token")!] = token
            let accepted = try await client.execute(
                uri: "/api/contacts",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: body)
            )
            #expect(accepted.status == .ok)
            #expect(try await fixture.store.contact(source: "api", id: "S-1") != nil)
        }
    }

    @Test("a body over the limit is refused with 413 and nothing is stored")
    func tooLarge() async throws {
        let fixture = try await ServerFixture.make()
        var configuration = fixture.configuration
        configuration.maximumIngestBytes = 1_024
        try await fixture.withClient(configuration: configuration) { client in
            let before = try await fixture.store.fingerprint()
            let contacts = (0..<40).map {
                #"{"id": "L-\#($0)", "channel": "email", "created_at": "2026-05-20T09:00:00Z"}"#
            }
            let body = "[" + contacts.joined(separator: ",") + "]"
            #expect(body.utf8.count > 1_024)
            let response = try await fixture.ingest(client, body)
            #expect(response.status == .contentTooLarge)
            #expect(String(buffer: response.body).contains("content-too-large"))
            #expect(try await fixture.store.fingerprint() == before)
            let small = try await fixture.ingest(client, "[" + contacts[0] + "]")
            #expect(small.status == .ok)
        }
    }

    @Test("broken JSON is refused whole with its line and column; other media types with 415")
    func malformed() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let before = try await fixture.store.contactCount()
            let body =
                "[\n  {\"id\": \"M-1\", \"channel\": \"email\", \"created_at\": \"2026-05-20T09:00:00Z\"},\n  {\"id\": }\n]"
            let response = try await fixture.ingest(client, body)
            #expect(response.status == .badRequest)
            let message = String(buffer: response.body)
            #expect(message.contains("api:api:3:"), "names line 3: \(message)")
            #expect(message.contains("not valid JSON"))
            #expect(try await fixture.store.contactCount() == before)
            let csv = try await fixture.ingest(client, "id,channel\n", contentType: "text/csv")
            #expect(csv.status == .unsupportedMediaType)
            let badSource = try await fixture.ingest(client, "[]", query: "?source=a%20b")
            #expect(badSource.status == .badRequest)
        }
    }

    @Test("SQL and HTML in values are stored as plain text")
    func injectionIsInert() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let before = try await fixture.store.contactCount()
            let drop = "'; DROP TABLE contacts; --"
            let script = "<script>alert(1)</script>"
            let body = """
                [{"id": "\(drop)", "channel": "email", "created_at": "2026-05-20T09:00:00Z", "team": "\(script)",
                  "agent": "Robert'); DROP TABLE users;--"}]
                """
            let response = try await fixture.ingest(client, body)
            #expect(try Self.decode(response).accepted == 1)
            let stored = try #require(try await fixture.store.contact(source: "api", id: drop))
            #expect(stored.team == script)
            #expect(stored.agent == "Robert'); DROP TABLE users;--")
            #expect(try await fixture.store.contactCount() == before + 1)
            #expect(try await fixture.store.users().count == Role.allCases.count)
        }
    }
}
