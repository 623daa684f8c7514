/// The scorecard of a vision and mission: seven checklist items, alerts, readability, traceability.
///
/// Its JSON form is a stable contract for scripts: `score`, `passed`, `checklist`, `readability`,
/// `alerts`, `traceability` keep their names and meaning; new keys may be added.
public struct LintReport: Sendable, Codable {
    /// What was scored: `charter`, `vision` or `mission`.
    public var subject: String
    /// The charter file, when one was scored.
    public var file: String?
    /// Total of the checklist, 0…14.
    public var score: Int
    /// The highest possible score (14).
    public var maximum: Int
    /// The gate: the score must reach this to pass.
    public var minimumScore: Int
    /// Whether `score >= minimumScore`.
    public var passed: Bool
    /// The seven items in a fixed order.
    public var checklist: [ChecklistResult]
    /// Readability of the scored text (vision and mission together for a charter).
    public var readability: Readability
    /// Every wording finding, in file order.
    public var alerts: [LintAlert]
    /// Measurable phrases without a promise, and promises the words do not state.
    public var traceability: Traceability

    /// The items scoring below 2, lowest first: what to fix first.
    public var weakestItems: [ChecklistResult] {
        checklist.filter { $0.score < 2 }.sorted { $0.score < $1.score }
    }
}

/// One of the seven things a good vision and mission get right.
public enum ChecklistItem: String, Sendable, Codable, CaseIterable {
    /// Everyday words, no fluff or jargon, readable.
    case plainWords = "plain-words"
    /// Vision 12–20 words; mission one or two short sentences.
    case shortLength = "short-length"
    /// Verbs customers can see; no vague intentions, no passive voice.
    case clearBehaviors = "clear-behaviors"
    /// Numbers with units and time bounds; no loopholes.
    case measurable
    /// Matches the charter's tone.
    case onBrandTone = "on-brand-tone"
    /// A feeling or result the customer leaves with.
    case customerOutcome = "customer-outcome"
    /// The team stands behind it, by survey.
    case teamBuyIn = "team-buy-in"
}

/// The score of one checklist item with the reasons behind it.
public struct ChecklistResult: Sendable, Codable {
    /// Which item.
    public var item: ChecklistItem
    /// 0, 1 or 2.
    public var score: Int
    /// Why it scored what it did, one sentence each.
    public var reasons: [String]
    /// What would raise the score, when it is below 2.
    public var fix: String?

    private enum CodingKeys: String, CodingKey {
        case item, score, reasons, fix
    }

    /// Encodes every key, `fix` as `null` when the item scored 2.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(item, forKey: .item)
        try container.encode(score, forKey: .score)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(fix, forKey: .fix)
    }
}

/// A wording finding, like a prose linter's: rule, severity, place, the words, and what to write instead.
public struct LintAlert: Sendable, Codable, Hashable {
    /// How much an alert matters.
    public enum Severity: String, Sendable, Codable, Hashable, Comparable {
        /// Breaks a rule the team set (a banned word).
        case error
        /// Weakens the statement.
        case warning
        /// Worth a look.
        case suggestion

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .suggestion: 2
            }
        }

        /// Orders errors first.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The rule id, such as `loophole` or `passive-voice`.
    public var rule: String
    /// How much it matters.
    public var severity: Severity
    /// The file, or `<text>` for a bare statement.
    public var file: String
    /// Line of the match, from 1.
    public var line: Int
    /// Column of the match, from 1.
    public var column: Int
    /// The words matched.
    public var match: String
    /// What is wrong.
    public var message: String
    /// What to write instead, when there is one.
    public var suggestion: String?

    private enum CodingKeys: String, CodingKey {
        case rule, severity, file, line, column, match, message, suggestion
    }

    /// Encodes every key of the contract, `suggestion` as `null` when there is none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(severity, forKey: .severity)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(match, forKey: .match)
        try container.encode(message, forKey: .message)
        try container.encode(suggestion, forKey: .suggestion)
    }
}

/// Whether the words and the promises cover each other.
public struct Traceability: Sendable, Codable {
    /// A measurable phrase of the statements that no promise's `says` covers.
    public struct UntracedPhrase: Sendable, Codable, Hashable {
        /// The phrase.
        public var phrase: String
        /// Which statement it is in: `vision` or `mission`.
        public var statement: String
        /// Line of the phrase.
        public var line: Int
        /// Column of the phrase.
        public var column: Int
    }

    /// A promise that the vision, mission and behaviours do not state.
    public struct UnstatedPromise: Sendable, Codable, Hashable {
        /// The promise id.
        public var id: String
        /// Its `says`, when it has one that was not found.
        public var says: String?
        /// Why it counts as unstated.
        public var reason: String
        /// Line of the promise.
        public var line: Int
        /// Column of the promise.
        public var column: Int
    }

    /// Measurable phrases without a promise.
    public var untracedPhrases: [UntracedPhrase]
    /// Promises the words do not state.
    public var unstatedPromises: [UnstatedPromise]
}
