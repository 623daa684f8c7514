import Foundation
import HTTPTypes
import Hummingbird
import NorthstarStore

/// What operators and API clients read about the server itself: `/metrics` for Prometheus and
/// `/openapi.yaml`, the API's description.
struct OperationsController {
    let store: any Store
    let metrics: ServerMetrics

    /// Any signed-in user or token may scrape the metrics: they are counts and timings, never contact data.
    static let metricsRoles: Set<Role> = [.admin, .manager, .agent, .viewer]

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/metrics", use: scrape)
        router.get("/openapi.yaml", use: openAPI)
    }

    @Sendable func scrape(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        _ = try context.require(Self.metricsRoles)
        metrics.setStoredContacts(try await store.contactCount())
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: metrics.exposition()))
        )
    }

    @Sendable func openAPI(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: Self.document))
        )
    }

    /// The OpenAPI 3.1 document, read once from the module's resources.
    static let document: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let data = try? Data(contentsOf: url)
        else { return Array("openapi: 3.1.0\n".utf8) }
        return Array(data)
    }()
}
