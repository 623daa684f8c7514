import Foundation
import NorthstarCore
import NorthstarStore
import Testing

@testable import NorthstarServer

#if canImport(Glibc)
import Glibc
#endif

/// `northstar serve --zendesk-webhook-secret-file`: the secret turns the webhook on and never reaches the logs.
@Suite("serve with a Zendesk webhook secret")
struct ServeWebhookTests {
    /// The whole answer to a POST over a plain socket; `nil` while nothing listens.
    static func post(_ path: String, port: Int, headers: [String: String], body: String) -> String? {
        DemoServeTests.request("POST", path, port: port, headers: headers, body: body)
    }

    @Test("a signed ticket event is stored; a wrong signature is 401; the secret is never logged")
    func signedDelivery() async throws {
        let folder = try CommandRunner.temporaryDirectory()
        let secret = "file-secret-\(UUID().uuidString)"
        let secretFile = folder.appendingPathComponent("zendesk-secret")
        try "\(secret)\n".write(to: secretFile, atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("n.db").path
        let port = try DemoServeTests.freePort()
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = [
            "serve", "--port", String(port), "--database", database, "--zendesk-webhook-secret-file", secretFile.path,
        ]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let health = try await DemoServeTests.waitForHealth(port: port)
        #expect(try #require(health).hasPrefix("HTTP/1.1 200"))
        let stamp = Timestamp(seconds: Int64(Date().timeIntervalSince1970)).description
        let body = """
            {"type": "zen:event-type:ticket.created", "time": "\(stamp)",
             "detail": {"id": "4711", "created_at": "2026-05-20T09:00:00Z", "status": "OPEN", "via": {"channel": "chat"}}}
            """
        let signature = ZendeskWebhookController.signature(secret: secret, timestamp: stamp, body: Array(body.utf8))
        var headers = [
            "Content-Type": "application/json", "X-Zendesk-Webhook-Signature-Timestamp": stamp,
            "X-Zendesk-Webhook-Signature": "AAAA" + signature.dropFirst(4),
        ]
        let forged = try #require(Self.post("/webhooks/zendesk", port: port, headers: headers, body: body))
        #expect(forged.hasPrefix("HTTP/1.1 401"))
        headers["X-Zendesk-Webhook-Signature"] = signature
        let signed = try #require(Self.post("/webhooks/zendesk", port: port, headers: headers, body: body))
        #expect(signed.hasPrefix("HTTP/1.1 200"), "\(signed)")
        process.terminate()
        process.waitUntilExit()
        let printed = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("zendesk-webhook=on"))
        #expect(!printed.contains(secret))
        let store = try await openStore(database)
        let contact = try await store.contact(source: "zendesk", id: "4711")
        try await store.close()
        #expect(contact?.channel == "chat")
    }

    @Test("an unreadable secret file is a usage error")
    func unreadableSecretFile() throws {
        let output = try CommandRunner.run(["serve", "--zendesk-webhook-secret-file", "/nonexistent/secret"])
        #expect(output.status == 64)
        #expect(output.standardError.contains("--zendesk-webhook-secret-file"))
    }
}

/// `northstar serve --log-format json`: one JSON object per request, and SIGTERM shuts it down cleanly.
@Suite("serve's logs and shutdown")
struct ServeLogsTests {
    @Test("each request is one JSON log line with its route and status; SIGTERM exits 0 after the shutdown")
    func jsonLogsAndGracefulShutdown() async throws {
        let folder = try CommandRunner.temporaryDirectory()
        let port = try DemoServeTests.freePort()
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = [
            "serve", "--port", String(port), "--database", folder.appendingPathComponent("n.db").path,
            "--log-format", "json",
        ]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let health = try await DemoServeTests.waitForHealth(port: port)
        #expect(try #require(health).hasPrefix("HTTP/1.1 200"))
        let missing = DemoServeTests.get("/api/promises?token=secret-in-query", port: port)
        #expect(missing?.hasPrefix("HTTP/1.1 401") == true)
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let printed = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let objects = printed.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(objects.count == printed.split(separator: "\n").count, "every line is JSON:\n\(printed)")
        let requests = objects.filter { $0["message"] as? String == "request" }
        let healthLine = requests.first { $0["http.route"] as? String == "/health" }
        #expect(healthLine?["http.status"] as? String == "200")
        #expect(healthLine?["hb.request.id"] != nil)
        let refused = requests.first { $0["http.path"] as? String == "/api/promises" }
        #expect(refused?["http.status"] as? String == "401")
        #expect(!printed.contains("secret-in-query"))
    }
}
