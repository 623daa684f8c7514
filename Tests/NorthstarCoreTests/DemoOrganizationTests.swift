import Foundation
import Testing

@testable import NorthstarCore

@Suite("The demo organisation")
struct DemoOrganizationTests {
    static let demo = DemoOrganization(seed: 42)

    @Test("the same seed builds the same organisation; another seed another")
    func reproducible() {
        let again = DemoOrganization(seed: 42)
        #expect(again.contacts.count == Self.demo.contacts.count)
        #expect(again.contacts.prefix(50) == Self.demo.contacts.prefix(50))
        #expect(DemoOrganization(seed: 7).contacts.count != Self.demo.contacts.count)
    }

    @Test("its charter is valid without warnings and its wording passes the gate")
    func charter() throws {
        let result = try CharterLoader.load(bytes: Array(Self.demo.charterYAML.utf8), file: "demo.yaml", today: nil)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.charter.promises.count == 9)
        let report = WordingLinter().lint(result.charter)
        #expect(report.passed)
        #expect(report.traceability.untracedPhrases.isEmpty)
    }

    @Test("a quarter of contacts over three channels, four teams and a hundred agents, with quiet weekends")
    func shape() {
        let contacts = Self.demo.contacts
        #expect(contacts.count > 30_000)
        #expect(Set(contacts.map(\.channel)) == ["chat", "phone", "email"])
        #expect(Set(contacts.compactMap(\.team)) == ["Chat", "Voice", "Email", "Enterprise"])
        #expect(Set(contacts.compactMap(\.agent)).count == 100)
        // Mondays are busier than Sundays (1970-01-01 was a Thursday, so day 4 of the epoch is a Monday).
        func weekday(_ contact: Contact) -> Int { Int(((contact.createdAt.seconds + 7_200) / 86_400 + 3) % 7) }
        let mondays = contacts.filter { weekday($0) == 0 }.count
        let sundays = contacts.filter { weekday($0) == 6 }.count
        #expect(mondays > 3 * sundays)
        #expect(contacts.allSatisfy { $0.createdAt < Self.demo.asOf })
        #expect(contacts.allSatisfy { ($0.firstResponseAt ?? $0.createdAt) >= $0.createdAt })
    }

    @Test("checking it tells the story: chat broken only in the staffing-gap week, email improving to kept")
    func story() throws {
        let charter = try CharterLoader.load(bytes: Array(Self.demo.charterYAML.utf8), file: "demo.yaml", today: nil)
            .charter
        let report = CheckEngine(charter: charter, options: .init(to: Self.demo.asOf)).evaluate(Self.demo.contacts)
        let chat = try #require(report.promises.first { $0.id == "chat-first-response" })
        let broken = chat.periods.filter { $0.verdict == .broken }.map(\.label)
        #expect(broken == ["2026-W21"])
        let email = try #require(report.promises.first { $0.id == "email-first-response" })
        #expect(email.periods.first?.verdict == .broken)
        #expect(email.periods.last(where: { !$0.partial })?.verdict == .kept)
    }
}
