import Foundation

/// A realistic demo support organisation: a charter and a quarter of contacts over chat, phone and email,
/// three tiers, four teams and a hundred agents, with daily and weekly seasonality and a story in the
/// numbers (a chat staffing gap in ISO week 21, email getting faster through the quarter, busy Mondays on the
/// phones). The same seed always builds the same organisation.
public struct DemoOrganization: Sendable {
    /// The charter, as YAML.
    public let charterYAML: String
    /// The contacts, in creation order.
    public let contacts: [Contact]
    /// The end of the data: open contacts are judged as of this instant.
    public let asOf: Timestamp

    /// The first day of the demo quarter (a Monday), and its length in weeks.
    static let firstDay = LocalDate(year: 2026, month: 3, day: 30)!
    static let weeks = 13
    /// Amsterdam is UTC+2 for the whole demo quarter (summer time from 29 March to 25 October 2026).
    static let utcOffset: Int64 = 2 * 3_600
    /// Dutch public holidays in the quarter: Easter Monday, King's Day, Liberation Day, Ascension, Whit Monday.
    static let holidays = ["2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25"]

    /// Builds the organisation from a seed; `scale` multiplies the daily volume (1 is about 560 contacts a day).
    public init(seed: UInt64 = 42, scale: Double = 1) {
        var random = SeededGenerator(seed: seed)
        var contacts: [Contact] = []
        let holidays = Set(Self.holidays.compactMap { try? LocalDate.parse($0).get() })
        let end = Timestamp(
            seconds: Int64(Self.firstDay.adding(days: Self.weeks * 7).daysSinceEpoch) * 86_400 - Self.utcOffset
        )
        let agents = Self.agents
        let categories = [
            "Login", "Billing", "Shipping", "Returns", "Account", "How-to", "Bug report", "Integrations", "Refund",
            "Other",
        ]
        let categoryWeights = (1...categories.count).map { 1 / Double($0) }
        let categoryTotal = categoryWeights.reduce(0, +)
        var sequence = 0

        for dayIndex in 0..<(Self.weeks * 7) {
            let day = Self.firstDay.adding(days: dayIndex)
            let weekday = dayIndex % 7  // 0 = Monday
            let week = dayIndex / 7
            let holiday = holidays.contains(day)
            let weekdayFactor = [1.25, 1.1, 1.0, 1.0, 0.9, 0.35, 0.25][weekday] * (holiday ? 0.4 : 1)
            let midnight = Int64(day.daysSinceEpoch) * 86_400 - Self.utcOffset
            for hour in 0..<24 {
                for channel in ["chat", "phone", "email"] {
                    let liveOpen =
                        weekday < 5 && !holiday ? (8..<20).contains(hour) : weekday == 5 && (9..<17).contains(hour)
                    if channel != "email" && !liveOpen { continue }
                    let perDay = ["chat": 220.0, "phone": 160.0, "email": 180.0][channel]! * scale
                    let expected = perDay * weekdayFactor * Self.intradayShare(hour: hour, channel: channel)
                    for _ in 0..<random.poisson(mean: expected) {
                        sequence += 1
                        let created = Timestamp(seconds: midnight + Int64(hour * 3_600) + Int64(random.unit() * 3_600))
                        var contact = Contact(
                            id: String(format: "NW-%06d", sequence),
                            channel: channel,
                            createdAt: created
                        )
                        let tierDraw = random.unit()
                        contact.tier = tierDraw < 0.15 ? "enterprise" : tierDraw < 0.7 ? "standard" : "smb"
                        var categoryDraw = random.unit() * categoryTotal
                        contact.category = categories.last
                        for (index, weight) in categoryWeights.enumerated() {
                            categoryDraw -= weight
                            if categoryDraw <= 0 {
                                contact.category = categories[index]
                                break
                            }
                        }
                        let team =
                            contact.tier == "enterprise" && channel != "chat"
                            ? "Enterprise" : ["chat": "Chat", "phone": "Voice", "email": "Email"][channel]!
                        contact.team = team
                        let pool = agents[team]!
                        contact.agent = pool[Int(random.unit() * Double(pool.count)) % pool.count]
                        Self.fillTimes(&contact, week: week, weekday: weekday, holidays: holidays, random: &random)
                        Self.fillOutcomes(&contact, random: &random)
                        // Nothing after the end of the data is known yet: those contacts are still open.
                        if let first = contact.firstResponseAt, first >= end {
                            contact.firstResponseAt = nil
                            contact.resolvedAt = nil
                            contact.endedAt = nil
                            contact.csat = nil
                            contact.nps = nil
                        }
                        if let resolved = contact.resolvedAt, resolved >= end {
                            contact.resolvedAt = nil
                            contact.csat = nil
                            contact.nps = nil
                        }
                        if let ended = contact.endedAt, ended >= end { contact.endedAt = nil }
                        contacts.append(contact)
                    }
                }
            }
        }
        self.contacts = contacts
        self.asOf = end
        self.charterYAML = Self.charter
    }

