import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

/// Hostile input where a user can type it: path parameters, query filters, and paths that try to climb out of
/// the server. There are no static files to serve, so nothing outside the routes can be reached.
@Suite("Hostile paths and filters")
struct SecurityProbeTests {
    static let hostile = [
        "<script>alert(1)</script>", "' OR '1'='1", "1; DROP TABLE contacts; --", "../../../etc/passwd",
        "%00", "\u{202E}gnp.exe",
    ]

    /// Every GET route with a user-given part, `X` marking it.
    static let templates = [
        "/promises/X", "/agents/X", "/teams/X", "/import/runs/X", "/import/runs/X/rejects.csv",
        "/charter/versions/X", "/api/promises/X", "/api/agents/X", "/api/teams/X", "/api/charter/versions/X",
        "/staffing?promise=X&within=X&share=X&handle_time=X&hourly_cost=X", "/staffing?promise=X",
        "/?period=X", "/explore?channel=X", "/login?next=X",
    ]

    @Test("hostile values are plain values: never a server error, never echoed as markup, the store intact")
    func hostileValues() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let contacts = try await fixture.store.contactCount()
            let users = try await fixture.store.users().count
            var browser = Browser()
            try await browser.logIn(client, name: "admin")
            for template in Self.templates {
                for value in Self.hostile {
                    let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
                    let uri = template.replacingOccurrences(of: "X", with: encoded)
                    let response = try await browser.get(client, uri)
                    #expect(response.status.code < 500, "\(uri) answered \(response.status)")
                    let body = String(buffer: response.body)
                    #expect(!body.contains("<script>alert(1)</script>"), "\(uri) echoes markup")
                }
            }
            #expect(try await fixture.store.contactCount() == contacts)
            #expect(try await fixture.store.users().count == users)
        }
    }

    @Test(
        "paths that climb out of the routes find nothing",
        arguments: [
            "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/static/../Package.swift",
            "/..%2f..%2fPackage.swift", "/Resources/openapi.yaml", "/.build/debug", "/northstar.db", "/.git/config",
        ]
    )
    func traversal(_ path: String) async throws {
        try await ServerFixture.withFixture { _, client in
            var browser = Browser()
            try await browser.logIn(client, name: "admin")
            let response = try await browser.get(client, path)
            #expect(response.status == .notFound, "\(path) answered \(response.status)")
            let body = String(buffer: response.body)
            #expect(!body.contains("root:"))
            #expect(!body.contains("swift-tools-version"))
            #expect(!body.contains("SQLite format"))
        }
    }
}
