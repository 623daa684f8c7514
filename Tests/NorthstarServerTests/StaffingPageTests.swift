import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

@Suite("The staffing and explore pages")
struct StaffingPageTests {
    static let pageCases: [(String, Role?, HTTPResponse.Status)] = [
        ("/staffing", nil, .seeOther), ("/staffing", .viewer, .forbidden), ("/staffing", .agent, .forbidden),
        ("/staffing", .manager, .ok), ("/staffing", .admin, .ok),
        ("/explore", nil, .seeOther), ("/explore", .viewer, .forbidden), ("/explore", .agent, .forbidden),
        ("/explore", .manager, .ok), ("/explore", .admin, .ok),
    ]

    @Test("the staffing and explore pages answer each role as the access table says", arguments: pageCases)
    func pages(_ path: String, _ role: Role?, _ expected: HTTPResponse.Status) async throws {
        try await ServerFixture.withFixture { _, client in
            var browser = Browser()
            if let role { try await browser.logIn(client, name: role.rawValue) }
            let response = try await browser.get(client, path)
            #expect(response.status == expected, "\(path) as \(role?.rawValue ?? "anonymous")")
            if expected == .seeOther { #expect(response.headers[.location]?.hasPrefix("/login") == true) }
            if expected == .ok { #expect(String(buffer: response.body).contains("<svg")) }
        }
    }

    @Test("the staffing page plans every promise of the charter or says why not, as the planner does")
    func staffingPlan() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            var browser = Browser()
            try await browser.logIn(client, name: "manager")
            let response = try await browser.get(client, "/staffing")
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            // The same plan made here from the store's contacts.
            let plan = try StaffingPlanner(charter: subjects.charter, contacts: subjects.contacts).plan()
            #expect(!plan.promises.isEmpty)
            for promise in subjects.charter.promises {
                let planned = html.contains("id=\"plan-\(promise.id)\"")
                let skipped = html.contains("id=\"skipped-\(promise.id)\"")
                #expect(planned != skipped, "\(promise.id) is either planned or listed as not staffed")
            }
            for promise in plan.promises {
                let row = try #require(Self.row("plan-\(promise.id)", in: html))
                #expect(row.contains(">\(String(format: "%.1f", promise.fte))</td>"), "\(promise.id) FTE")
            }
            for skipped in plan.skipped {
                let row = try #require(Self.row("skipped-\(skipped.id)", in: html))
                #expect(row.contains(MarkupEscaping.html(skipped.reason)))
            }
            #expect(html.contains("Heads needed, all channels"))
            #expect(html.contains("<form method=\"get\" action=\"/staffing\""))
        }
    }

    @Test("a tighter target in the form plans again and needs at least as many people")
    func whatIf() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            var browser = Browser()
            try await browser.logIn(client, name: "admin")
            let base = try StaffingPlanner(charter: subjects.charter, contacts: subjects.contacts).plan()
            let id = try #require(base.promises.first?.id)
            let response = try await browser.get(client, "/staffing?promise=\(id)&within=5s&share=")
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("What if \(id): within 5s"))
            #expect(html.contains("<option value=\"\(id)\" selected=\"selected\">"))
            #expect(html.contains("name=\"within\" size=\"6\" value=\"5s\""))
            let row = try #require(Self.row("plan-\(id)", in: html))
            let before = try #require(base.promises.first(where: { $0.id == id }))
            let cells = row.components(separatedBy: "<td class=\"num\">").dropFirst().map {
                String($0.prefix { $0 != "<" })
            }
            // Columns: handle time, peak agents, hours, FTE 24/7, …
            let fte = try #require(Double(cells[3]))
            #expect(fte >= (before.fte * 10).rounded() / 10, "5 seconds needs at least the people 1 minute does")
        }
    }

    @Test(
        "bad what-if input is refused with the reason and the form, never echoed raw",
        arguments: [
            "/staffing?promise=chat-first-response&within=soon", "/staffing?promise=%3Cscript%3E&within=20s",
            "/staffing?hourly_cost=-3", "/staffing?handle_time=%3Cscript%3E",
        ]
    )
    func badInput(_ uri: String) async throws {
        try await ServerFixture.withFixture { _, client in
            var browser = Browser()
            try await browser.logIn(client, name: "manager")
            let response = try await browser.get(client, uri)
            #expect(response.status == .badRequest)
            let html = String(buffer: response.body)
            #expect(html.contains("class=\"error\" role=\"alert\""))
            #expect(html.contains("<form method=\"get\" action=\"/staffing\""))
            #expect(!html.contains("<script"))
        }
    }

    @Test("a handle time from the form staffs a channel the data has none for")
    func handleTime() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            let base = try StaffingPlanner(charter: subjects.charter, contacts: subjects.contacts).plan()
            // The demo's emails carry no handle time, so the plan skips their promise until one is given.
            let email = try #require(base.skipped.first(where: { $0.reason.contains("handle time") }))
            var browser = Browser()
            try await browser.logIn(client, name: "manager")
            let html = String(buffer: try await browser.get(client, "/staffing?handle_time=email%3D8m").body)
            #expect(html.contains("id=\"plan-\(email.id)\""))
            #expect(!html.contains("id=\"skipped-\(email.id)\""))
        }
    }

    @Test("the explore page counts the stored contacts by channel and tier, and charts the arrivals")
    func explore() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let subjects = try await Subjects.read(fixture)
            var browser = Browser()
            try await browser.logIn(client, name: "manager")
            let response = try await browser.get(client, "/explore")
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("\(MarkupEscaping.grouped(subjects.contacts.count)) stored contacts"))
            for (channel, count) in Dictionary(grouping: subjects.contacts, by: \.channel).mapValues(\.count) {
                #expect(html.contains("<tr><td>\(channel)</td><td class=\"num\">\(MarkupEscaping.grouped(count))</td>"))
            }
            for (tier, count) in Dictionary(grouping: subjects.contacts, by: { $0.tier ?? "(none)" }).mapValues(\.count)
            {
                #expect(html.contains("<tr><td>\(tier)</td><td class=\"num\">\(MarkupEscaping.grouped(count))</td>"))
            }
            #expect(html.contains("class=\"bars\""))
            #expect(html.contains("Top categories") && html.contains("Promises you already keep"))
        }
    }

    /// The HTML of the table row with this id.
    static func row(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</tr>") else { return nil }
        return String(rest[..<end.lowerBound])
    }
}