    /// A hundred agents in four teams.
    static let agents: [String: [String]] = {
        var pools: [String: [String]] = [:]
        var number = 0
        for (team, size) in [("Chat", 30), ("Voice", 35), ("Email", 25), ("Enterprise", 10)] {
            pools[team] = (0..<size).map { _ in
                number += 1
                return String(format: "agent-%03d", number)
            }
        }
        return pools
    }()

    /// Share of a day's contacts arriving in each local hour: peaks at 10:00 and 14:00; email also at night.
    static func intradayShare(hour: Int, channel: String) -> Double {
        let shape: (Double) -> Double = { h in
            Foundation.exp(-pow((h - 10) / 2.2, 2)) + 0.8 * Foundation.exp(-pow((h - 14.5) / 2.5, 2)) + 0.04
        }
        let hours = channel == "email" ? Array(0..<24) : Array(8..<20)
        let total = hours.reduce(0) { $0 + shape(Double($1) + 0.5) }
        return shape(Double(hour) + 0.5) / total
    }

    /// Whether the office (Mon–Fri 08:00–18:00 Amsterdam, holidays closed) is open at an instant.
    static func officeOpen(_ instant: Timestamp, holidays: Set<LocalDate>) -> Bool {
        let local = instant.seconds + utcOffset
        let days = Int((local - (local % 86_400 + 86_400) % 86_400) / 86_400)
        let date = LocalDate(year: 1970, month: 1, day: 1)!.adding(days: days)
        let weekday = ((days % 7) + 10) % 7  // 1970-01-01 was a Thursday: 3 in Monday-first counting
        let hour = Int((local % 86_400 + 86_400) % 86_400 / 3_600)
        return weekday < 5 && (8..<18).contains(hour) && !holidays.contains(date)
    }

    static func fillTimes(
        _ contact: inout Contact,
        week: Int,
        weekday: Int,
        holidays: Set<LocalDate>,
        random: inout SeededGenerator
    ) {
        let created = contact.createdAt
        func after(_ start: Timestamp, _ seconds: Double) -> Timestamp {
            Timestamp(seconds: start.seconds + Int64(seconds.rounded()))
        }
        switch contact.channel {
        case "chat":
            // Week 7 of the quarter (ISO week 21) loses a third of the chat team to a launch.
            let gap = week == 7
            let wait = random.logNormal(median: gap ? 95 : 17, sigma: gap ? 0.9 : 0.75)
            contact.firstResponseAt = after(created, wait)
            let talk = random.logNormal(median: 9 * 60, sigma: 0.7)
            contact.endedAt = after(contact.firstResponseAt!, talk)
            contact.resolvedAt =
                random.chance(0.82)
                ? contact.endedAt : after(contact.endedAt!, random.logNormal(median: 5 * 3_600, sigma: 1.2))
        case "phone":
            let busy = weekday == 0 ? 2.2 : 1
            let wait = random.logNormal(median: 10 * busy, sigma: 1.0)
            let patience = -Foundation.log(random.unit()) * 420
            if wait > patience {
                contact.abandoned = true
                return
            }
            contact.abandoned = false
            contact.firstResponseAt = after(created, wait)
            contact.endedAt = after(contact.firstResponseAt!, random.logNormal(median: 6 * 60, sigma: 0.6))
            contact.wrapSeconds = Int(random.logNormal(median: 70, sigma: 0.5))
            contact.resolvedAt =
                random.chance(0.78)
                ? contact.endedAt : after(contact.endedAt!, random.logNormal(median: 8 * 3_600, sigma: 1.1))
        default:
            // Email gets faster through the quarter: the median wait falls from about 3 h to about 1 h 20 m.
            let median = 3 * 3_600 * (1 - 0.55 * Double(week) / Double(weeks - 1))
            var reply = after(created, random.logNormal(median: median, sigma: 0.9))
            // Replies are written in office hours: one due while closed goes out soon after the next opening.
            var guardDays = 0
            while !officeOpen(reply, holidays: holidays) && guardDays < 24 * 12 {
                reply = Timestamp(seconds: (reply.seconds / 3_600 + 1) * 3_600)
                guardDays += 1
            }
            reply = after(reply, random.unit() * 1_200)
            contact.firstResponseAt = reply
            let enterprise = contact.tier == "enterprise"
            contact.resolvedAt = after(reply, random.logNormal(median: enterprise ? 4 * 3_600 : 9 * 3_600, sigma: 1.1))
        }
    }

