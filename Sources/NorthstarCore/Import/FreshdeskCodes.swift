import Foundation

/// Freshdesk's integer enums and survey answers, as the words Northstar stores.
///
/// The words are those the UI CSV export writes, in lower case, so the API and CSV exports of one account give the
/// same channels and priorities. Codes not in the tables are kept as `source-N`, `priority-N` and `status-N`.
enum FreshdeskCodes {
    /// `source`: 1, 2, 3, 7, 9 and 10 are in Freshdesk's API v2 reference; 4, 5, 6, 8, 11 and 12 are seen in
    /// older accounts and connectors (forum, Twitter, Facebook, Mobihelp, e-commerce, bot).
    static let sources: [Int64: String] = [
        1: "email", 2: "portal", 3: "phone", 4: "forum", 5: "twitter", 6: "facebook", 7: "chat", 8: "mobihelp",
        9: "feedback widget", 10: "outbound email", 11: "ecommerce", 12: "bot",
    ]

    /// `priority`: 1 low … 4 urgent.
    static let priorities: [Int64: String] = [1: "low", 2: "medium", 3: "high", 4: "urgent"]

    /// `status`: 2 open, 3 pending, 4 resolved, 5 closed; 6 and above are the account's own statuses.
    static let statuses: [Int64: String] = [2: "open", 3: "pending", 4: "resolved", 5: "closed"]

    /// The channel for a `source` code.
    static func source(_ code: Int64) -> String { sources[code] ?? "source-\(code)" }

    /// The priority word for a `priority` code.
    static func priority(_ code: Int64) -> String { priorities[code] ?? "priority-\(code)" }

    /// The status word for a `status` code.
    static func status(_ code: Int64) -> String { statuses[code] ?? "status-\(code)" }

    /// Whether a status word (from the API's code or the CSV's text) means the ticket is resolved now.
    static func isResolved(status: String) -> Bool { status == "resolved" || status == "closed" }

    /// The CSAT answer stored for a positive, neutral and negative survey answer: 5, 3 and 1, so that Northstar's
    /// positive share (4–5) equals Freshdesk's share of positive answers among all answers.
    static let positiveScore = 5.0
    static let neutralScore = 3.0
    static let negativeScore = 1.0

    /// The CSAT answer for a survey rating as the satisfaction ratings API gives it: 101…103 are the happy
    /// answers, 100 neutral, −101…−103 the unhappy ones.
    static func surveyScore(rating: Int64) -> Double? {
        switch rating {
        case 101...103: positiveScore
        case 100: neutralScore
        case -103 ... -101: negativeScore
        default: nil
        }
    }

    /// The CSAT answer for a survey result as the CSV export writes it ("Extremely Happy", "Neutral", "Unhappy",
    /// and the classic survey's "Awesome", "Just Okay", "Not Good"); `nil` for anything else.
    static func surveyScore(text: String) -> Double? {
        let words = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch words {
        case "extremely happy", "very happy", "happy", "awesome": return positiveScore
        case "neutral", "just okay", "okay": return neutralScore
        case "unhappy", "very unhappy", "extremely unhappy", "not good": return negativeScore
        default: return Int64(words).flatMap { surveyScore(rating: $0) }
        }
    }
}
