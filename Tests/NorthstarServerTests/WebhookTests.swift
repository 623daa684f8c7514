import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarStore
import Testing

@testable import NorthstarServer

@Suite("Zendesk webhook: POST /webhooks/zendesk")
struct WebhookTests {
    static let secret = "a-signing-secret-for-tests"

    /// The formats.md test vector, checked against the server's signer and against swift-crypto directly.
    @Test("signs the formats.md test vector")
    func testVector() {
        let secret = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ=="
        let body = Array(#"{"event":"ticket.updated","id":123}"#.utf8)
        let expected = "S/RDdU2ERmj7LHDDoWJ2onPYH+t7/f2+LTM4dL7UiLM="
        #expect(
            ZendeskWebhookController.signature(secret: secret, timestamp: "2021-03-25T05:09:27Z", body: body)
                == expected
        )
    }

    @Test("the test vector's delivery passes the route's checks and, being no ticket event, is ignored")
    func testVectorThroughTheRoute() async throws {
        let fixture = try await ServerFixture.make()
        let sent = try #require(Timestamp(rfc3339: "2021-03-25T05:09:27Z"))
        var configuration = fixture.configuration
        configuration.zendeskWebhookSecret = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ=="
        configuration.now = { Date(timeIntervalSince1970: TimeInterval(sent.seconds + 60)) }
        try await fixture.withClient(configuration: configuration) { client in
            let before = try await fixture.store.fingerprint()
            let response = try await client.execute(
                uri: "/webhooks/zendesk",
                method: .post,
                headers: [
                    ZendeskWebhookController.signatureHeader: "S/RDdU2ERmj7LHDDoWJ2onPYH+t7/f2+LTM4dL7UiLM=",
                    ZendeskWebhookController.timestampHeader: "2021-03-25T05:09:27Z",
                    .contentType: "application/json",
                ],
                body: ByteBuffer(string: #"{"event":"ticket.updated","id":123}"#)
            )
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("\"ignored\" : true"))
            #expect(try await fixture.store.fingerprint() == before)
        }
    }

    /// POSTs `body` signed with `secret` at the fixture clock's time plus `skew` seconds.
    static func deliver(
        _ client: any TestClientProtocol,
        _ fixture: ServerFixture,
        _ body: String,
        secret: String = WebhookTests.secret,
        skew: Int64 = 0,
        signature: String? = nil
    ) async throws -> TestResponse {
        let stamp = Timestamp(seconds: Int64(fixture.clock.now.timeIntervalSince1970) + skew).description
        var message = Data(stamp.utf8)
        message.append(Data(body.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return try await client.execute(
            uri: "/webhooks/zendesk",
            method: .post,
            headers: [
                ZendeskWebhookController.signatureHeader: signature ?? Data(mac).base64EncodedString(),
                ZendeskWebhookController.timestampHeader: stamp,
                .contentType: "application/json",
            ],
            body: ByteBuffer(string: body)
        )
    }

    static func event(_ type: String, ticket: String, time: String, detail: String, event: String = "{}") -> String {
        """
        {"type": "zen:event-type:\(type)", "account_id": 1, "id": "evt-\(UUID().uuidString)", "time": "\(time)",
         "zendesk_event_version": "2022-11-06", "subject": "zen:ticket:\(ticket)",
         "detail": \(detail), "event": \(event)}
        """
    }

    static func withWebhook(
        _ body: @Sendable (ServerFixture, any TestClientProtocol) async throws -> Void
    ) async throws {
        let fixture = try await ServerFixture.make()
        var configuration = fixture.configuration
        configuration.zendeskWebhookSecret = Self.secret
        try await fixture.withClient(configuration: configuration) { client in
            try await body(fixture, client)
        }
    }

    @Test("a wrong, missing or stale signature is refused with 401 and nothing is stored")
    func refusals() async throws {
        try await Self.withWebhook { fixture, client in
            let before = try await fixture.store.fingerprint()
            let body = Self.event(
                "ticket.created",
                ticket: "77",
                time: "2026-05-28T08:00:00Z",
                detail: #"{"id": "77", "created_at": "2026-05-28T08:00:00Z", "status": "OPEN"}"#
            )
            let wrongSecret = try await Self.deliver(client, fixture, body, secret: "another secret")
            #expect(wrongSecret.status == .unauthorized)
            #expect(String(buffer: wrongSecret.body).contains("\"error\" : \"unauthenticated\""))
            let garbage = try await Self.deliver(client, fixture, body, signature: "bm90IGEgc2lnbmF0dXJl")
            #expect(garbage.status == .unauthorized)
            let unsigned = try await client.execute(
                uri: "/webhooks/zendesk",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            )
            #expect(unsigned.status == .unauthorized)
            let stale = try await Self.deliver(client, fixture, body, skew: -301)
            #expect(stale.status == .unauthorized)
            let future = try await Self.deliver(client, fixture, body, skew: 301)
            #expect(future.status == .unauthorized)
            #expect(try await fixture.store.fingerprint() == before)
            #expect(try await fixture.store.contact(source: "zendesk", id: "77") == nil)
            // Within the tolerance the same delivery is taken.
            let fresh = try await Self.deliver(client, fixture, body, skew: -299)
            #expect(fresh.status == .ok)
            #expect(try await fixture.store.contact(source: "zendesk", id: "77") != nil)
        }
    }

    @Test("without a secret the route is off: 503 saying how to turn it on")
    func notConfigured() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let response = try await Self.deliver(client, fixture, #"{"ticket": {"id": 1}}"#)
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("--zendesk-webhook-secret-file"))
        }
    }

