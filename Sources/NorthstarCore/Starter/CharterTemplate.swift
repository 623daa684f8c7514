import Foundation

/// A starter charter filled in from a few answers, following the fill-in templates:
///
/// - vision: "Every customer [feeling or result] after [touchpoint]."
/// - mission: "We [how you serve], for [who you serve], by [key behaviours], so customers [outcome]."
///
/// Every promise the template writes quotes the mission's own words in `says`, so a fresh charter is
/// fully traceable; what the team must still do (survey buy-in, sign off) is left as comments.
public struct CharterTemplate: Sendable {
    /// The organisation's name.
    public var organization: String
    /// Who owns the charter.
    public var owner: String
    /// The IANA reporting time zone.
    public var timeZoneIdentifier: String
    /// The voice of the statements.
    public var tone: Tone
    /// Who the team serves, as it fits "for …": `our customers`.
    public var customers: String
    /// The feeling or result for the vision: `feels confident and cared for`.
    public var feeling: String
    /// The touchpoint for the vision: `every conversation with our team`.
    public var touchpoint: String
    /// The outcome for the mission, after "so customers": `get back to work`.
    public var outcome: String
    /// The channels served, with their first-response (or speed-of-answer) target, in order.
    public var channels: [(channel: String, within: CharterDuration)]
    /// Customer tiers; the first one gets a resolution promise.
    public var tiers: [String]
    /// The first-contact-resolution target.
    public var firstContactResolution: Share
    /// The CSAT target.
    public var csat: Share
    /// Today, for the history entry.
    public var today: LocalDate

    /// The default target per channel: fast for live channels, hours for written ones.
    public static func defaultTarget(for channel: String) -> CharterDuration {
        switch channel {
        case "chat": CharterDuration(seconds: 60)
        case "phone": CharterDuration(seconds: 30)
        case "messaging": CharterDuration(seconds: 900)
        case "social": CharterDuration(seconds: 3_600)
        default: CharterDuration(seconds: 4 * 3_600)
        }
    }

    /// A template with sensible defaults for everything but the organisation.
    public init(organization: String, today: LocalDate) {
        self.organization = organization
        self.owner = "Head of Customer Experience"
        self.timeZoneIdentifier = "UTC"
        self.tone = .friendly
        self.customers = "our customers"
        self.feeling = "feels confident and cared for"
        self.touchpoint = "every conversation with our team"
        self.outcome = "get back to work"
        self.channels = [("chat", Self.defaultTarget(for: "chat")), ("email", Self.defaultTarget(for: "email"))]
        self.tiers = []
        self.firstContactResolution = Share(fraction: 0.7)
        self.csat = Share(fraction: 0.85)
        self.today = today
    }

    /// The vision sentence.
    public var vision: String { "Every customer \(feeling) after \(touchpoint)." }

    /// The mission sentence.
    public var mission: String {
        "We \(Self.list(channels.enumerated().map { channelPhrase($0.offset, $0.element) })), for \(customers), by fixing issues on first contact, so customers \(outcome)."
    }

    /// "answer chats within 1 minute" for the first channel, "emails within 4 hours" for the others.
    private func channelPhrase(_ index: Int, _ entry: (channel: String, within: CharterDuration)) -> String {
        let phrase = "\(Self.plural(entry.channel)) within \(Self.words(entry.within))"
        return index == 0 ? "answer \(phrase)" : phrase
    }

