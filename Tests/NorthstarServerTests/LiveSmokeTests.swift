import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

@Suite("The server on a real socket")
struct LiveSmokeTests {
    @Test("on port 0 it answers /health, /login and a bearer-token API call over TCP")
    func live() async throws {
        let fixture = try await ServerFixture.make()
        var configuration = fixture.configuration
        configuration.port = 0
        let app = buildApplication(
            store: fixture.store,
            configuration: configuration,
            logger: ServerFixture.quietLogger
        )
        let token = try #require(fixture.tokens[.viewer])
        do {
            try await app.test(.live) { client in
                let health = try await client.execute(uri: "/health", method: .get)
                #expect(health.status == .ok)
                let login = try await client.execute(uri: "/login", method: .get)
                #expect(login.status == .ok)
                #expect(String(buffer: login.body).contains("name=\"csrf_token\""))
                // The first report is computed for this request: on a CI machine running every suite at once that
                // can outlast the live client's 15 s, so this one waits longer.
                let port = try #require(client.port)
                let api = try await TestClient.withClient(
                    host: "127.0.0.1",
                    port: port,
                    configuration: .init(timeout: .seconds(300))
                ) { patient in
                    try await patient.execute(
                        .init(
                            "/api/promises",
                            method: .get,
                            authority: "127.0.0.1:\(port)",
                            headers: [.authorization: "Bearer \(token)"]
                        )
                    )
                }
                #expect(api.status == .ok)
                let anonymous = try await client.execute(uri: "/", method: .get)
                #expect(anonymous.status == .seeOther)
            }
        } catch {
            try? await fixture.store.close()
            throw error
        }
        try await fixture.store.close()
        try? FileManager.default.removeItem(at: fixture.directory)
    }
}
