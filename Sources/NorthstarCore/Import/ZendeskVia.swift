import Foundation

/// Zendesk's `via.channel`: how a ticket came in, as the channel word Northstar stores.
///
/// Current payloads write a word (`email`, `web`, `chat`, `voice`, `api`, `native_messaging`); older ones write
/// the via id (an integer, sometimes in quotes) or the via type (`mail`, `web_form`). Ids and types are turned
/// into the word Zendesk's "via types" reference gives as "ticket created by" (4 and `mail` → `email`, 0 and
/// `web_form` → `web`, 34 and `phone_call_inbound` → `voice`), or into the via type where it gives none
/// (8 → `rule`). An id the table does not hold becomes `unknown`. The legacy CSV export's descriptions ("Web
/// form", "Phone call (incoming)") map the same way, so the JSON and CSV exports of one account agree.
enum ZendeskVia {
    /// One row of the via types reference: id, via type, description, and the channel word.
    struct Entry: Sendable {
        let id: Int
        let type: String
        let description: String
        let channel: String
    }

    /// The via types reference, ids 0–41 (developer.zendesk.com, "Via types reference"; the description of 41 is
    /// cut short in the copy checked, so "Facebook message" is inferred from its type).
    static let table: [Entry] = [
        Entry(id: 0, type: "web_form", description: "Web form", channel: "web"),
        Entry(id: 4, type: "mail", description: "Email", channel: "email"),
        Entry(id: 5, type: "web_service", description: "Web service (API)", channel: "api"),
        Entry(id: 8, type: "rule", description: "Trigger, automation", channel: "rule"),
        Entry(id: 9, type: "linked_problem", description: "Linked problem", channel: "linked_problem"),
        Entry(id: 10, type: "group_deletion", description: "Group deletion", channel: "group_deletion"),
        Entry(id: 11, type: "user_change", description: "Change user", channel: "user_change"),
        Entry(id: 12, type: "user_deletion", description: "Delete user", channel: "user_deletion"),
        Entry(id: 13, type: "group_change", description: "Change group", channel: "group_change"),
        Entry(id: 14, type: "resource_push", description: "Push resource", channel: "resource_push"),
        Entry(id: 15, type: "iphone", description: "iPhone", channel: "iphone"),
        Entry(id: 16, type: "get_satisfaction", description: "Get Satisfaction", channel: "get_satisfaction"),
        Entry(id: 17, type: "dropbox", description: "Feedback tab", channel: "web"),
        Entry(id: 19, type: "merge", description: "Merge", channel: "merge"),
        Entry(id: 20, type: "batch", description: "Batch", channel: "web"),
        Entry(
            id: 21,
            type: "recovered_from_suspended_tickets",
            description: "Recover from suspended ticket",
            channel: "recovered_from_suspended_tickets"
        ),
        Entry(
            id: 22,
            type: "automatic_solution_suggestions",
            description: "Automatic Solution Suggestions",
            channel: "automatic_solution_suggestions"
        ),
        Entry(id: 23, type: "twitter_favorite", description: "Twitter like", channel: "twitter"),
        Entry(id: 24, type: "topic", description: "Topic", channel: "forum"),
        Entry(id: 25, type: "user_merge", description: "Merge user", channel: "user_merge"),
        Entry(id: 26, type: "twitter_dm", description: "Twitter DM", channel: "twitter"),
        Entry(id: 27, type: "closed_ticket", description: "Closed ticket", channel: "web"),
        Entry(id: 28, type: "logmein_rescue", description: "LogMeIn Rescue", channel: "logmein_rescue"),
        Entry(id: 29, type: "chat", description: "Chat", channel: "chat"),
        Entry(id: 30, type: "twitter", description: "Twitter", channel: "twitter"),
        Entry(id: 31, type: "ticket_sharing", description: "Ticket sharing", channel: "api"),
        Entry(id: 32, type: "macro_reference", description: "Macro reference", channel: "macro_reference"),
        Entry(id: 33, type: "voicemail", description: "Voicemail", channel: "voice"),
        Entry(id: 34, type: "phone_call_inbound", description: "Phone call (incoming)", channel: "voice"),
        Entry(id: 35, type: "phone_call_outbound", description: "Phone call (outbound)", channel: "voice"),
        Entry(id: 36, type: "blog", description: "Blog", channel: "api"),
        Entry(id: 37, type: "text_message", description: "Text message", channel: "text_message"),
        Entry(id: 38, type: "facebook_post", description: "Facebook post", channel: "facebook"),
        Entry(id: 39, type: "import", description: "Import", channel: "api"),
        Entry(id: 40, type: "github", description: "GitHub", channel: "api"),
        Entry(id: 41, type: "facebook_message", description: "Facebook message", channel: "facebook"),
    ]

    private static let byID = Dictionary(uniqueKeysWithValues: table.map { ($0.id, $0.channel) })
    private static let byName: [String: String] = {
        var names: [String: String] = [:]
        for entry in table {
            names[entry.type] = entry.channel
            names[entry.description.lowercased()] = entry.channel
        }
        return names
    }()

    /// The channel for a via id; `nil` for an id the table does not hold.
    static func channel(id: Int64) -> String? {
        Int(exactly: id).flatMap { byID[$0] }
    }

    /// The channel for a via word as written (a channel word, a via type, a description or an id in digits);
    /// `nil` for digits the table does not hold. Words the table does not name are kept, in lower case.
    static func channel(word: String) -> String? {
        let trimmed = word.trimmingCharacters(in: .whitespaces)
        if let id = Int64(trimmed) { return channel(id: id) }
        let lowered = trimmed.lowercased()
        return byName[lowered] ?? lowered
    }
}