    static func fillOutcomes(_ contact: inout Contact, random: inout SeededGenerator) {
        guard contact.abandoned != true, let first = contact.firstResponseAt else { return }
        let replyDraw = random.unit()
        contact.agentReplies = replyDraw < 0.68 ? 1 : replyDraw < 0.88 ? 2 : 3 + Int(random.unit() * 3)
        contact.reopens = random.chance(contact.agentReplies == 1 ? 0.04 : 0.1) ? 1 : 0
        let wait = Double(first.seconds - contact.createdAt.seconds)
        let slow = contact.channel == "email" ? wait > 4 * 3_600 : wait > 60
        if random.chance(0.3) {
            let positive = random.chance(slow ? 0.7 : 0.9)
            contact.csat = positive ? (random.chance(0.6) ? 5 : 4) : Double(1 + Int(random.unit() * 3))
        }
        if random.chance(0.15) {
            let draw = random.unit() + (slow ? 0.12 : 0)
            contact.nps =
                draw < 0.46
                ? 9 + Int(random.unit() * 2) : draw < 0.8 ? 7 + Int(random.unit() * 2) : Int(random.unit() * 7)
        }
    }

    /// The demo charter: every promise stated in the words, every number backed by a promise.
    static let charter = """
        # Northwind Support: the demo organisation of `northstar demo`.
        northstar: 1
        organization: Northwind Support
        owner: Head of Customer Experience
        timezone: Europe/Amsterdam
        tone: friendly
        vision: Every customer leaves each conversation with us confident, informed and ready to get back to work.
        mission: >-
          We answer chats within 1 minute, calls within 30 seconds and emails within 4 hours.
          We fix issues on first contact and follow up until the customer confirms it is done.
        behaviors: [answer, fix, explain, follow up]
        calendars:
          office:
            timezone: Europe/Amsterdam
            hours: {mon-fri: ["08:00-18:00"]}
            holidays: [\(holidays.joined(separator: ", "))]
        segments:
          enterprise: {tier: enterprise}
        promises:
          - id: chat-first-response
            says: answer chats within 1 minute
            metric: first-response
            where: {channel: chat}
            target: {within: 1m, share: 90%}
          - id: phone-speed-of-answer
            says: calls within 30 seconds
            metric: speed-of-answer
            where: {channel: phone}
            target: {within: 30s, share: 80%}
          - id: phone-abandonment
            metric: abandonment
            where: {channel: phone}
            target: {atMost: 8%}
          - id: email-first-response
            says: emails within 4 hours
            metric: first-response
            where: {channel: email}
            clock: office
            target: {within: 4h, share: 90%}
          - id: enterprise-resolution
            metric: resolution
            where: {segment: enterprise}
            clock: office
            target: {p90: 2d}
          - id: first-contact-resolution
            says: fix issues on first contact
            metric: fcr
            target: {atLeast: 65%}
          - id: csat
            says: confident, informed and ready to get back to work
            metric: csat
            target: {atLeast: 85%}
          - id: nps
            metric: nps
            target: {atLeast: 30}
            period: month
          - id: phone-handle-time
            metric: handle-time
            where: {channel: phone}
            target: {median: 8m}
        review: {cadence: quarterly, next: 2027-07-15, signoff: annual}
        history:
          - {version: 1.0.0, date: 2026-01-12, note: Published}
          - {version: 1.1.0, date: 2026-03-23, note: Phone promise added}
        signoffs:
          - {by: Support leadership team, role: approver, date: 2026-03-20, version: 1.1.0}
        buyIn: {surveyed: 2026-03-16, agree: 84%, responses: 88, teamSize: 100}

        """
}