    /// The charter as YAML, with comments that teach the format.
    public func render() -> String {
        var lines: [String] = []
        lines.append("# Northstar charter: the promise behind the words. Reference: docs/charter.md")
        lines.append("# Check it with `northstar validate FILE`; score the words with `northstar lint FILE`.")
        lines.append("northstar: 1")
        lines.append("organization: \(Self.yaml(organization))")
        lines.append("owner: \(Self.yaml(owner))")
        lines.append("timezone: \(timeZoneIdentifier)")
        lines.append("tone: \(tone.rawValue)                    # friendly | expert | calm")
        lines.append("# Vision: Every customer [feeling or result] after [touchpoint].")
        lines.append("vision: \(Self.yaml(vision))")
        lines.append("# Mission: We [how you serve], for [who you serve], by [key behaviours], so customers [outcome].")
        lines.append("mission: \(Self.yaml(mission))")
        lines.append("behaviors: [answer, fix, explain, follow up]")
        lines.append("calendars:")
        lines.append("  office:")
        lines.append("    timezone: \(timeZoneIdentifier)")
        lines.append("    hours: {mon-fri: [\"09:00-17:00\"]}")
        lines.append("    holidays: []                # add closed days: [2026-12-25, 2026-12-24..2026-12-26]")
        if !tiers.isEmpty {
            lines.append("segments:")
            for tier in tiers { lines.append("  \(Self.key(tier)): {tier: \(Self.yaml(tier))}") }
        }
        lines.append("promises:")
        for (index, entry) in channels.enumerated() {
            let metric = entry.channel == "phone" ? "speed-of-answer" : "first-response"
            let live = ["chat", "phone", "messaging"].contains(entry.channel)
            lines.append("  - id: \(Self.key(entry.channel))-\(metric)")
            lines.append("    says: \(Self.yaml(channelPhrase(index, entry)))")
            lines.append("    metric: \(metric)")
            lines.append("    where: {channel: \(Self.yaml(entry.channel))}")
            if !live { lines.append("    clock: office                # business hours; remove for wall-clock time") }
            lines.append("    target: {within: \(entry.within), share: 90%}")
        }
        lines.append("  - id: first-contact-resolution")
        lines.append("    says: fixing issues on first contact")
        lines.append("    metric: fcr")
        lines.append("    target: {atLeast: \(firstContactResolution)}")
        lines.append("  - id: csat")
        lines.append("    metric: csat")
        lines.append("    target: {atLeast: \(csat)}")
        if let tier = tiers.first {
            lines.append("  - id: \(Self.key(tier))-resolution")
            lines.append("    metric: resolution")
            lines.append("    where: {segment: \(Self.key(tier))}")
            lines.append("    target: {median: 8h}")
        }
        lines.append("review: {cadence: quarterly, signoff: annual}")
        lines.append("history:")
        lines.append("  - {version: 0.1.0, date: \(today), note: Draft written with northstar init}")
        lines.append("# After the team has read it, record whether they stand behind it (team-buy-in):")
        lines.append("# buyIn: {surveyed: \(today), agree: 82%, responses: 45, teamSize: 50}")
        lines.append("# And who approved it:")
        lines.append("# signoffs:")
        lines.append("#   - {by: CX leadership, role: approver, date: \(today), version: 0.1.0}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func plural(_ channel: String) -> String {
        switch channel {
        case "chat": "chats"
        case "email": "emails"
        case "phone": "calls"
        case "messaging": "messages"
        case "social": "social messages"
        case "web": "web requests"
        default: "\(channel) requests"
        }
    }

    /// `30 seconds`, `1 minute`, `4 hours`, `2 days`: a duration as the mission would say it.
    static func words(_ duration: CharterDuration) -> String {
        let seconds = duration.seconds
        func unit(_ count: Int, _ name: String) -> String { "\(count) \(name)\(count == 1 ? "" : "s")" }
        if seconds % 86_400 == 0 { return unit(seconds / 86_400, "day") }
        if seconds % 3_600 == 0 { return unit(seconds / 3_600, "hour") }
        if seconds % 60 == 0 { return unit(seconds / 60, "minute") }
        return unit(seconds, "second")
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0]) and \(items[1])"
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// A kebab-case key for ids and names.
    static func key(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "segment" : words.joined(separator: "-")
    }

    /// A YAML scalar: plain when safe, double-quoted with escapes otherwise.
    static func yaml(_ text: String) -> String {
        let plainSafe =
            !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || " .,'-/()".contains($0) }
            && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.hasPrefix("-") && !text.hasPrefix("'")
            && !["yes", "no", "true", "false", "null", "on", "off", "~"].contains(text.lowercased())
            && Double(text) == nil
        if plainSafe { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 {
                    escaped += String(format: "\\x%02X", scalar.value)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"\(escaped)\""
    }
}
