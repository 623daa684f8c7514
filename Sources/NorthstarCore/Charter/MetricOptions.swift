/// The choices behind a metric's definition that helpdesks make differently, so a team can first reproduce the
/// numbers its own tool shows (`preset: zendesk`) and then move to Northstar's defaults. Documented in
/// `docs/metrics.md` ("Definition options and presets").
public struct MetricOptions: Sendable, Hashable {
    /// Where a first response's clock starts.
    public enum FirstResponseStart: String, Sendable, Hashable, CaseIterable {
        /// At creation, whatever a bot did first.
        case created
        /// At the later of creation and the last bot handoff before the reply (Northstar's default).
        case handoff
    }

    /// Where first response (and speed of answer) starts.
    public var firstResponseStart: FirstResponseStart = .handoff
    /// Whether pending and on-hold time is removed from resolution.
    public var subtractPauses = true
    /// First-contact resolution allows at most this many public agent replies.
    public var fcrMaxReplies = 1
    /// Whether a reopen disqualifies first-contact resolution.
    public var fcrCountsReopens = true
    /// Days a solved contact must have matured before FCR and reopen rate count it.
    public var reopenWindowDays = 7
    /// CSAT answers at or above this are positive (on the 1–5 scale).
    public var csatPositiveAtLeast: Double = 4
    /// The vendor preset these options started from, if any.
    public var preset: String?

    /// Northstar's defaults.
    public init() {}

    /// The vendor presets, by name.
    public static let presetNames = ["zendesk", "freshdesk", "intercom", "chatwoot", "zammad"]

    /// The options that reproduce a helpdesk's own numbers.
    public static func preset(_ name: String) -> MetricOptions? {
        var options = MetricOptions()
        options.preset = name
        switch name {
        case "zendesk":
            // First reply: creation to the first public agent comment; full resolution to the last solve, pauses
            // included; one-touch: fewer than two agent replies, reopens aside.
            options.firstResponseStart = .created
            options.subtractPauses = false
            options.fcrCountsReopens = false
        case "freshdesk":
            // FCR: resolved in the first response; first response from creation.
            options.firstResponseStart = .created
            options.fcrCountsReopens = false
        case "intercom":
            // Statistics from the first customer message; office-closed time is a business clock's job.
            options.firstResponseStart = .created
            options.subtractPauses = false
        case "chatwoot":
            // First response after the bot handoff; resolution always from creation, nothing paused.
            options.subtractPauses = false
        case "zammad":
            // Pending states pause the clock; first response from creation.
            options.firstResponseStart = .created
        default:
            return nil
        }
        return options
    }

    /// The options in words, for reports: only what differs from Northstar's defaults.
    public var summary: String {
        var parts: [String] = []
        if let preset { parts.append("preset \(preset)") }
        let defaults = MetricOptions()
        if firstResponseStart != defaults.firstResponseStart {
            parts.append("first response from \(firstResponseStart.rawValue)")
        }
        if subtractPauses != defaults.subtractPauses { parts.append("pauses not removed from resolution") }
        if fcrMaxReplies != defaults.fcrMaxReplies { parts.append("FCR with up to \(fcrMaxReplies) replies") }
        if fcrCountsReopens != defaults.fcrCountsReopens { parts.append("FCR ignores reopens") }
        if reopenWindowDays != defaults.reopenWindowDays { parts.append("reopen window \(reopenWindowDays) days") }
        if csatPositiveAtLeast != defaults.csatPositiveAtLeast {
            parts.append("CSAT positive from \(csatPositiveAtLeast)")
        }
        return parts.isEmpty ? "Northstar's defaults" : parts.joined(separator: "; ")
    }
}
