import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

@Suite("The users and tokens pages")
struct AdminPagesTests {
    static let pageCases: [(String, Role?, HTTPResponse.Status)] = ["/admin/users", "/admin/tokens"].flatMap {
        path -> [(String, Role?, HTTPResponse.Status)] in
        [
            (path, nil, .seeOther), (path, .viewer, .forbidden), (path, .agent, .forbidden),
            (path, .manager, .forbidden), (path, .admin, .ok),
        ]
    }

    @Test("the pages answer admins only", arguments: pageCases)
    func pages(_ path: String, _ role: Role?, _ expected: HTTPResponse.Status) async throws {
        try await ServerFixture.withFixture { _, client in
            var (browser, _) = try await CharterProposalTests.signedIn(client, role)
            let response = try await browser.get(client, path)
            #expect(response.status == expected, "\(path) as \(role?.rawValue ?? "anonymous")")
            if expected == .seeOther { #expect(response.headers[.location]?.hasPrefix("/login") == true) }
            if expected == .ok { #expect(response.headers[.contentType] == "text/html; charset=utf-8") }
        }
    }

    static let postPaths = ["/admin/users", "/admin/users/remove", "/admin/tokens", "/admin/tokens/revoke"]

    @Test("every form POST is refused to anyone but an admin", arguments: postPaths)
    func postsByRole(_ path: String) async throws {
        try await ServerFixture.withFixture { fixture, client in
            for role in [nil, Role.viewer, .agent, .manager] {
                var (browser, csrf) = try await CharterProposalTests.signedIn(client, role)
                let response = try await browser.post(
                    client,
                    path,
                    form: [
                        ("csrf_token", csrf), ("name", "viewer-token"), ("role", "admin"),
                        ("password", "long enough password"),
                    ]
                )
                if role == nil {
                    #expect(response.status == .seeOther && response.headers[.location]?.hasPrefix("/login") == true)
                } else {
                    #expect(response.status == .forbidden, "\(path) as \(role!.rawValue)")
                }
            }
            #expect(try await fixture.store.users().count == Role.allCases.count)
            #expect(try await fixture.store.tokens().count == Role.allCases.count)
        }
    }

    @Test("every form POST without the session's CSRF token is refused with 403", arguments: postPaths)
    func csrf(_ path: String) async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (browser, _) = try await CharterProposalTests.signedIn(client, .admin)
            let response = try await browser.post(
                client,
                path,
                form: [("name", "viewer-token"), ("role", "viewer"), ("password", "long enough password")]
            )
            #expect(response.status == .forbidden)
            let forged = try await browser.post(
                client,
                path,
                form: [
                    ("csrf_token", "forged"), ("name", "viewer"), ("role", "viewer"), ("password", "long enough pw"),
                ]
            )
            #expect(forged.status == .forbidden)
            #expect(try await fixture.store.users().count == Role.allCases.count)
            #expect(try await fixture.store.tokens().count == Role.allCases.count)
        }
    }

    @Test("an added user signs in with the password; once removed, their session ends and sign-in fails")
    func userRoundTrip() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (admin, csrf) = try await CharterProposalTests.signedIn(client, .admin)
            let added = try await admin.post(
                client,
                "/admin/users",
                form: [
                    ("csrf_token", csrf), ("name", "nina"), ("role", "manager"), ("agent_id", ""),
                    ("team", "Voice"), ("password", "nina's long password"),
                ]
            )
            #expect(added.status == .seeOther && added.headers[.location] == "/admin/users")
            let stored = try #require(try await fixture.store.user(named: "nina"))
            #expect(stored.role == .manager && stored.team == "Voice" && stored.agentID == nil)
            #expect(stored.passwordHash?.hasPrefix("$2") == true, "a bcrypt hash")
            #expect(stored.passwordHash?.contains("nina's long password") == false)
            let list = String(buffer: try await admin.get(client, "/admin/users").body)
            #expect(list.contains("<option value=\"viewer\" selected>"), "the least-privileged role by default")
            #expect(!list.contains("<option value=\"admin\" selected>"))
            #expect(list.contains("<td>nina</td><td>manager</td>"))
            #expect(!list.contains(stored.passwordHash!), "the page never shows a hash")

