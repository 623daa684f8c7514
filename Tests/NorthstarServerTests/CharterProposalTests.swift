import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

@Suite("Charter proposals and approval")
struct CharterProposalTests {
    /// The demo charter with the first-contact-resolution target lowered from 65% to 40%.
    static func loweredTarget(_ yaml: String) -> String {
        yaml.replacingOccurrences(of: "target: {atLeast: 65%}", with: "target: {atLeast: 40%}")
    }

    /// Signs in as `role` (when given) and returns the browser with the session's CSRF token.
    static func signedIn(_ client: any TestClientProtocol, _ role: Role?) async throws -> (Browser, String) {
        var browser = Browser()
        guard let role else { return (browser, "") }
        try await browser.logIn(client, name: role.rawValue)
        let page = String(buffer: try await browser.get(client, "/").body)
        return (browser, try #require(Browser.hiddenField("csrf_token", in: page)))
    }

    /// Stores a proposal straight in the store, as a manager would make one.
    static func storeProposal(_ fixture: ServerFixture, yaml: String) async throws -> CharterVersion {
        try await fixture.store.addCharterVersion(
            CharterDraft(yaml: yaml, version: "2.0.0", proposedBy: "manager", proposedAt: Timestamp(seconds: 1))
        )
    }

    static func currentYAML(_ fixture: ServerFixture) async throws -> String {
        try #require(try await fixture.store.charterVersions().last { $0.status == .approved }).yaml
    }

    static let pageCases: [(String, Role?, HTTPResponse.Status)] = [
        ("/charter/propose", nil, .seeOther), ("/charter/propose", .viewer, .forbidden),
        ("/charter/propose", .agent, .forbidden), ("/charter/propose", .manager, .ok),
        ("/charter/propose", .admin, .ok),
        ("/charter/versions/1", nil, .seeOther), ("/charter/versions/1", .viewer, .forbidden),
        ("/charter/versions/1", .agent, .forbidden), ("/charter/versions/1", .manager, .ok),
        ("/charter/versions/1", .admin, .ok),
    ]

    @Test("the proposal and version pages answer each role as the access table says", arguments: pageCases)
    func pages(_ path: String, _ role: Role?, _ expected: HTTPResponse.Status) async throws {
        try await ServerFixture.withFixture { _, client in
            var (browser, _) = try await Self.signedIn(client, role)
            let response = try await browser.get(client, path)
            #expect(response.status == expected, "\(path) as \(role?.rawValue ?? "anonymous")")
            if expected == .seeOther { #expect(response.headers[.location]?.hasPrefix("/login") == true) }
        }
    }

    @Test("proposing and approving by form: who may, and the redirects", arguments: [nil] + Role.allCases)
    func formPosts(_ role: Role?) async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (browser, csrf) = try await Self.signedIn(client, role)
            let yaml = Self.loweredTarget(try await Self.currentYAML(fixture))
            let propose = try await browser.post(
                client,
                "/charter/propose",
                form: [("csrf_token", csrf), ("yaml", yaml), ("version", "1.2.0"), ("note", "lower FCR")]
            )
            let proposal = try await Self.storeProposal(fixture, yaml: yaml)
            let approve = try await browser.post(
                client,
                "/charter/versions/\(proposal.number)/approve",
                form: [("csrf_token", csrf)]
            )
            switch role {
            case nil:
                #expect(propose.status == .seeOther && propose.headers[.location]?.hasPrefix("/login") == true)
                #expect(approve.status == .seeOther && approve.headers[.location]?.hasPrefix("/login") == true)
            case .viewer, .agent:
                #expect(propose.status == .forbidden)
                #expect(approve.status == .forbidden)
            case .manager:
                #expect(propose.status == .seeOther)
                #expect(propose.headers[.location] == "/charter/versions/2")
                #expect(approve.status == .forbidden, "managers propose, admins approve")
            case .admin:
                #expect(propose.status == .seeOther)
                #expect(approve.status == .seeOther)
                #expect(approve.headers[.location] == "/charter/versions/\(proposal.number)")
            }
            let versions = try await fixture.store.charterVersions()
            let stored = versions.first { $0.number == 2 }
            if role == .manager || role == .admin {
                #expect(stored?.version == "1.2.0" && stored?.note == "lower FCR")
                #expect(stored?.proposedBy == role?.rawValue && stored?.status == .proposed)
            } else {
                #expect(stored?.proposedBy == "manager", "only the directly stored proposal exists")
            }
            #expect((versions.last?.status == .approved) == (role == .admin))
        }
    }

