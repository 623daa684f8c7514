import Foundation
import HTTPTypes
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

/// Whether the browser tests run: when the browser is installed, or when CI requires them (and fails without).
enum BrowserSupport {
    static var canRun: Bool {
        if case .success = WebDriver.binaries() { return true }
        return ProcessInfo.processInfo.environment["NORTHSTAR_BROWSER_TESTS"] == "required"
    }
}

/// Headless Chromium driving the real server on a real socket: what a person does, clicked and typed, with a
/// screenshot of every step in `browser-screenshots/` at the package root.
///
/// They run when `chromium` and `chromium-driver` are installed and are skipped otherwise, except when
/// `NORTHSTAR_BROWSER_TESTS=required` (as `.ci/run` sets), where a missing browser fails the run.
@Suite("In a real browser", .serialized, .enabled(if: BrowserSupport.canRun))
struct BrowserTests {

    /// Where the screenshots go: `browser-screenshots/` beside Package.swift.
    static let screenshots: URL = {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("browser-screenshots")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// Runs `body` with a browser and the server over a fresh fixture store, on the real clock.
    static func withBrowser(
        _ body: @Sendable (WebDriver, _ base: String, ServerFixture) async throws -> Void
    ) async throws {
        let (chromium, driverPath) = try WebDriver.binaries().get()
        let fixture = try await ServerFixture.make()
        var configuration = ServerConfiguration(port: 0, reportRefreshInterval: 0)
        configuration.reportWaitBudget = .seconds(300)
        let app = buildApplication(
            store: fixture.store,
            configuration: configuration,
            logger: ServerFixture.quietLogger
        )
        let browser: WebDriver
        do {
            browser = try await WebDriver(chromium: chromium, driverPath: driverPath)
        } catch {
            try? await fixture.store.close()
            throw error
        }
        do {
            try await app.test(.live) { client in
                let port = try #require(client.port)
                // The first report is computed before the browser asks, so a loaded machine slows the report,
                // not the clicks the tests time out on.
                // (A client of its own with a long timeout: the live client gives up after 15 s, and a CI machine
                // running every suite at once can take longer.)
                let warm = try await TestClient.withClient(
                    host: "127.0.0.1",
                    port: port,
                    configuration: .init(timeout: .seconds(300))
                ) { warmer in
                    try await warmer.execute(
                        .init(
                            "/api/promises",
                            method: .get,
                            authority: "127.0.0.1:\(port)",
                            headers: [.authorization: "Bearer \(fixture.tokens[.viewer]!)"]
                        )
                    )
                }
                #expect(warm.status == .ok)
                try await body(browser, "http://127.0.0.1:\(port)", fixture)
            }
        } catch {
            print("browser test failed: \(error)")
            await browser.quit()
            try? await fixture.store.close()
            throw error
        }
        await browser.quit()
        try await fixture.store.close()
        try? FileManager.default.removeItem(at: fixture.directory)
    }

    /// Signs in through the login form, as a person types it.
    static func logIn(_ browser: WebDriver, _ base: String, name: String) async throws {
        try await browser.open("\(base)/login")
        try await browser.type(browser.find("input[name=name]"), name)
        try await browser.type(browser.find("input[name=password]"), ServerFixture.password)
        try await browser.click(browser.find("form button[type=submit]"))
    }

    @Test("a manager signs in, sees a card per promise, opens one and sees its chart and breakdowns")
    func overviewAndPromise() async throws {
        try await Self.withBrowser { browser, base, fixture in
            try await browser.open("\(base)/")
            #expect(try await browser.currentURL().contains("/login"))
            try await browser.screenshot(to: Self.screenshots.appendingPathComponent("01-login.png"))

            try await Self.logIn(browser, base, name: "manager")
            let overview = try await browser.waitForText(containing: "Log out")
            try await browser.screenshot(to: Self.screenshots.appendingPathComponent("02-overview.png"))
            let charter = try await Self.approvedCharter(fixture)
            let stored = try await fixture.store.contactCount()
            #expect(overview.contains("\(MarkupEscaping.grouped(stored)) contacts stored"))
            let cards = try await browser.findAll(".card")
            #expect(cards.count == charter.promises.count)
            for promise in charter.promises {
                #expect(overview.contains(promise.id), "no card for \(promise.id)")
            }

            let first = try #require(charter.promises.first)
            try await browser.click(browser.find("a[href=\"/promises/\(first.id)\"]"))
            let page = try await browser.waitForText(containing: "Contacts that broke it")
            #expect(try await browser.currentURL().hasSuffix("/promises/\(first.id)"))
            #expect(try await !browser.findAll("svg").isEmpty)
            #expect(page.contains("Breakdown"))
            try await browser.screenshot(to: Self.screenshots.appendingPathComponent("03-promise.png"))
        }
    }

    @Test("a wrong password keeps the browser on the sign-in page with the reason")
    func wrongPassword() async throws {
        try await Self.withBrowser { browser, base, _ in
            try await browser.open("\(base)/login")
            try await browser.type(browser.find("input[name=name]"), "manager")
            try await browser.type(browser.find("input[name=password]"), "not the password")
            try await browser.click(browser.find("form button[type=submit]"))
            let text = try await browser.waitForText(containing: "Sign in")
            #expect(try await browser.currentURL().contains("/login"))
            #expect(!text.contains("Log out"))
            try await browser.screenshot(to: Self.screenshots.appendingPathComponent("04-wrong-password.png"))
        }
    }

    @Test("a manager uploads an export, follows its progress and sees it counted, with the rejected row")
    func uploadExport() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("northstar-upload-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Three good contacts and one whose created_at is not a time (line 5).
        let file = folder.appendingPathComponent("browser-export.csv")
        try """
        id,channel,created_at,first_response_at
        browser-1,chat,2026-06-20T10:00:00Z,2026-06-20T10:00:30Z
        browser-2,chat,2026-06-20T11:00:00Z,2026-06-20T11:02:00Z
        browser-3,email,2026-06-21T09:00:00Z,
        browser-4,chat,yesterday,
        """.write(to: file, atomically: true, encoding: .utf8)
        try await Self.withBrowser { browser, base, fixture in
            let before = try await fixture.store.contactCount()
            try await Self.logIn(browser, base, name: "manager")
            _ = try await browser.waitForText(containing: "Log out")
            try await browser.click(browser.find("nav a[href=\"/import\"]"))
            _ = try await browser.waitForText(containing: "Export file")
            try await browser.type(browser.find("input[type=file]"), file.path)
            try await browser.screenshot(to: Self.screenshots.appendingPathComponent("05-import-form.png"))
            try await browser.click(browser.find("form.import button[type=submit]"))
            let done = try await browser.waitForText(containing: "contacts stored from this run")
            try await browser.screenshot(to: Self.screenshots.appendingPathComponent("06-import-done.png"))
            #expect(try await browser.currentURL().contains("/import/runs/"))
            #expect(done.contains("3 contacts stored from this run"))
            #expect(done.contains("browser-export.csv"))
            let rejectedRow = try await browser.text(browser.find("table.rejects tbody tr"))
            #expect(rejectedRow.contains("5"))
            #expect(rejectedRow.contains("browser-4"))
            #expect(try await fixture.store.contactCount() == before + 3)
        }
    }

    @Test("an agent sees their own scorecard and is refused another agent's")
    func agentScorecards() async throws {
        try await Self.withBrowser { browser, base, fixture in
            let own = try #require(try await fixture.store.user(named: "agent")?.agentID)
            var other: String?
            try await fixture.store.forEachContact { contact in
                if other == nil, let agent = contact.contact.agent, agent != own { other = agent }
            }
            let someoneElse = try #require(other)
            try await Self.logIn(browser, base, name: "agent")
            _ = try await browser.waitForText(containing: "Log out")
            try await browser.click(browser.find("a[href=\"/agents/\(own)\"]"))
            let mine = try await browser.waitForText(containing: own)
            #expect(try await browser.currentURL().hasSuffix("/agents/\(own)"))
            #expect(!mine.contains("403"))
            try await browser.screenshot(to: Self.screenshots.appendingPathComponent("07-agent-own-scorecard.png"))

            try await browser.open("\(base)/agents/\(someoneElse)")
            let refused = try await browser.waitForText(containing: "403")
            #expect(!refused.contains(someoneElse))
            try await browser.screenshot(to: Self.screenshots.appendingPathComponent("08-agent-refused.png"))
        }
    }

    static func approvedCharter(_ fixture: ServerFixture) async throws -> Charter {
        let version = try #require(try await fixture.store.charterVersions().last { $0.status == .approved })
        return try CharterLoader.load(bytes: Array(version.yaml.utf8), file: "charter", today: nil).charter
    }
}
