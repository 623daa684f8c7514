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
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }
        let lines = headers.map { "\($0.key): \($0.value)\r\n" }.joined()
        let request = Array(
            ("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\(lines)"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)").utf8
        )
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        return String(decoding: response, as: UTF8.self)
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
        var health: String?
        for _ in 0..<120 where health == nil {
            try await Task.sleep(for: .milliseconds(250))
            health = DemoServeTests.get("/health", port: port)
        }
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
        var health: String?
        for _ in 0..<120 where health == nil {
            try await Task.sleep(for: .milliseconds(250))
            health = DemoServeTests.get("/health", port: port)
        }
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