    @Test("proposal and approval POSTs without the session's CSRF token are refused with 403")
    func csrf() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (browser, _) = try await Self.signedIn(client, .admin)
            let yaml = try await Self.currentYAML(fixture)
            let propose = try await browser.post(client, "/charter/propose", form: [("yaml", yaml)])
            #expect(propose.status == .forbidden)
            let proposal = try await Self.storeProposal(fixture, yaml: Self.loweredTarget(yaml))
            let approve = try await browser.post(
                client,
                "/charter/versions/\(proposal.number)/approve",
                form: [("csrf_token", "forged")]
            )
            #expect(approve.status == .forbidden)
            var headers = browser.headers
            headers[.contentType] = "application/yaml"
            let api = try await client.execute(
                uri: "/api/charter/versions",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: yaml)
            )
            #expect(api.status == .forbidden)
            #expect(try await fixture.store.charterVersions().count == 2, "nothing stored, nothing approved")
            #expect(try await fixture.store.charterVersions().last?.status == .proposed)
        }
    }

    @Test("the form is filled with the charter in force, and /charter links to it and to waiting proposals")
    func formAndCharterPage() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (browser, _) = try await Self.signedIn(client, .manager)
            let yaml = try await Self.currentYAML(fixture)
            let form = String(buffer: try await browser.get(client, "/charter/propose").body)
            #expect(form.contains(Self.escaped(yaml)))
            #expect(form.contains("name=\"csrf_token\""))
            let before = String(buffer: try await browser.get(client, "/charter").body)
            #expect(before.contains("href=\"/charter/propose\""))
            #expect(before.contains("No proposal is awaiting approval."))
            let proposal = try await Self.storeProposal(fixture, yaml: Self.loweredTarget(yaml))
            let after = String(buffer: try await browser.get(client, "/charter").body)
            #expect(after.contains("Awaiting approval"))
            #expect(after.contains("href=\"/charter/versions/\(proposal.number)\""))
        }
    }

    @Test("a proposal that does not validate shows the form again (422) with each problem's line and column")
    func badYAML() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (browser, csrf) = try await Self.signedIn(client, .manager)
            let good = try await Self.currentYAML(fixture)
            let bad = good.replacingOccurrences(of: "metric: fcr\n", with: "metric: frc\n")
            #expect(bad != good)
            // Where the bad metric is, found in the text itself.
            let lines = bad.components(separatedBy: "\n")
            let line = try #require(lines.firstIndex { $0.hasSuffix("metric: frc") }) + 1
            let column = try #require(lines[line - 1].range(of: "frc")).lowerBound.utf16Offset(in: lines[line - 1]) + 1
            let response = try await browser.post(
                client,
                "/charter/propose",
                form: [("csrf_token", csrf), ("yaml", bad), ("version", "9.9.9")]
            )
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains("line \(line), column \(column)"), "expected line \(line), column \(column)")
            #expect(html.contains("frc"))
            #expect(html.contains("value=\"9.9.9\""), "the label is kept")
            #expect(html.contains("<tr id=\"line-\(line)\" class=\"marked\">"), "the bad line is marked in the text")
            #expect(try await fixture.store.charterVersions().count == 1, "nothing stored")

            // A YAML syntax error (a tab where an indent should be) has one location.
            let tabbed = good.replacingOccurrences(of: "\n  office:", with: "\n\toffice:")
            let tabLine = try #require(tabbed.components(separatedBy: "\n").firstIndex { $0 == "\toffice:" }) + 1
            let syntax = try await browser.post(
                client,
                "/charter/propose",
                form: [("csrf_token", csrf), ("yaml", tabbed)]
            )
            #expect(syntax.status == .unprocessableContent)
            #expect(String(buffer: syntax.body).contains("line \(tabLine), column "))
        }
    }

    @Test("the form's CRLF line ends are stored as LF, so the diff shows the one changed line")
    func lineEndsAndDiff() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (browser, csrf) = try await Self.signedIn(client, .manager)
            let yaml = try await Self.currentYAML(fixture)
            let crlf = Self.loweredTarget(yaml).replacingOccurrences(of: "\n", with: "\r\n")
            let response = try await browser.post(
                client,
                "/charter/propose",
                form: [("csrf_token", csrf), ("yaml", crlf)]
            )
            #expect(response.status == .seeOther)
            let stored = try #require(try await fixture.store.charterVersions().last)
            #expect(stored.yaml == Self.loweredTarget(yaml))
            let html = String(buffer: try await browser.get(client, "/charter/versions/\(stored.number)").body)
            #expect(html.components(separatedBy: "<tr class=\"removed\">").count - 1 == 1)
            #expect(html.components(separatedBy: "<tr class=\"added\">").count - 1 == 1)
            #expect(html.contains("<code>    target: {atLeast: 65%}</code>"))
            #expect(html.contains("<code>    target: {atLeast: 40%}</code>"))
            // All but three unchanged lines either side of the change fold away, before it and after it.
            let lines = yaml.components(separatedBy: "\n").dropLast()
            let changed = try #require(lines.firstIndex { $0.hasSuffix("target: {atLeast: 65%}") }) + 1
            #expect(html.contains("… \(changed - 1 - 3) unchanged"))
            #expect(html.contains("… \(lines.count - changed - 3) unchanged"))
            #expect(html.contains("Wording scorecard: "))
            #expect(html.contains("proposed, awaiting approval"))
            #expect(!html.contains("/approve\""), "a manager gets no approve form")
            var (admin, _) = try await Self.signedIn(client, .admin)
            let adminHTML = String(buffer: try await admin.get(client, "/charter/versions/\(stored.number)").body)
            #expect(adminHTML.contains("action=\"/charter/versions/\(stored.number)/approve\""))
        }
    }

    @Test("approving a proposal makes /api/promises use it; approving it twice is 409, an unknown one 404")
    func approveChangesTheReport() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (browser, csrf) = try await Self.signedIn(client, .admin)
            func fcrBound() async throws -> Double? {
                let headers: HTTPFields = [.authorization: "Bearer \(fixture.tokens[.viewer]!)"]
                let response = try await client.execute(uri: "/api/promises", method: .get, headers: headers)
                let report = try JSONDecoder().decode(CheckReport.self, from: Data(String(buffer: response.body).utf8))
                return report.promises.first { $0.id == "first-contact-resolution" }?.target.bound
            }
            let before = try #require(try await fcrBound())
            #expect(abs(before - 0.65) < 1e-9)
            let yaml = Self.loweredTarget(try await Self.currentYAML(fixture))
            let proposed = try await browser.post(
                client,
                "/charter/propose",
                form: [("csrf_token", csrf), ("yaml", yaml)]
            )
            let location = try #require(proposed.headers[.location])
            let proposedOnly = try #require(try await fcrBound())
            #expect(abs(proposedOnly - 0.65) < 1e-9, "a proposal is not in force")
            let approved = try await browser.post(client, location + "/approve", form: [("csrf_token", csrf)])
            #expect(approved.status == .seeOther)
            let after = try #require(try await fcrBound())
            #expect(abs(after - 0.40) < 1e-9)
            let version = try #require(try await fixture.store.charterVersions().last)
            #expect(version.status == .approved && version.approvedBy == "admin")
            let twice = try await browser.post(client, location + "/approve", form: [("csrf_token", csrf)])
            #expect(twice.status == .conflict)
            #expect(String(buffer: twice.body).contains("approved already"))
            let unknown = try await browser.post(client, "/charter/versions/99/approve", form: [("csrf_token", csrf)])
            #expect(unknown.status == .notFound)
            let page = try await browser.get(client, "/charter/versions/99")
            #expect(page.status == .notFound)
            let html = String(buffer: try await browser.get(client, location).body)
            #expect(html.contains("approved, in force"))
        }
    }

    @Test("a proposal older than the charter in force cannot be approved (it would change nothing)")
    func staleProposal() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (browser, csrf) = try await Self.signedIn(client, .admin)
            let yaml = try await Self.currentYAML(fixture)
            let older = try await Self.storeProposal(fixture, yaml: Self.loweredTarget(yaml))
            let newer = try await Self.storeProposal(fixture, yaml: yaml + "# newer\n")
            let first = try await browser.post(
                client,
                "/charter/versions/\(newer.number)/approve",
                form: [("csrf_token", csrf)]
            )
            #expect(first.status == .seeOther)
            let stale = try await browser.post(
                client,
                "/charter/versions/\(older.number)/approve",
                form: [("csrf_token", csrf)]
            )
            #expect(stale.status == .conflict)
            #expect(try await fixture.store.charterVersions().first { $0.number == older.number }?.status == .proposed)
        }
    }

    @Test(
        "GET /api/charter: every role reads it; agents and viewers see no proposals",
        arguments: [nil] + Role.allCases
    )
    func apiRead(_ role: Role?) async throws {
        try await ServerFixture.withFixture { fixture, client in
            let yaml = try await Self.currentYAML(fixture)
            let proposal = try await Self.storeProposal(fixture, yaml: Self.loweredTarget(yaml))
            var headers: HTTPFields = [:]
            if let role { headers[.authorization] = "Bearer \(fixture.tokens[role]!)" }
            let response = try await client.execute(uri: "/api/charter", method: .get, headers: headers)
            let single = try await client.execute(
                uri: "/api/charter/versions/\(proposal.number)",
                method: .get,
                headers: headers
            )
            guard let role else {
                #expect(response.status == .unauthorized && single.status == .unauthorized)
                return
            }
            #expect(response.status == .ok)
            let json = try JSONDecoder().decode(CharterBody.self, from: Data(String(buffer: response.body).utf8))
            let current = try #require(json.current)
            #expect(current.number == 1)
            #expect(current.status == "approved")
            #expect(current.yaml == yaml)
            #expect(json.versions.allSatisfy { $0.yaml == nil }, "the list leaves the YAML out")
            let numbers = json.versions.map(\.number)
            if role == .manager || role == .admin {
                #expect(numbers == [1, proposal.number])
                #expect(single.status == .ok)
                #expect(String(buffer: single.body).contains("\"proposedBy\" : \"manager\""))
            } else {
                #expect(numbers == [1])
                #expect(single.status == .notFound)
            }
        }
    }

    @Test(
        "POST /api/charter/versions: managers and admins by token, 201 with Location; others 401 or 403",
        arguments: [nil] + Role.allCases
    )
    func apiPropose(_ role: Role?) async throws {
        try await ServerFixture.withFixture { fixture, client in
            let yaml = Self.loweredTarget(try await Self.currentYAML(fixture))
            var headers: HTTPFields = [.contentType: "application/yaml"]
            if let role { headers[.authorization] = "Bearer \(fixture.tokens[role]!)" }
            let response = try await client.execute(
                uri: "/api/charter/versions?note=lower%20FCR&version=1.2.0",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: yaml)
            )
            switch role {
            case nil: #expect(response.status == .unauthorized)
            case .viewer, .agent: #expect(response.status == .forbidden)
            case .manager, .admin:
                #expect(response.status == .created)
                #expect(response.headers[.location] == "/api/charter/versions/2")
                let body = String(buffer: response.body)
                #expect(body.contains("\"number\" : 2") && body.contains("\"status\" : \"proposed\""))
                let stored = try #require(try await fixture.store.charterVersions().last)
                #expect(stored.yaml == yaml && stored.note == "lower FCR" && stored.version == "1.2.0")
                #expect(stored.proposedBy == "\(role!.rawValue)-token")
            }
            if role != .manager && role != .admin {
                #expect(try await fixture.store.charterVersions().count == 1)
            }
        }
    }

    @Test("POST /api/charter/versions with a bad charter answers 422 with the diagnostics' lines and columns")
    func apiProposeInvalid() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let good = try await Self.currentYAML(fixture)
            let bad = good.replacingOccurrences(of: "metric: fcr\n", with: "metric: frc\n")
            let line = try #require(bad.components(separatedBy: "\n").firstIndex { $0.hasSuffix("metric: frc") }) + 1
            let headers: HTTPFields = [.authorization: "Bearer \(fixture.tokens[.manager]!)"]
            let response = try await client.execute(
                uri: "/api/charter/versions",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: bad)
            )
            #expect(response.status == .unprocessableContent)
            let json = try JSONDecoder().decode(Refused.self, from: Data(String(buffer: response.body).utf8))
            #expect(json.error == "invalid-charter")
            #expect(json.diagnostics.contains { $0.line == line && ($0.column ?? 0) > 0 && $0.message.contains("frc") })
        }
    }

    @Test("API approval: admins only; a session must send X-CSRF-Token; twice is 409")
    func apiApprove() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let proposal = try await Self.storeProposal(
                fixture,
                yaml: Self.loweredTarget(try await Self.currentYAML(fixture))
            )
            let uri = "/api/charter/versions/\(proposal.number)/approve"
            for role in [Role.viewer, .agent, .manager] {
                let headers: HTTPFields = [.authorization: "Bearer \(fixture.tokens[role]!)"]
                let status = try await client.execute(uri: uri, method: .post, headers: headers).status
                #expect(status == .forbidden, "\(role.rawValue)")
            }
            let anonymous = try await client.execute(uri: uri, method: .post).status
            #expect(anonymous == .unauthorized)
            // A session: without the header refused, with it approved.
            let (browser, csrf) = try await Self.signedIn(client, .admin)
            let withoutToken = try await client.execute(uri: uri, method: .post, headers: browser.headers).status
            #expect(withoutToken == .forbidden)
            var headers = browser.headers
            headers[HTTPField.Name("X-CSRF-Token")!] = csrf
            let approved = try await client.execute(uri: uri, method: .post, headers: headers)
            #expect(approved.status == .ok)
            #expect(String(buffer: approved.body).contains("\"status\" : \"approved\""))
            let adminToken: HTTPFields = [.authorization: "Bearer \(fixture.tokens[.admin]!)"]
            let twice = try await client.execute(uri: uri, method: .post, headers: adminToken)
            #expect(twice.status == .conflict)
            #expect(String(buffer: twice.body).contains("\"error\" : \"conflict\""))
            let unknown = try await client.execute(
                uri: "/api/charter/versions/42/approve",
                method: .post,
                headers: adminToken
            )
            #expect(unknown.status == .notFound)
        }
    }

    @Test("names and notes in a proposal are escaped on the pages")
    func escaping() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (browser, csrf) = try await Self.signedIn(client, .manager)
            let yaml = Self.loweredTarget(try await Self.currentYAML(fixture))
            let attack = "<script>alert(1)</script>\"'"
            let response = try await browser.post(
                client,
                "/charter/propose",
                form: [("csrf_token", csrf), ("yaml", yaml + "# \(attack)\n"), ("version", attack), ("note", attack)]
            )
            let location = try #require(response.headers[.location])
            for page in [location, "/charter"] {
                let html = String(buffer: try await browser.get(client, page).body)
                #expect(!html.contains("<script>"), "\(page)")
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(page)")
            }
        }
    }

    /// `GET /api/charter`'s answer, as a client reads it.
    struct CharterBody: Decodable {
        struct Version: Decodable {
            var number: Int
            var status: String
            var yaml: String?
            var proposedBy: String?
        }
        var current: Version?
        var versions: [Version]
    }

    /// A refused proposal, as a client reads it.
    struct Refused: Decodable {
        struct Diagnostic: Decodable {
            var line: Int?
            var column: Int?
            var message: String
        }
        var error: String
        var diagnostics: [Diagnostic]
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
