import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NorthstarCore
import NorthstarStore

/// `POST /webhooks/zendesk`: Zendesk tells Northstar a ticket changed, and the ticket's stored contact is updated
/// at once (docs/server.md, "Zendesk webhook"). No session or token: each delivery is signed with the webhook's
/// secret, and an unsigned, wrongly signed or stale delivery is refused before anything is read from it.
struct ZendeskWebhookController {
    let store: any Store
    let configuration: ServerConfiguration
    let metrics: ServerMetrics

    /// The contacts a delivery may update, in the order looked for: live tickets, then tickets imported from the
    /// JSON and CSV exports (so an imported ticket is updated in place, never stored twice).
    static let sources = ["zendesk", "zendesk-json", "zendesk-csv"]
    /// The largest delivery read; Zendesk's are a few kilobytes.
    static let maximumBodyBytes = 1_024 * 1_024
    static let signatureHeader = HTTPField.Name("X-Zendesk-Webhook-Signature")!
    static let timestampHeader = HTTPField.Name("X-Zendesk-Webhook-Signature-Timestamp")!

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.post("/webhooks/zendesk", use: receive)
    }

    /// What a delivery did.
    struct WebhookResponse: Encodable {
        var ignored: Bool
        var ticket: String?
        var source: String?
        var event: String?
    }

    @Sendable func receive(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        guard let secret = configuration.zendeskWebhookSecret, !secret.isEmpty else {
            throw ServerError(
                code: .notConfigured,
                message: "The Zendesk webhook is off: start the server with --zendesk-webhook-secret-file PATH "
                    + "or NORTHSTAR_ZENDESK_WEBHOOK_SECRET set to the webhook's signing secret."
            )
        }
        guard let signature = request.headers[Self.signatureHeader],
            let stamp = request.headers[Self.timestampHeader]
        else {
            metrics.recordWebhookRefusal(source: "zendesk", reason: "unsigned")
            throw ServerError(code: .unauthenticated, message: "The delivery is not signed.")
        }
        let body = try await request.collectBody(limit: Self.maximumBodyBytes)
        guard Secrets.constantTimeEqual(signature, Self.signature(secret: secret, timestamp: stamp, body: body)) else {
            metrics.recordWebhookRefusal(source: "zendesk", reason: "bad-signature")
            throw ServerError(code: .unauthenticated, message: "The delivery's signature does not match.")
        }
        let now = configuration.now()
        guard let sent = Timestamp(rfc3339: stamp),
            abs(now.timeIntervalSince1970 - Double(sent.seconds)) <= configuration.webhookTimestampTolerance
        else {
            metrics.recordWebhookRefusal(source: "zendesk", reason: "stale-timestamp")
            throw ServerError(
                code: .unauthenticated,
                message: "The delivery's timestamp is too far from the server's clock (a replay, or a clock to fix)."
            )
        }
        let event: ZendeskWebhookEvent?
        do {
            event = try ZendeskWebhookEvent.read(body, receivedAt: timestamp(now))
        } catch {
            metrics.recordWebhookRefusal(source: "zendesk", reason: "unreadable")
            throw ServerError(code: .badRequest, message: "\(error)")
        }
        guard let event else {
            context.logger.info("ignored a Zendesk delivery that is not a ticket event Northstar uses")
            return APIController.json(WebhookResponse(ignored: true))
        }
        let source = try await store.updateContact(
            id: event.ticketID,
            sources: Self.sources,
            newSource: Self.sources[0]
        ) { stored in
            do {
                return try event.apply(to: stored)
            } catch {
                throw ServerError(code: .badRequest, message: "\(error)")
            }
        }
        metrics.recordIngest(route: "/webhooks/zendesk", accepted: 1, rejected: 0)
        return APIController.json(
            WebhookResponse(ignored: false, ticket: event.ticketID, source: source, event: event.type)
        )
    }

    /// base64(HMAC-SHA256(key: the secret's bytes, message: the timestamp header followed by the raw body)).
    static func signature(secret: String, timestamp: String, body: [UInt8]) -> String {
        var message = Data(timestamp.utf8)
        message.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return Data(code).base64EncodedString()
    }
}