    @Test("a ticket's events create, solve, reopen and answer its contact; created_at is kept")
    func ticketLifecycle() async throws {
        try await Self.withWebhook { fixture, client in
            let count = try await fixture.store.contactCount()
            let created = Self.event(
                "ticket.created",
                ticket: "42",
                time: "2026-05-28T08:00:05Z",
                detail: """
                    {"id": "42", "created_at": "2026-05-28T08:00:00Z", "updated_at": "2026-05-28T08:00:05Z",
                     "status": "NEW", "priority": "HIGH", "via": {"channel": "web_form"}, "assignee_id": null,
                     "group_id": "360001", "type": "QUESTION"}
                    """
            )
            let first = try await Self.deliver(client, fixture, created)
            #expect(first.status == .ok)
            #expect(try await fixture.store.contactCount() == count + 1)
            var contact = try #require(try await fixture.store.contact(source: "zendesk", id: "42"))
            #expect(contact.createdAt == Timestamp(rfc3339: "2026-05-28T08:00:00Z"))
            #expect(contact.channel == "web" && contact.priority == "high" && contact.team == "360001")
            #expect(contact.agent == nil && contact.category == "question" && contact.resolvedAt == nil)

            let replied = Self.event(
                "ticket.comment_added",
                ticket: "42",
                time: "2026-05-28T08:20:00Z",
                detail: #"{"id": "42", "created_at": "2026-05-28T08:00:00Z", "status": "OPEN", "assignee_id": "9"}"#,
                event:
                    #"{"comment": {"id": "1", "body": "On it", "is_public": true, "author": {"id": "9", "is_staff": true}}}"#
            )
            #expect(try await Self.deliver(client, fixture, replied).status == .ok)
            contact = try #require(try await fixture.store.contact(source: "zendesk", id: "42"))
            #expect(contact.firstResponseAt == Timestamp(rfc3339: "2026-05-28T08:20:00Z"))
            #expect(contact.agent == "9")

            let solved = Self.event(
                "ticket.status_changed",
                ticket: "42",
                time: "2026-05-28T09:00:00Z",
                detail: #"{"id": "42", "created_at": "2030-01-01T00:00:00Z", "status": "SOLVED"}"#,
                event: #"{"current": "SOLVED", "previous": "OPEN"}"#
            )
            #expect(try await Self.deliver(client, fixture, solved).status == .ok)
            // Zendesk retries: the same delivery again changes nothing.
            let revision = try await fixture.store.fingerprint().contactsRevision
            #expect(try await Self.deliver(client, fixture, solved).status == .ok)
            #expect(try await fixture.store.fingerprint().contactsRevision == revision)
            contact = try #require(try await fixture.store.contact(source: "zendesk", id: "42"))
            #expect(contact.resolvedAt == Timestamp(rfc3339: "2026-05-28T09:00:00Z"))
            #expect(contact.createdAt == Timestamp(rfc3339: "2026-05-28T08:00:00Z"), "created_at is kept")

            let reopened = Self.event(
                "ticket.status_changed",
                ticket: "42",
                time: "2026-05-29T10:00:00Z",
                detail: #"{"id": "42", "status": "OPEN"}"#,
                event: #"{"current": "OPEN", "previous": "SOLVED"}"#
            )
            #expect(try await Self.deliver(client, fixture, reopened).status == .ok)
            #expect(try await Self.deliver(client, fixture, reopened).status == .ok)
            contact = try #require(try await fixture.store.contact(source: "zendesk", id: "42"))
            #expect(contact.resolvedAt == nil && contact.reopens == 1)
            #expect(contact.firstResponseAt == Timestamp(rfc3339: "2026-05-28T08:20:00Z"))
            #expect(try await fixture.store.contactCount() == count + 1)
        }
    }

