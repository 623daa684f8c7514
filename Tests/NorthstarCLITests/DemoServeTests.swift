import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `northstar demo --serve`: the demo in a new store, a printed sign-in, and a dashboard that answers.
@Suite("demo --serve")
struct DemoServeTests {
    /// A port nobody listens on now.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        try #require(bound == 0)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// `GET /health` every 250 ms until the server answers, for up to 30 s; `nil` when it never does.
    static func waitForHealth(port: Int) async throws -> String? {
        for _ in 0..<120 {
            if let answer = get("/health", port: port) { return answer }
            try await Task.sleep(for: .milliseconds(250))
        }
        return nil
    }

    /// The status line and body of `GET path` over a plain socket; `nil` while nothing listens.
    static func get(_ path: String, port: Int) -> String? {
        request("GET", path, port: port)
    }

    /// The whole answer to one request over a plain socket (`Connection: close`); `nil` while nothing listens.
    static func request(
        _ method: String,
        _ path: String,
        port: Int,
        headers: [String: String] = [:],
        body: String? = nil
    ) -> String? {
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
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        head += headers.map { "\($0.key): \($0.value)\r\n" }.joined()
        if let body { head += "Content-Length: \(body.utf8.count)\r\n" }
        let request = Array((head + "\r\n" + (body ?? "")).utf8)
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

    @Test("the demo is stored and served: health answers, pages ask for the printed sign-in")
    func serves() async throws {
        let folder = try CommandRunner.temporaryDirectory()
        let port = try Self.freePort()
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = [
            "demo", "--serve", "--scale", "0.1", "--port", String(port), "--output", folder.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let health = try await Self.waitForHealth(port: port)
        let answer = try #require(health)
        #expect(answer.hasPrefix("HTTP/1.1 200"))
        #expect(answer.contains("\"ok\""))
        let overview = try #require(Self.get("/", port: port))
        #expect(overview.hasPrefix("HTTP/1.1 303"))
        #expect(overview.contains("/login"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("northstar.db").path))
        process.terminate()
        process.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("sign in as demo with the password "))
        #expect(printed.contains("The same password opens the agent view as agent ("))
        #expect(printed.contains("http://127.0.0.1:\(port)"))
    }
}
