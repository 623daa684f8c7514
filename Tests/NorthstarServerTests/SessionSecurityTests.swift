import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

@Suite("Sign-in, sessions, CSRF and secrets")
struct SessionSecurityTests {
    @Test("a right password signs in with an HttpOnly, SameSite=Lax session cookie and goes where it was asked")
    func loginSucceeds() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            let page = try await browser.get(client, "/login?next=%2Fapi%2Fpromises")
            let token = try #require(Browser.hiddenField("csrf_token", in: String(buffer: page.body)))
            let response = try await browser.post(
                client,
                "/login",
                form: [
                    ("csrf_token", token), ("next", "/api/promises"), ("name", "admin"),
                    ("password", ServerFixture.password),
                ]
            )
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/api/promises")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("northstar_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain HTTP: no Secure flag")
            let id = try #require(browser.cookies["northstar_session"])
            // The store holds the id's hash, not the id.
            #expect(try await fixture.store.session(idHash: id) == nil)
            #expect(try await fixture.store.session(idHash: Secrets.sha256Hex(id))?.userName == "admin")
            let status1 = try await browser.get(client, "/").status
            #expect(status1 == .ok)
        }
    }

    @Test("the session cookie is Secure when the request came over TLS")
    func secureCookie() async throws {
        try await ServerFixture.withFixture { _, client in
            let page = try await client.execute(uri: "/login", method: .get)
            let cookie = try #require(page.headers[values: .setCookie].first)
            #expect(!cookie.contains("Secure"))
            let tls = try await client.execute(
                uri: "/login",
                method: .get,
                headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"]
            )
            #expect(try #require(tls.headers[values: .setCookie].first).contains("Secure"))
        }
    }

    @Test("a wrong password or an unknown name is refused with the same words")
    func loginFails() async throws {
        try await ServerFixture.withFixture { _, client in
            var browser = Browser()
            let wrong = try await browser.logIn(client, name: "admin", password: "wrong password")
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains("The name or password is not right."))
            #expect(browser.cookies["northstar_session"] == nil)
            let unknown = try await browser.logIn(client, name: "nobody", password: "whatever1")
            #expect(unknown.status == .unauthorized)
            #expect(String(buffer: unknown.body).contains("The name or password is not right."))
            let status2 = try await browser.get(client, "/").status
            #expect(status2 == .seeOther)
        }
    }

    @Test("five failures for one name lock it for 15 minutes, even with the right password")
    func rateLimitPerName() async throws {
        try await ServerFixture.withFixture { fixture, client in
            for attempt in 0..<5 {
                var browser = Browser(address: "198.51.100.\(attempt)")
                let status3 = try await browser.logIn(client, name: "manager", password: "nope-\(attempt)").status
                #expect(status3 == .unauthorized)
            }
            var browser = Browser(address: "203.0.113.99")
            let locked = try await browser.logIn(client, name: "manager")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[.retryAfter] != nil)
            fixture.clock.advance(15 * 60 + 1)
            let status4 = try await browser.logIn(client, name: "manager").status
            #expect(status4 == .seeOther)
        }
    }

    @Test("five failures from one address lock that address for every name")
    func rateLimitPerAddress() async throws {
        try await ServerFixture.withFixture { _, client in
            var attacker = Browser(address: "192.0.2.66")
            for name in ["a1", "a2", "a3", "a4", "a5"] {
                let status5 = try await attacker.logIn(client, name: name, password: "guess-guess").status
                #expect(status5 == .unauthorized)
            }
            let status6 = try await attacker.logIn(client, name: "admin").status
            #expect(status6 == .tooManyRequests)
            var other = Browser(address: "192.0.2.67")
            let status7 = try await other.logIn(client, name: "admin").status
            #expect(status7 == .seeOther)
        }
    }

    @Test("a login POST without the form's CSRF token is refused with 403")
    func loginCSRF() async throws {
        try await ServerFixture.withFixture { _, client in
            var browser = Browser()
            _ = try await browser.get(client, "/login")
            let response = try await browser.post(
                client,
                "/login",
                form: [("csrf_token", "forged"), ("name", "admin"), ("password", ServerFixture.password)]
            )
            #expect(response.status == .forbidden)
            #expect(browser.cookies["northstar_session"] == nil)
        }
    }

    @Test("logout without the session's CSRF token is refused, with it the session ends")
    func logout() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: "viewer")
            let id = try #require(browser.cookies["northstar_session"])
            let forged = try await browser.post(client, "/logout", form: [("csrf_token", "forged")])
            #expect(forged.status == .forbidden)
            let missing = try await browser.post(client, "/logout", form: [])
            #expect(missing.status == .forbidden)
            let status8 = try await browser.get(client, "/").status
            #expect(status8 == .ok, "still signed in after refused logouts")

            let page = String(buffer: try await browser.get(client, "/").body)
            let token = try #require(Browser.hiddenField("csrf_token", in: page))
            let out = try await browser.post(client, "/logout", form: [("csrf_token", token)])
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            #expect(try await fixture.store.session(idHash: Secrets.sha256Hex(id)) == nil)
            // The old cookie, replayed, signs no one in.
            var replay = Browser()
            replay.cookies["northstar_session"] = id
            let status9 = try await replay.get(client, "/").status
            #expect(status9 == .seeOther)
        }
    }

    @Test("a session idle for more than 12 hours ends; one in use stays")
    func sessionExpiry() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: "manager")
            fixture.clock.advance(11 * 3_600)
            let status10 = try await browser.get(client, "/").status
            #expect(status10 == .ok)
            fixture.clock.advance(11 * 3_600)
            let status11 = try await browser.get(client, "/").status
            #expect(status11 == .ok, "used 11 hours ago: still valid")
            fixture.clock.advance(12 * 3_600 + 1)
            let id = try #require(browser.cookies["northstar_session"])
            let expired = try await browser.get(client, "/")
            #expect(expired.status == .seeOther)
            #expect(try await fixture.store.session(idHash: Secrets.sha256Hex(id)) == nil, "an idle session is deleted")
            let status12 = try await browser.get(client, "/api/promises").status
            #expect(status12 == .unauthorized)
        }
    }

    @Test("a sign-in sweeps away sessions idle past the timeout that nobody came back to")
    func sweepOnLogin() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var idle = Browser(address: "192.0.2.20")
            try await idle.logIn(client, name: "viewer")
            let id = try #require(idle.cookies["northstar_session"])
            fixture.clock.advance(13 * 3_600)
            var other = Browser(address: "192.0.2.21")
            try await other.logIn(client, name: "admin")
            #expect(try await fixture.store.session(idHash: Secrets.sha256Hex(id)) == nil)
            let otherID = try #require(other.cookies["northstar_session"])
            #expect(try await fixture.store.session(idHash: Secrets.sha256Hex(otherID)) != nil)
        }
    }

    @Test("stored secrets: token hashes are SHA-256 hex, password hashes bcrypt, neither the secret itself")
    func storedSecrets() async throws {
        let fixture = try await ServerFixture.make()
        let tokens = try await fixture.store.tokens()
        for token in tokens {
            #expect(token.tokenHash.count == 64)
            #expect(token.tokenHash.allSatisfy { $0.isHexDigit })
            #expect(token.tokenHash == Secrets.sha256Hex(fixture.tokens[token.role]!))
            #expect(!fixture.tokens.values.contains(token.tokenHash))
        }
        for user in try await fixture.store.users() {
            let hash = try #require(user.passwordHash)
            #expect(hash.hasPrefix("$2"))
            #expect(!hash.contains(ServerFixture.password))
            #expect(Secrets.verifyPassword(ServerFixture.password, hash: hash))
        }
        #expect(Secrets.hashPassword("x", cost: 5).hasPrefix("$2b$05$"))
        try await fixture.store.close()
        try? FileManager.default.removeItem(at: fixture.directory)
    }

    @Test("next= after sign-in never leaves the site")
    func openRedirect() async throws {
        try await ServerFixture.withFixture { _, client in
            var browser = Browser()
            let page = try await browser.get(client, "/login")
            let token = try #require(Browser.hiddenField("csrf_token", in: String(buffer: page.body)))
            let response = try await browser.post(
                client,
                "/login",
                form: [
                    ("csrf_token", token), ("next", "//evil.example/"), ("name", "admin"),
                    ("password", ServerFixture.password),
                ]
            )
            #expect(response.headers[.location] == "/")
        }
    }
}
