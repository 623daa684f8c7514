import Foundation
import Testing

@testable import NorthstarCore

/// Planning from the charter and the history, on a history simple enough to work out by hand: every half hour
/// for four weeks, 10 calls of 3 minutes answered in 5 seconds, and 2 emails.
@Suite("Staffing plans")
struct StaffingPlanTests {
    static func charter() throws -> Charter {
        let text = """
            northstar: 1
            organization: Acme Support
            timezone: UTC
            vision: Every customer feels cared for after every conversation with our team.
            mission: We answer calls within 20 seconds and emails within 4 hours.
            calendars:
              office: {timezone: UTC, hours: {mon-fri: ["08:00-18:00"]}}
            promises:
              - {id: calls, metric: speed-of-answer, where: {channel: phone}, target: {within: 20s, share: 80%}}
              - {id: emails, metric: first-response, where: {channel: email}, clock: office, target: {within: 4h, share: 90%}}
              - {id: csat, metric: csat, target: {atLeast: 80%}}
            """
        return try CharterLoader.load(bytes: Array(text.utf8), file: "plan.yaml", today: nil).charter
    }

    /// Four weeks from Monday 2026-03-02 00:00 UTC.
    static func history() -> [Contact] {
        let start = Timestamp(rfc3339: "2026-03-02T00:00:00Z")!.seconds
        var contacts: [Contact] = []
        for interval in 0..<(28 * 48) {
            let base = start + Int64(interval) * 1_800
            for call in 0..<10 {
                let created = Timestamp(seconds: base + Int64(call) * 180)
                var contact = Contact(id: "P\(interval)-\(call)", channel: "phone", createdAt: created)
                contact.firstResponseAt = Timestamp(seconds: created.seconds + 5)
                contact.endedAt = Timestamp(seconds: created.seconds + 185)
                contact.abandoned = false
                contacts.append(contact)
            }
            for email in 0..<2 {
                let created = Timestamp(seconds: base + Int64(email) * 900)
                var contact = Contact(id: "E\(interval)-\(email)", channel: "email", createdAt: created)
                contact.firstResponseAt = Timestamp(seconds: created.seconds + 3_600)
                contacts.append(contact)
            }
        }
        // One more contact on the next day, so the fourth week is whole history.
        contacts.append(Contact(id: "last", channel: "phone", createdAt: Timestamp(seconds: start + 28 * 86_400 + 60)))
        return contacts
    }

    @Test(
        "a steady history: 3 agents for the calls (Erlang C by hand), 5 heads at 30% shrinkage, hours and cost by hand"
    )
    func steadyHistory() throws {
        var settings = StaffingPlan.Settings()
        settings.handleTimes = ["email": 600]
        let plan = try StaffingPlanner(charter: Self.charter(), contacts: Self.history(), settings: settings).plan()
        #expect(plan.skipped.map(\.id) == ["csat"])
        #expect(plan.firstDay == LocalDate(year: 2026, month: 3, day: 30))
        let calls = try #require(plan.promises.first { $0.id == "calls" })
        #expect(calls.model == "erlang-c")
        #expect(calls.handleTimeSeconds == 180)
        #expect(calls.intervals.count == 2 * 336)
        #expect(calls.intervals.allSatisfy { abs($0.forecast - 10) < 1e-9 })
        // A = 10 × 180 s / 1,800 s = 1 Erlang. Two agents: P(wait) = 1/3, SL = 1 − e^(−20/180)/3 = 70.2% < 80%.
        // Three: P(wait) = 0.25/2.75, SL = 1 − 0.0909 × e^(−40/180) = 92.7%. Heads: ⌈3 / 0.7⌉ = 5.
        #expect(calls.intervals.allSatisfy { $0.agents == 3 && $0.scheduled == 5 })
        // 5 heads × 336 half hours = 840 hours a week: 21 FTE of 40 hours.
        #expect(abs(calls.weeklyHours - 840) < 1e-9)
        #expect(abs(calls.fte - 21) < 1e-9)
        // 2.5 paid hours per interval at 32: nights (16 of 48 intervals a day) +15%, Saturdays and Sundays +10%:
        // 80 × (336 + 0.15 × 112 + 0.10 × 96) = 28,992 a week.
        #expect(abs(calls.weeklyCost - 28_992) < 1e-6)
        // Emails: 2 × 600 s of work within a 30-minute window at 85%: 1 agent, ⌈1 / 0.7⌉ = 2 heads. Around the
        // clock 2 × 168 h = 8.4 FTE; office hours only (100 half hours a week) 2.5 FTE.
        let emails = try #require(plan.promises.first { $0.id == "emails" })
        #expect(emails.model == "workload")
        #expect(emails.intervals.allSatisfy { $0.agents == 1 && $0.scheduled == 2 })
        #expect(abs(emails.fte - 8.4) < 1e-9 && abs(emails.businessHoursFTE - 2.5) < 1e-9)
        #expect(emails.intervals.prefix(48).filter(\.open).count == 20)  // Monday 08:00–18:00
        // Both channels: 7 heads every half hour.
        #expect(plan.totalScheduled.allSatisfy { $0 == 7 })
        #expect(abs(plan.totalFTE - 29.4) < 1e-9)
    }

    @Test("what-if: a tighter answer time needs more agents, a looser one fewer, and the cost follows")
    func whatIf() throws {
        var settings = StaffingPlan.Settings()
        settings.handleTimes = ["email": 600]
        let planner = try StaffingPlanner(charter: Self.charter(), contacts: Self.history(), settings: settings)
        let base = try planner.plan()
        let share = Share(fraction: 0.99)
        let tighter = try planner.plan(targets: [
            "calls": .attainment(within: CharterDuration(seconds: 20), share: share)
        ])
        let calls = try #require(tighter.promises.first { $0.id == "calls" })
        // 99% within 20 s at 1 Erlang: three agents give 92.7%; four: P(wait) = (1/24 × 4/3) / (1 + 1 + 0.5 + 1/6
        // + 1/18) = 0.0204, SL = 1 − 0.0204 × e^(−60/180) = 98.5%; five: 99.8%.
        #expect(calls.intervals.allSatisfy { $0.agents == 5 })
        #expect(tighter.totalYearlyCost > base.totalYearlyCost)
        // 50% within 20 s: two agents already answer 70.2% in time, at 50% occupancy.
        let looser = try planner.plan(targets: [
            "calls": .attainment(within: CharterDuration(seconds: 20), share: .init(fraction: 0.5))
        ])
        #expect(looser.promises.first { $0.id == "calls" }?.intervals.allSatisfy { $0.agents == 2 } == true)
        #expect(looser.totalYearlyCost < base.totalYearlyCost)
        #expect(base.promises.first { $0.id == "calls" }?.intervals.first?.agents == 3)
    }

    @Test("no handle time for email in the data: the promise is skipped with the flag that fixes it")
    func missingHandleTime() throws {
        let plan = try StaffingPlanner(charter: Self.charter(), contacts: Self.history()).plan()
        let skipped = try #require(plan.skipped.first { $0.id == "emails" })
        #expect(skipped.reason.contains("--handle-time email="))
    }
}
