import Foundation
import Testing

@testable import NorthstarCore

@Suite("Exploring data before writing promises")
struct ExplorerTests {
    /// Twenty chats answered after 1…20 seconds, created on Monday 2026-03-02 (UTC) at 09:00.
    static let chats: [Contact] = (1...20).map { seconds in
        var contact = Contact(id: "C\(seconds)", channel: "chat", createdAt: Timestamp(seconds: 1_772_442_000))
        contact.firstResponseAt = Timestamp(seconds: 1_772_442_000 + Int64(seconds))
        contact.category = seconds <= 12 ? "Login" : "Billing"
        contact.tier = "gold"
        return contact
    }

    @Test("distributions by channel use linear percentiles: p80 of 1…20 s is 16.2 s, p90 is 18.1 s")
    func distributions() throws {
        let report = Explorer().explore(Self.chats)
        let chat = try #require(report.groups.first { $0.dimension == "channel" && $0.key == "chat" })
        #expect(chat.contacts == 20)
        #expect(chat.share == 1)
        // numpy.percentile(range(1, 21), [50, 80, 90]) == [10.5, 16.2, 18.1]
        #expect(chat.firstResponse.median == 10.5)
        #expect(abs((chat.firstResponse.p80 ?? 0) - 16.2) < 1e-9)
        #expect(abs((chat.firstResponse.p90 ?? 0) - 18.1) < 1e-9)
        #expect(chat.resolution.n == 0)
    }

    @Test("suggested promises round the team's own p80 and p90 up to figures people say")
    func suggestions() {
        let report = Explorer().explore(Self.chats)
        #expect(report.suggestions.map(\.within) == [20, 20])
        #expect(
            report.suggestions.first?.yaml
                == "- {id: chat-first-response, metric: first-response, where: {channel: chat}, target: {within: 20s, share: 80%}}"
        )
        #expect(Explorer.roundUp(61, live: true) == 120)
        #expect(Explorer.roundUp(3_601, live: false) == 4_500)
    }

    @Test("weekdays and hours in the given zone; the biggest categories first")
    func calendarAndCategories() {
        let utc = Explorer().explore(Self.chats)
        #expect(utc.byWeekday == [20, 0, 0, 0, 0, 0, 0])
        #expect(utc.byHour[9] == 20)
        let tokyo = Explorer(timeZoneIdentifier: "Asia/Tokyo").explore(Self.chats)
        #expect(tokyo.byHour[18] == 20)  // 09:00 UTC is 18:00 in Tokyo (UTC+9)
        #expect(utc.topCategories.map(\.category) == ["Login", "Billing"])
        #expect(utc.topCategories.map(\.contacts) == [12, 8])
    }
}
