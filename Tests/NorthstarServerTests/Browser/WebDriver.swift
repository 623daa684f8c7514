import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A small W3C WebDriver client for headless Chromium through `chromedriver`: enough to sign in, follow links,
/// fill and submit forms, read text and take screenshots. It speaks the protocol's JSON over HTTP on loopback.
final class WebDriver: @unchecked Sendable {
    /// Why a browser test cannot run here.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// A WebDriver command that failed, with the driver's own words.
    struct CommandFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// An element found on the page (its WebDriver reference).
    struct Element: Sendable {
        let id: String
    }

    /// The reference in a found element's object: W3C names its key `element-6066-…`, older drivers `ELEMENT`.
    private static func elementID(_ object: [String: Any]) -> String? {
        object.first { $0.key.hasPrefix("element-") || $0.key == "ELEMENT" }?.value as? String
    }

    private let driver: Process
    private let port: Int
    private let sessionID: String

    /// The browser and driver binaries, or why they are missing.
    static func binaries() -> Result<(chromium: String, driver: String), Unavailable> {
        let fileManager = FileManager.default
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { fileManager.isExecutableFile(atPath: $0) }
        let driver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
            .first { fileManager.isExecutableFile(atPath: $0) }
        guard let chromium, let driver else {
            return .failure(
                Unavailable(description: "chromium and chromium-driver are not installed (apt-get install)")
            )
        }
        return .success((chromium, driver))
    }

    /// Starts `chromedriver` on a free port and opens a headless Chromium session with a fixed window size.
    init(chromium: String, driverPath: String) async throws {
        (driver, port) = try await Self.startDriver(driverPath)
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromium,
                        // Root in a container has no user namespace for the sandbox; the pages are our own.
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=1280,900", "--lang=en-GB",
                        ],
                    ],
                ]
            ]
        ]
        do {
            let answer = try await Self.request(port, "POST", "/session", capabilities)
            guard let value = answer["value"] as? [String: Any], let id = value["sessionId"] as? String else {
                throw CommandFailed(description: "no session id in \(answer)")
            }
            sessionID = id
        } catch {
            driver.terminate()
            throw error
        }
    }

    /// Starts chromedriver on a free port and waits until it says it is ready: up to 30 s (a loaded CI machine
    /// is slow to start it), and on another port when the process exits early (the port was taken meanwhile).
    private static func startDriver(_ path: String) async throws -> (Process, Int) {
        for _ in 0..<3 {
            let port = try freePort()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = ContinuousClock.now + .seconds(30)
            while process.isRunning, ContinuousClock.now < deadline {
                if let status = try? await request(port, "GET", "/status", nil),
                    (status["value"] as? [String: Any])?["ready"] as? Bool == true
                {
                    return (process, port)
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        throw Unavailable(description: "chromedriver did not start (3 tries, 30 s each)")
    }

    /// A port nothing listens on: the kernel's pick for a socket bound to port 0.
    private static func freePort() throws -> Int {
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
        guard bound == 0 else { throw Unavailable(description: "no free port for chromedriver") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Ends the browser session and stops the driver, killing it when it does not stop within seconds.
    func quit() async {
        _ = try? await command("DELETE", "")
        driver.terminate()
        for _ in 0..<50 where driver.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
    }

    // MARK: Commands

    /// Opens `url` and waits for the page to load.
    func open(_ url: String) async throws {
        _ = try await command("POST", "/url", ["url": url])
    }

    /// The address of the page shown.
    func currentURL() async throws -> String {
        try await command("GET", "/url") as? String ?? ""
    }

    /// The page's title.
    func title() async throws -> String {
        try await command("GET", "/title") as? String ?? ""
    }

    /// The first element matching a CSS selector; fails the command when there is none.
    func find(_ selector: String) async throws -> Element {
        let value = try await command("POST", "/element", ["using": "css selector", "value": selector])
        guard let object = value as? [String: Any], let id = Self.elementID(object) else {
            throw CommandFailed(description: "no element matches \(selector)")
        }
        return Element(id: id)
    }

    /// Every element matching a CSS selector.
    func findAll(_ selector: String) async throws -> [Element] {
        let value = try await command("POST", "/elements", ["using": "css selector", "value": selector])
        return (value as? [[String: Any]] ?? []).compactMap { Self.elementID($0).map(Element.init) }
    }

    /// The rendered text of an element, as a person would read it.
    func text(_ element: Element) async throws -> String {
        try await command("GET", "/element/\(element.id)/text") as? String ?? ""
    }

    /// An attribute or property of an element.
    func attribute(_ element: Element, _ name: String) async throws -> String? {
        try await command("GET", "/element/\(element.id)/attribute/\(name)") as? String
    }

    /// Types into an input; for a file input, the text is the file's path.
    func type(_ element: Element, _ text: String) async throws {
        _ = try await command("POST", "/element/\(element.id)/value", ["text": text])
    }

    /// Clicks an element, as a person would.
    func click(_ element: Element) async throws {
        _ = try await command("POST", "/element/\(element.id)/click", [String: Any]())
    }

    /// The whole page's text.
    func bodyText() async throws -> String {
        try await text(find("body"))
    }

    /// Polls until `condition` holds on the page's text, for up to `seconds`.
    func waitForText(containing needle: String, seconds: Double = 120) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = ""
        while Date() < deadline {
            text = (try? await bodyText()) ?? ""
            if text.contains(needle) { return text }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw CommandFailed(description: "the page never showed “\(needle)”; it shows:\n\(text.prefix(2_000))")
    }

    /// A PNG screenshot of the window, written to `path`.
    func screenshot(to path: URL) async throws {
        guard let base64 = try await command("GET", "/screenshot") as? String,
            let data = Data(base64Encoded: base64)
        else { throw CommandFailed(description: "the screenshot was not base64 PNG") }
        try data.write(to: path)
    }

    // MARK: Protocol

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        let answer = try await Self.request(port, method, "/session/\(sessionID)\(path)", body)
        return answer["value"].flatMap { $0 is NSNull ? nil : $0 }
    }

    private static func request(
        _ port: Int,
        _ method: String,
        _ path: String,
        _ body: [String: Any]?
    ) async throws -> [String: Any] {
        var headers: HTTPFields = [:]
        // An empty body still says `Content-Length: 0`, which chromedriver waits for on DELETE.
        var buffer = ByteBuffer()
        if let body {
            buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
            headers[.contentType] = "application/json"
        }
        let request = TestClient.Request(
            path,
            method: HTTPRequest.Method(method)!,
            authority: "127.0.0.1:\(port)",
            headers: headers,
            body: buffer
        )
        let response = try await TestClient.withClient(
            host: "127.0.0.1",
            port: port,
            configuration: .init(timeout: .seconds(method == "DELETE" ? 10 : 150))
        ) { client in try await client.execute(request) }
        let data = Data(response.body.map { Array($0.readableBytesView) } ?? [])
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        if response.status.code >= 400 {
            let value = object["value"] as? [String: Any]
            let message = value?["message"] as? String ?? String(decoding: data, as: UTF8.self)
            throw CommandFailed(
                description: "\(method) \(path) answered \(response.status.code): \(message.prefix(500))"
            )
        }
        return object
    }
}
