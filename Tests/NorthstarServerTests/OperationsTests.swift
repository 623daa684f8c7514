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

@Suite("Metrics, the OpenAPI document and the logs")
struct OperationsTests {
    @Test("/metrics needs a token or session, and counts the requests answered by route and status")
    func metrics() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let anonymous = try await client.execute(uri: "/metrics", method: .get)
            #expect(anonymous.status == .unauthorized)
            let token = try #require(fixture.tokens[.viewer])
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            for _ in 0..<3 { _ = try await client.execute(uri: "/api/promises", method: .get, headers: auth) }
            _ = try await client.execute(uri: "/promises/nope", method: .get, headers: auth)
            let scrape = try await client.execute(uri: "/metrics", method: .get, headers: auth)
            #expect(scrape.status == .ok)
            #expect(scrape.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: scrape.body)
            let lines = text.split(separator: "\n").map(String.init)
            let api = lines.first {
                $0.hasPrefix("northstar_http_requests_total{") && $0.contains("route=\"/api/promises\"")
                    && $0.contains("status=\"200\"")
            }
            #expect(api?.hasSuffix(" 3") == true, "\(api ?? "no series for /api/promises")")
            // The route pattern is the label, never the path asked for: ids cannot flood the series.
            #expect(text.contains("route=\"/promises/{id}\"") || text.contains("route=\"/promises/:id\""))
            #expect(!text.contains("/promises/nope"))
            let stored = try await fixture.store.contactCount()
            #expect(
                lines.contains("northstar_store_contacts_count \(stored)")
                    || lines.contains("northstar_store_contacts_count \(stored).0")
            )
            #expect(text.contains("northstar_report_compute_duration_seconds_count 1"))
        }
    }

    @Test("/metrics counts the contacts ingested, accepted and rejected")
    func ingestMetrics() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let token = try #require(fixture.tokens[.admin])
            let body = """
                {"id": "m-1", "channel": "chat", "created_at": "2026-06-01T10:00:00Z"}
                {"id": "m-2", "channel": "chat", "created_at": "2026-06-01T10:05:00Z"}
                {"id": "m-3", "channel": "chat", "created_at": "not a time"}
                """
            let posted = try await client.execute(
                uri: "/api/contacts",
                method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/x-ndjson"],
                body: ByteBuffer(string: body)
            )
            #expect(posted.status == .ok)
            let scrape = try await client.execute(
                uri: "/metrics",
                method: .get,
                headers: [.authorization: "Bearer \(token)"]
            )
            let lines = String(buffer: scrape.body).split(separator: "\n").map(String.init)
            func value(_ outcome: String) -> String? {
                lines.first {
                    $0.hasPrefix("northstar_ingest_contacts_total{") && $0.contains("outcome=\"\(outcome)\"")
                }?.split(separator: " ").last.map(String.init)
            }
            #expect(value("accepted") == "2")
            #expect(value("rejected") == "1")
        }
    }

    @Test("/openapi.yaml is served without sign-in and documents every API route the server answers")
    func openAPI() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let response = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            let text = String(buffer: response.body)
            #expect(text.hasPrefix("openapi: 3.1.0"))
            // Every documented path answers something other than 404 to an admin (parameters filled in).
            let token = try #require(fixture.tokens[.admin])
            let paths = text.split(separator: "\n").filter { $0.hasPrefix("  /") && $0.hasSuffix(":") }
                .map { String($0.dropFirst(2).dropLast()) }
            #expect(paths.count >= 10)
            let agent = try #require(try await fixture.store.user(named: "agent"))
            let promise = try #require(try await fixture.store.charterVersions().first).yaml
                .components(separatedBy: "- id: ")[1].prefix { !$0.isWhitespace }
            for path in paths {
                let id = path.hasPrefix("/api/agents/") ? try #require(agent.agentID) : String(promise)
                let uri = path.replacingOccurrences(of: "{id}", with: id)
                    .replacingOccurrences(of: "{team}", with: try #require(agent.team))
                    .replacingOccurrences(of: "{number}", with: "1")
                let documented = text.components(separatedBy: "\n  \(path):\n")[1]
                let method: HTTPRequest.Method = documented.hasPrefix("    post:") ? .post : .get
                let answer = try await client.execute(
                    uri: uri,
                    method: method,
                    headers: [.authorization: "Bearer \(token)"]
                )
                #expect(
                    answer.status != .notFound || uri.contains("/x"),
                    "\(method) \(uri) is documented but not routed"
                )
                #expect(answer.status != .methodNotAllowed, "\(method) \(uri)")
            }
        }
    }

    @Test("the JSON log handler writes one object per line with the metadata as keys")
    func jsonLogs() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "northstar.test") { label in
            JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "hb.request.id"] = "42"
        logger.info("request", metadata: ["http.status": .stringConvertible(200), "http.route": "/"])
        logger.debug("not written at the info level")
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        let object = try #require(parsed as? [String: Any])
        #expect(object["message"] as? String == "request")
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "northstar.test")
        #expect(object["http.status"] as? String == "200")
        #expect(object["hb.request.id"] as? String == "42")
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
        #expect(written.first?.hasSuffix("\n") == true)
    }
}