            var nina = Browser(address: "198.51.100.7")
            let login = try await nina.logIn(client, name: "nina", password: "nina's long password")
            #expect(login.status == .seeOther && login.headers[.location] == "/")
            let charter = try await nina.get(client, "/charter")
            #expect(charter.status == .ok, "the new user has the manager's pages")
            let session = try #require(nina.cookies["northstar_session"])

            let removed = try await admin.post(
                client,
                "/admin/users/remove",
                form: [("csrf_token", csrf), ("name", "nina")]
            )
            #expect(removed.status == .seeOther)
            #expect(try await fixture.store.user(named: "nina") == nil)
            #expect(try await fixture.store.session(idHash: Secrets.sha256Hex(session)) == nil, "the session is gone")
            let after = try await nina.get(client, "/charter")
            #expect(after.status == .seeOther && after.headers[.location]?.hasPrefix("/login") == true)
            var again = Browser(address: "198.51.100.8")
            let refused = try await again.logIn(client, name: "nina", password: "nina's long password")
            #expect(refused.status == .unauthorized)
        }
    }

    @Test("a refused user shows the form again with what to fix, keeping what was typed but the password")
    func userRefusals() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (admin, csrf) = try await CharterProposalTests.signedIn(client, .admin)
            func add(_ name: String, _ role: String, _ password: String) async throws -> TestResponse {
                try await admin.post(
                    client,
                    "/admin/users",
                    form: [
                        ("csrf_token", csrf), ("name", name), ("role", role), ("team", "Chat"), ("password", password),
                    ]
                )
            }
            let duplicate = try await add("viewer", "viewer", "long enough password")
            #expect(duplicate.status == .conflict)
            #expect(String(buffer: duplicate.body).contains("A user named viewer exists already."))
            let badRole = try await add("sam", "owner", "long enough password")
            #expect(badRole.status == .unprocessableContent)
            #expect(String(buffer: badRole.body).contains("Choose a role"))
            let short = try await add("sam", "agent", "short")
            #expect(short.status == .unprocessableContent)
            let html = String(buffer: short.body)
            #expect(html.contains("The password is too short"))
            #expect(html.contains("value=\"sam\"") && html.contains("value=\"Chat\""))
            #expect(html.contains("<option value=\"agent\" selected>"))
            #expect(!html.contains("value=\"short\""), "the password is never sent back")
            let empty = try await add("  ", "agent", "long enough password")
            #expect(empty.status == .unprocessableContent)
            #expect(try await fixture.store.user(named: "sam") == nil)
            #expect(try await fixture.store.users().count == Role.allCases.count)

            let yourself = try await admin.post(
                client,
                "/admin/users/remove",
                form: [("csrf_token", csrf), ("name", "admin")]
            )
            #expect(yourself.status == .conflict)
            #expect(String(buffer: yourself.body).contains("You cannot remove yourself"))
            #expect(try await fixture.store.user(named: "admin") != nil)
            let unknown = try await admin.post(
                client,
                "/admin/users/remove",
                form: [("csrf_token", csrf), ("name", "nobody")]
            )
            #expect(unknown.status == .notFound)
        }
    }

    @Test("a created token is shown once, authenticates the API, never shows in the list, and revoked answers 401")
    func tokenRoundTrip() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var (admin, csrf) = try await CharterProposalTests.signedIn(client, .admin)
            let created = try await admin.post(
                client,
                "/admin/tokens",
                form: [("csrf_token", csrf), ("name", "reporting"), ("role", "viewer")]
            )
            #expect(created.status == .created)
            #expect(created.headers[.cacheControl] == "no-store")
            let html = String(buffer: created.body)
            let start = try #require(html.range(of: "<code class=\"token\">"))
            let end = try #require(html[start.upperBound...].range(of: "</code>"))
            let token = String(html[start.upperBound..<end.lowerBound])
            #expect(token.count >= 40)
            let record = try #require(try await fixture.store.tokens().first { $0.name == "reporting" })
            #expect(record.role == .viewer && record.tokenHash == Secrets.sha256Hex(token))

            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            let api = try await client.execute(uri: "/api/promises", method: .get, headers: bearer)
            #expect(api.status == .ok)
            let list = String(buffer: try await admin.get(client, "/admin/tokens").body)
            #expect(list.contains("<td>reporting</td><td>viewer</td>"))
            #expect(!list.contains(token), "the token is shown once only")
            #expect(!list.contains(record.tokenHash), "nor its hash")
            #expect(!list.contains("<td>reporting</td><td>viewer</td><td>\(record.createdAt)</td><td>never</td>"))

            let duplicate = try await admin.post(
                client,
                "/admin/tokens",
                form: [("csrf_token", csrf), ("name", "reporting"), ("role", "admin")]
            )
            #expect(duplicate.status == .conflict)
            #expect(!String(buffer: duplicate.body).contains("class=\"token\""), "no token made")
            let badRole = try await admin.post(
                client,
                "/admin/tokens",
                form: [("csrf_token", csrf), ("name", "other"), ("role", "root")]
            )
            #expect(badRole.status == .unprocessableContent)

            let revoked = try await admin.post(
                client,
                "/admin/tokens/revoke",
                form: [("csrf_token", csrf), ("name", "reporting")]
            )
            #expect(revoked.status == .seeOther && revoked.headers[.location] == "/admin/tokens")
            let refused = try await client.execute(uri: "/api/promises", method: .get, headers: bearer)
            #expect(refused.status == .unauthorized)
            let unknown = try await admin.post(
                client,
                "/admin/tokens/revoke",
                form: [("csrf_token", csrf), ("name", "reporting")]
            )
            #expect(unknown.status == .notFound)
        }
    }

    @Test("names with markup are escaped on both pages")
    func escaping() async throws {
        try await ServerFixture.withFixture { _, client in
            var (admin, csrf) = try await CharterProposalTests.signedIn(client, .admin)
            let attack = "<img src=x onerror=alert(1)>\"'"
            let added = try await admin.post(
                client,
                "/admin/users",
                form: [
                    ("csrf_token", csrf), ("name", attack), ("role", "viewer"), ("team", attack),
                    ("password", "long enough password"),
                ]
            )
            #expect(added.status == .seeOther)
            _ = try await admin.post(
                client,
                "/admin/tokens",
                form: [("csrf_token", csrf), ("name", attack), ("role", "viewer")]
            )
            for path in ["/admin/users", "/admin/tokens"] {
                let html = String(buffer: try await admin.get(client, path).body)
                #expect(!html.contains("<img"), "\(path)")
                #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;"), "\(path)")
            }
            // A refused form echoes the name escaped too.
            let refused = try await admin.post(
                client,
                "/admin/users",
                form: [("csrf_token", csrf), ("name", attack), ("role", "viewer"), ("password", "x")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(!String(buffer: refused.body).contains("<img"))
        }
    }

    @Test("the navigation links each role to the pages it may open", arguments: Role.allCases)
    func navigation(_ role: Role) async throws {
        try await ServerFixture.withFixture { _, client in
            var (browser, _) = try await CharterProposalTests.signedIn(client, role)
            let html = String(buffer: try await browser.get(client, "/").body)
            let nav = try #require(
                html.components(separatedBy: "<nav class=\"top\">").last?.components(separatedBy: "</nav>").first
            )
            #expect(nav.contains("href=\"/charter\"") == (role == .admin || role == .manager))
            #expect(nav.contains("href=\"/admin/users\"") == (role == .admin))
            #expect(nav.contains("href=\"/admin/tokens\"") == (role == .admin))
        }
    }
}