    @Test("a trigger's body updates the ticket; an imported ticket is updated where it is stored")
    func triggerBody() async throws {
        try await Self.withWebhook { fixture, client in
            try await fixture.store.upsertContacts([
                SourcedContact(
                    source: "zendesk-json",
                    contact: Contact(
                        id: "5150",
                        channel: "email",
                        createdAt: Timestamp(rfc3339: "2026-05-27T10:00:00Z")!
                    )
                )
            ])
            let count = try await fixture.store.contactCount()
            let body = """
                {"ticket": {"id": "5150", "created_at": "2026-05-27T10:00:00Z", "updated_at": "2026-05-28T07:30:00Z",
                 "status": "Solved", "priority": "Urgent", "via": "Mail", "group_id": "", "assignee_id": "123",
                 "type": ""}}
                """
            let response = try await Self.deliver(client, fixture, body)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("zendesk-json"))
            #expect(try await fixture.store.contactCount() == count)
            let contact = try #require(try await fixture.store.contact(source: "zendesk-json", id: "5150"))
            #expect(contact.resolvedAt == Timestamp(rfc3339: "2026-05-28T07:30:00Z"))
            #expect(contact.priority == "urgent" && contact.channel == "email" && contact.agent == "123")
            #expect(contact.team == nil)
        }
    }

    @Test(
        "an event type Northstar does not use is acknowledged and ignored",
        arguments: [
            "user.active_changed", "ticket.tags_changed", "organization.created",
        ]
    )
    func unknownEvent(_ type: String) async throws {
        try await Self.withWebhook { fixture, client in
            let before = try await fixture.store.fingerprint()
            let body = Self.event(
                type,
                ticket: "8",
                time: "2026-05-28T08:00:00Z",
                detail: #"{"id": "8", "created_at": "2026-05-28T08:00:00Z", "status": "OPEN"}"#
            )
            let response = try await Self.deliver(client, fixture, body)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("\"ignored\" : true"))
            #expect(try await fixture.store.fingerprint() == before)
        }
    }

    @Test("a ticket event without a ticket, or a body that is not JSON, is a 400 and stores nothing")
    func badBodies() async throws {
        try await Self.withWebhook { fixture, client in
            let before = try await fixture.store.fingerprint()
            let noTicket = #"{"type": "zen:event-type:ticket.created", "detail": {}}"#
            #expect(try await Self.deliver(client, fixture, noTicket).status == .badRequest)
            #expect(try await Self.deliver(client, fixture, "{not json").status == .badRequest)
            let notStoredNoCreation = #"{"ticket": {"id": "999", "status": "open"}}"#
            #expect(try await Self.deliver(client, fixture, notStoredNoCreation).status == .badRequest)
            #expect(try await fixture.store.fingerprint() == before)
        }
    }

    @Test("a webhook's change reaches /api/promises once the report cache re-reads the store")
    func dashboardFreshness() async throws {
        let fixture = try await ServerFixture.make()
        // The latest demo email contact's day: the ticket lands in a reported period of email-first-response.
        var latestEmail = Timestamp(seconds: 0)
        try await fixture.store.forEachContact { sourced in
            if sourced.contact.channel == "email" { latestEmail = max(latestEmail, sourced.contact.createdAt) }
        }
        let createdAt = Timestamp(seconds: latestEmail.seconds - 3_600)
        let replyAt = Timestamp(seconds: createdAt.seconds + 60)
        var configuration = fixture.configuration
        configuration.zendeskWebhookSecret = Self.secret
        configuration.reportRefreshInterval = 5
        try await fixture.withClient(configuration: configuration) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(fixture.tokens[.admin]!)"]
            func promises() async throws -> String {
                String(buffer: try await client.execute(uri: "/api/promises", method: .get, headers: headers).body)
            }
            let created = Self.event(
                "ticket.created",
                ticket: "31337",
                time: createdAt.description,
                detail:
                    #"{"id": "31337", "created_at": "\#(createdAt)", "status": "OPEN", "via": {"channel": "email"}}"#
            )
            #expect(try await Self.deliver(client, fixture, created).status == .ok)
            fixture.clock.advance(6)
            let before = try await promises()
            let count = try await fixture.store.contactCount()
            let runs = try await fixture.store.importRuns().count
            let replied = Self.event(
                "ticket.comment_added",
                ticket: "31337",
                time: replyAt.description,
                detail: #"{"id": "31337", "status": "OPEN"}"#,
                event: #"{"comment": {"is_public": true, "author": {"is_staff": true}}}"#
            )
            #expect(try await Self.deliver(client, fixture, replied).status == .ok)
            // Same count, no new import run: only the contacts revision tells the cache.
            #expect(try await fixture.store.contactCount() == count)
            #expect(try await fixture.store.importRuns().count == runs)
            #expect(try await promises() == before, "within the refresh interval the cached report is served")
            fixture.clock.advance(6)
            let after = try await promises()
            #expect(after != before, "the answered ticket changes the report")
        }
    }

    @Test("with no wait budget a change is answered from the previous report until the new one is ready")
    func staleWhileRecomputing() async throws {
        let fixture = try await ServerFixture.make()
        var configuration = fixture.configuration
        configuration.reportRefreshInterval = 5
        configuration.reportWaitBudget = .zero
        try await fixture.withClient(configuration: configuration) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(fixture.tokens[.admin]!)"]
            func accepted() async throws -> Int {
                let body = try await client.execute(uri: "/api/promises", method: .get, headers: headers).body
                let object = try JSONSerialization.jsonObject(with: Data(String(buffer: body).utf8)) as? [String: Any]
                return (object?["input"] as? [String: Any])?["accepted"] as? Int ?? -1
            }
            let before = try await accepted()
            let posted = try await client.execute(
                uri: "/api/contacts",
                method: .post,
                headers: [
                    .authorization: "Bearer \(fixture.tokens[.admin]!)", .contentType: "application/x-ndjson",
                ],
                body: ByteBuffer(string: #"{"id": "stale-1", "channel": "chat", "created_at": "2026-06-01T10:00:00Z"}"#)
            )
            #expect(posted.status == .ok)
            fixture.clock.advance(6)
            #expect(try await accepted() == before, "the previous report answers at once")
            var after = before
            for _ in 0..<100 where after == before {
                try await Task.sleep(for: .milliseconds(50))
                after = try await accepted()
            }
            #expect(after == before + 1, "the recomputed report counts the new contact")
        }
    }
}
