import Foundation
import Hummingbird
import NorthstarCore
import NorthstarStore

/// Live ingest: `POST /api/contacts` stores contacts sent as canonical JSON (docs/server.md, "Live ingest"), and
/// registers the Zendesk webhook (``ZendeskWebhookController``) beside it.
struct IngestController {
    let store: any Store
    let configuration: ServerConfiguration
    let metrics: ServerMetrics

    /// Who may send contacts: those who may see every contact.
    static let ingestRoles: Set<Role> = [.admin, .manager]

    /// The `?source=` used when none is given.
    static let defaultSource = "api"

    /// The body's media types, by their layout.
    static let layouts: [String: CanonicalJSONContacts.Layout] = [
        "application/json": .array,
        "application/x-ndjson": .lines,
        "application/ndjson": .lines,
        "application/jsonl": .lines,
    ]

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.post("/api/contacts", use: ingest)
        ZendeskWebhookController(store: store, configuration: configuration, metrics: metrics).addRoutes(to: router)
    }

    /// What a request stored and refused.
    struct IngestResponse: Encodable {
        var accepted: Int
        var rejected: Int
        var rejects: [CanonicalJSONContacts.Reject]
        var storedContacts: Int
        var importRun: Int64
    }

    /// Checks every contact, stores the accepted ones in one transaction (by source and id, so sending the same
    /// body twice changes nothing), and records the request as an import run `api:SOURCE` with its refused rows.
    @Sendable func ingest(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        _ = try context.require(Self.ingestRoles)
        let source = try Self.source(request.uri.queryParameters["source"].map(String.init))
        let mediaType = request.headers[.contentType]?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let mediaType, let layout = Self.layouts[mediaType] else {
            throw ServerError(
                code: .unsupportedMediaType,
                message: "Send contacts as application/json (an array of objects) or application/x-ndjson "
                    + "(one object per line)."
            )
        }
        let bytes = try await request.collectBody(limit: configuration.maximumIngestBytes)
        let file = "api:\(source)"
        let batch: CanonicalJSONContacts.Batch
        do {
            batch = try CanonicalJSONContacts.read(bytes: bytes, file: file, layout: layout)
        } catch {
            throw ServerError(code: .badRequest, message: "\(error)")
        }
        let started = timestamp(configuration.now())
        let run = try await store.beginImportRun(files: [file], at: started)
        try await store.upsertContacts(batch.contacts.map { SourcedContact(source: source, contact: $0) })
        try await store.completeImportRun(
            run,
            reports: [batch.report],
            contacts: batch.contacts.count,
            at: timestamp(configuration.now())
        )
        metrics.recordIngest(route: "/api/contacts", accepted: batch.report.accepted, rejected: batch.rejects.count)
        return APIController.json(
            IngestResponse(
                accepted: batch.report.accepted,
                rejected: batch.rejects.count,
                rejects: batch.rejects,
                storedContacts: try await store.contactCount(),
                importRun: run
            )
        )
    }

    /// The `?source=` name: letters, digits, `.`, `_` and `-`, at most 64, so it reads well in reports.
    static func source(_ given: String?) throws -> String {
        guard let given else { return defaultSource }
        let punctuation: Set<Unicode.Scalar> = [".", "_", "-"]
        let allowed = given.unicodeScalars.allSatisfy {
            ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || punctuation.contains($0)
        }
        guard !given.isEmpty, given.count <= 64, allowed else {
            throw ServerError(
                code: .badRequest,
                message: "source must be 1 to 64 letters, digits, dots, underscores or hyphens."
            )
        }
        return given
    }
}
